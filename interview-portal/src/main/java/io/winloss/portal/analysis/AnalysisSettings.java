package io.winloss.portal.analysis;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How this process's analysis worker behaves (application.properties, {@code portal.analysis.*}).
 *
 * @param lease      how long a claimed job stays this worker's without renewal; renewed every third of it, so
 *                   a dead worker's job is taken over about one lease after it died; default 60 s
 * @param jobs       jobs analysed at once by this process; they share the CoreNLP threads; default 2
 * @param threads    CoreNLP threads; 0 means one per core
 * @param nice       the Linux nice value of the CoreNLP threads (0 to 19; 0 leaves them at the request threads'
 *                   priority), so that analysis takes the CPU requests leave; default 10; with {@code idle}, used only
 *                   where the idle class cannot be set
 * @param idle       whether the CoreNLP threads run in Linux's idle scheduling class ({@code SCHED_IDLE}), where any
 *                   request thread that wakes takes their core at once; default true
 */
@ConfigurationProperties("portal.analysis")
public record AnalysisSettings(Duration lease, int jobs, int threads, int nice, boolean idle) {

    public AnalysisSettings {
        if (lease == null || lease.toMillis() < 300) {
            throw new IllegalArgumentException("portal.analysis.lease must be at least 300 ms, was " + lease);
        }
        if (jobs < 1) {
            throw new IllegalArgumentException("portal.analysis.jobs must be at least 1, was " + jobs);
        }
        if (nice < 0 || nice > 19) {
            throw new IllegalArgumentException("portal.analysis.nice must be 0 to 19, was " + nice);
        }
    }

    public int threadsOrCores() {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }
}
