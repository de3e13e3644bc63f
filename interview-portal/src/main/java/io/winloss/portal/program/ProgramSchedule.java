package io.winloss.portal.program;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.Updates;

import io.winloss.portal.PortalProperties;
import io.winloss.portal.deal.Deal;
import io.winloss.portal.deal.Deals;
import io.winloss.portal.invitation.Invitation;
import io.winloss.portal.invitation.Invitations;
import io.winloss.portal.mail.MailBounced;
import io.winloss.portal.web.InvalidInput;
import io.winloss.portal.web.NotFound;
import io.winloss.portal.workspace.WorkspaceId;
import reactor.core.publisher.Mono;

/**
 * Runs the programs' due steps, every 5 seconds in processes with the {@code worker} role (so due work starts within
 * about 5 seconds): each due invitation plan is claimed with one atomic update ({@link Plans#claim}), its step done,
 * and the outcome recorded only while the claim still holds. The step is safe to repeat: the invitation's id is the
 * plan's, and each mail's outbox id derives from it, so a worker that dies after queuing a mail but before recording
 * it leaves the next worker to find the mail queued, not to queue it again. Several workers therefore invite and
 * remind each buyer exactly once. The same run enrols, at start and then every {@code sweepEvery}, deals whose
 * enrolment a crash interrupted ({@link Deals#settlePending}).
 */
@Component
public class ProgramSchedule {

    private static final Logger log = LoggerFactory.getLogger(ProgramSchedule.class);
    /** Failed attempts at one step after which its plan stops as failed. */
    static final int MAX_FAILURES = 8;
    /** An overdue reminder (the workers were down) is followed by the next one no sooner than this. */
    static final Duration MIN_REMINDER_GAP = Duration.ofHours(12);
    /** Saves younger than this are still finishing their own enrolment; the sweep leaves them be. */
    static final Duration SWEEP_GRACE = Duration.ofMinutes(1);

    private final Plans plans;
    private final Programs programs;
    private final Deals deals;
    private final Invitations invitations;
    private final ProgramSettings settings;
    private final boolean active;
    private final Clock clock;
    private final AtomicReference<Instant> nextSweep = new AtomicReference<>(Instant.MIN);

    @Autowired
    ProgramSchedule(Plans plans, Programs programs, Deals deals, Invitations invitations, ProgramSettings settings,
            PortalProperties properties) {
        this(plans, programs, deals, invitations, settings, properties.isWorker());
    }

    ProgramSchedule(Plans plans, Programs programs, Deals deals, Invitations invitations, ProgramSettings settings, boolean active) {
        this(plans, programs, deals, invitations, settings, active, Clock.systemUTC());
    }

    ProgramSchedule(Plans plans, Programs programs, Deals deals, Invitations invitations, ProgramSettings settings, boolean active,
            Clock clock) {
        this.clock = clock;
        this.plans = plans;
        this.programs = programs;
        this.deals = deals;
        this.invitations = invitations;
        this.settings = settings;
        this.active = active;
    }

    /** Spring calls this once and subscribes to its answer every 5 s: the time is read at each subscription. */
    @Scheduled(initialDelay = 2000, fixedDelay = 5000)
    Mono<Integer> runDueOnSchedule() {
        return Mono.defer(() -> {
            if (!active) {
                return Mono.just(0);
            }
            Instant now = clock.instant();
            return sweepIfDue(now).then(runDue(now));
        });
    }

    private Mono<Long> sweepIfDue(Instant now) {
        Instant due = nextSweep.get();
        if (now.isBefore(due) || !nextSweep.compareAndSet(due, now.plus(settings.sweepEvery()))) {
            return Mono.empty();
        }
        return deals.settlePending(now.minus(SWEEP_GRACE))
                .doOnNext(n -> {
                    if (n > 0) {
                        log.info("enrolled {} deals whose enrolment had not finished", n);
                    }
                })
                .onErrorResume(e -> {
                    log.warn("enrolment sweep failed: {}", e.toString());
                    return Mono.empty();
                });
    }

    /**
     * Does the steps due at {@code now}, one claimed plan at a time, at most {@code stepsPerRun}; answers how many
     * steps it claimed.
     */
    public Mono<Integer> runDue(Instant now) {
        return Mono.defer(() -> plans.claim(now, settings.lease()))
                .flatMap(claim -> step(claim, now).thenReturn(1))
                .defaultIfEmpty(0)
                .repeat(settings.stepsPerRun() - 1L)
                .takeWhile(n -> n > 0)
                .count()
                .map(Long::intValue)
                .onErrorResume(e -> {
                    log.warn("program run stopped: {}", e.toString());
                    return Mono.just(0);
                });
    }

    private Mono<Boolean> step(Plans.Claim claim, Instant now) {
        Plan plan = claim.plan();
        return programs.find(plan.workspace(), plan.programId())
                .flatMap(program -> {
                    if (!program.active()) {
                        return plans.release(claim);
                    }
                    return plan.step() == 0 ? invite(claim, program, now) : remind(claim, program, now);
                })
                .onErrorResume(NotFound.class, e -> plans.stop(claim, Plan.StopReason.DEAL_GONE, now))
                .onErrorResume(e -> {
                    log.info("{} of plan {} failed (attempt {}): {}", Plan.stepName(plan.step()), plan.id(), plan.failures() + 1,
                            e.toString());
                    return plans.failed(claim, reason(e), MAX_FAILURES, now);
                })
                .doOnNext(held -> {
                    if (!held) {
                        log.info("plan {} passed to another worker during its {}", plan.id(), Plan.stepName(plan.step()));
                    }
                });
    }

