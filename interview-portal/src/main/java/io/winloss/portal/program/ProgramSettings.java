package io.winloss.portal.program;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How invitation programs run (application.properties, {@code portal.programs.*}).
 *
 * @param lease        how long a worker holds a claimed invitation or reminder step; a worker that died holding one
 *                     leaves it to another after this long (the step's mail is queued at most once either way);
 *                     default 60 s
 * @param catchUpDays  an invitation more than this many days overdue is not sent (deals closed long ago, a long
 *                     pause, a worker down for weeks): the plan stops as too late; default 30
 * @param stepsPerRun  invitation and reminder steps one scheduler run takes at most before the next run; default 200
 * @param sweepEvery   how often deals whose enrolment a crash interrupted are enrolled again; default 10 minutes
 *                     (and once when the worker starts)
 */
@ConfigurationProperties("portal.programs")
public record ProgramSettings(Duration lease, int catchUpDays, int stepsPerRun, Duration sweepEvery) {

    public ProgramSettings {
        if (lease == null || lease.toMillis() < 1000) {
            throw new IllegalArgumentException("portal.programs.lease must be at least 1 s, was " + lease);
        }
        if (catchUpDays < 0) {
            throw new IllegalArgumentException("portal.programs.catch-up-days must not be negative, was " + catchUpDays);
        }
        if (stepsPerRun < 1) {
            throw new IllegalArgumentException("portal.programs.steps-per-run must be at least 1, was " + stepsPerRun);
        }
        if (sweepEvery == null || sweepEvery.toSeconds() < 1) {
            throw new IllegalArgumentException("portal.programs.sweep-every must be at least 1 s, was " + sweepEvery);
        }
    }
}