    private Mono<Boolean> invite(Plans.Claim claim, Program program, Instant now) {
        Plan plan = claim.plan();
        WorkspaceId workspace = plan.workspace();
        return deals.find(workspace, plan.dealId()).flatMap(deal -> {
            if (!ProgramScope.inScope(program.scope(), deal)) {
                return plans.stop(claim, Plan.StopReason.OUT_OF_SCOPE, now);
            }
            Instant inviteAt = program.inviteAt(deal.closeDate());
            if (now.isBefore(inviteAt)) {
                // the close date moved later and the enrolment did not see it yet: wait for the new date
                return plans.postpone(claim, inviteAt, now);
            }
            if (ProgramScope.late(inviteAt, now, settings.catchUpDays())) {
                return plans.stop(claim, Plan.StopReason.TOO_LATE, now);
            }
            String email = ProgramScope.buyer(deal).orElseThrow().email();
            return invitedBefore(workspace, deal, email, plan.id(), now).flatMap(before -> before
                    ? plans.stop(claim, Plan.StopReason.ALREADY_INVITED, now)
                    : invitations.invite(workspace, deal.id(), email, program.incentive(), plan.id(), now)
                            .flatMap(created -> {
                                // a retry finds the first attempt's invitation: reminders count from when it was made
                                Instant invitedAt = created.invitation().createdAt();
                                return plans.advance(claim, program.reminderAt(invitedAt, 1).map(at -> notBefore(at, now)).orElse(null),
                                        List.of(Updates.set("invitedAt", Date.from(invitedAt))), "invitation queued", now);
                            })
                            .onErrorResume(InvalidInput.class, e -> plans.stop(claim, Plan.StopReason.INVALID_EMAIL, now)));
        });
    }

    /** Whether the buyer already has another invitation for this deal that they answered or can still answer. */
    private Mono<Boolean> invitedBefore(WorkspaceId workspace, Deal deal, String email, String planId, Instant now) {
        return invitations.forDeal(workspace, deal.id())
                .filter(other -> !other.id().equals(planId) && other.email().equalsIgnoreCase(email.strip()))
                .any(other -> other.answeredAt() != null || !other.expired(now));
    }

    private Mono<Boolean> remind(Plans.Claim claim, Program program, Instant now) {
        Plan plan = claim.plan();
        int number = plan.step();
        return invitations.find(plan.workspace(), plan.id())
                .switchIfEmpty(Mono.error(() -> new NotFound("invitation")))
                .flatMap(invitation -> {
                    Plan.StopReason stop = whyNoReminder(invitation, now);
                    if (stop != null) {
                        return plans.stop(claim, stop, now);
                    }
                    Instant invitedAt = plan.invitedAt() != null ? plan.invitedAt() : invitation.createdAt();
                    if (program.reminderAt(invitedAt, number).isEmpty()) {
                        return plans.advance(claim, null, List.of(), "finished: the program has no more reminders", now);
                    }
                    return invitations.remind(plan.workspace(), invitation.id(), number, now)
                            .then(plans.advance(claim, program.reminderAt(invitedAt, number + 1).map(at -> notBefore(at, now)).orElse(null),
                                    List.of(Updates.set("remindersSent", number)), Plan.stepName(number) + " queued", now));
                });
    }

    /** Why the buyer gets no more reminders, or null when they may get one. */
    static Plan.StopReason whyNoReminder(Invitation invitation, Instant now) {
        if (invitation.answeredAt() != null) {
            return Plan.StopReason.ANSWERED;
        }
        if (invitation.optedOutAt() != null) {
            return Plan.StopReason.OPTED_OUT;
        }
        if (invitation.bouncedAt() != null) {
            return Plan.StopReason.BOUNCED;
        }
        if (invitation.expired(now)) {
            return Plan.StopReason.EXPIRED;
        }
        return null;
    }

    /** A next reminder already overdue (the workers were down) waits {@link #MIN_REMINDER_GAP}, so two never come at once. */
    private static Instant notBefore(Instant due, Instant now) {
        return due.isAfter(now) ? due : now.plus(MIN_REMINDER_GAP);
    }

    /** A bounced invitation stops its plan at once, so the program page says so before the next reminder is due. */
    @EventListener
    void mailBounced(MailBounced bounced) {
        if (bounced.invitationId() == null || bounced.workspaceId() == null) {
            return;
        }
        plans.stopForInvitation(new WorkspaceId(bounced.workspaceId()), bounced.invitationId(), Plan.StopReason.BOUNCED, clock.instant())
                .subscribe(stopped -> { }, e -> log.warn("could not stop the plan of bounced invitation {}: {}", bounced.invitationId(),
                        e.toString()));
    }

    private static String reason(Throwable e) {
        String message = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
        return message.length() > 500 ? message.substring(0, 500) : message;
    }
}
