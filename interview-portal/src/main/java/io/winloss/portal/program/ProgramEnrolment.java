package io.winloss.portal.program;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import io.winloss.portal.deal.Deal;
import io.winloss.portal.deal.DealSaved;
import io.winloss.portal.deal.Deals;
import io.winloss.portal.workspace.WorkspaceId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Puts deals into programs, whichever way a deal came in: {@link Deals} calls {@link #saved} after every write (page,
 * API, CSV import, CRM events), and a new or changed program looks back over recent deals. A deal in a program's scope
 * gets one invitation plan per program, whatever the number of saves (the plan's key is unique); a deal that left the
 * scope before its invitation went out has its plan cancelled, and gets it back if it returns; a changed close date
 * moves a pending invitation. Deals whose invitation would come more than the catch-up window late are not enrolled.
 */
@Component
class ProgramEnrolment implements DealSaved {

    /** Deals read per batch when a program looks back over recent deals. */
    private static final int BATCH = 500;

    private final Programs programs;
    private final Plans plans;
    private final Deals deals;
    private final ProgramSettings settings;
    private final Clock clock;

    /** {@link Deals} calls this class back after its writes, so it is reached lazily to break the circle. */
    @Autowired
    ProgramEnrolment(Programs programs, Plans plans, @Lazy Deals deals, ProgramSettings settings) {
        this(programs, plans, deals, settings, Clock.systemUTC());
    }

    ProgramEnrolment(Programs programs, Plans plans, Deals deals, ProgramSettings settings, Clock clock) {
        this.programs = programs;
        this.plans = plans;
        this.deals = deals;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public Mono<Void> saved(WorkspaceId workspace, List<Deal> saved) {
        return programs.list(workspace).collectList()
                .flatMap(all -> all.isEmpty() ? Mono.empty() : enrol(workspace, all, saved, clock.instant()));
    }

    @Override
    public Mono<Void> deleting(WorkspaceId workspace, String dealId) {
        return plans.deleteForDeal(workspace, dealId).then();
    }

    /**
     * Enrols the recent deals of a program just created or changed: those closed since its invitation delay plus the
     * catch-up window, and those whose plan still waits for its invitation (a changed delay moves them, a narrower
     * scope cancels them). Then brings the reminders of invited plans in line with the program's reminder days.
     */
    Mono<Void> lookBack(Program program) {
        Instant now = clock.instant();
        LocalDate since = LocalDate.ofInstant(now, ZoneOffset.UTC)
                .minusDays((long) Math.ceil(program.inviteAfterDays()) + settings.catchUpDays());
        List<Program> one = List.of(program);
        return deals.closedSince(program.workspace(), since)
                .buffer(BATCH)
                .concatMap(batch -> enrol(program.workspace(), one, batch, now))
                .then(plans.forProgram(program.workspace(), program.id())
                        .filter(plan -> plan.step() == 0 && isOpen(plan))
                        .map(Plan::dealId)
                        .buffer(BATCH)
                        .concatMap(ids -> deals.findAll(program.workspace(), ids).collectList())
                        .concatMap(batch -> enrol(program.workspace(), one, batch, now))
                        .then())
                .then(alignReminders(program, now));
    }

    /** Invited plans of the program that wait for a reminder: due again by the program's current reminder days. */
    private Mono<Void> alignReminders(Program program, Instant now) {
        return plans.forProgram(program.workspace(), program.id())
                .filter(plan -> plan.step() > 0 && isOpen(plan) && plan.invitedAt() != null)
                .concatMap(plan -> program.reminderAt(plan.invitedAt(), plan.step())
                        .map(at -> plans.reschedule(program.workspace(), plan.id(), plan.step(), at, null))
                        .orElseGet(() -> plans.finish(program.workspace(), plan.id(), plan.step(), now)))
                .then();
    }

    /** Brings the plans of these programs and deals in line with the rules: creates, cancels, moves or revives. */
    Mono<Void> enrol(WorkspaceId workspace, Collection<Program> programList, List<Deal> dealList, Instant now) {
        if (programList.isEmpty() || dealList.isEmpty()) {
            return Mono.empty();
        }
        Map<String, Deal> byId = new LinkedHashMap<>();
        dealList.forEach(d -> byId.put(d.id(), d)); // the latest facts win when a batch names a deal twice
        List<String> keys = new ArrayList<>();
        for (Program program : programList) {
            byId.keySet().forEach(dealId -> keys.add(Plans.key(program.id(), dealId)));
        }
        return plans.byKeys(workspace, keys).collectMap(plan -> Plans.key(plan.programId(), plan.dealId()))
                .flatMap(existing -> {
                    List<Plans.NewPlan> created = new ArrayList<>();
                    List<Mono<Boolean>> changes = new ArrayList<>();
                    for (Program program : programList) {
                        for (Deal deal : byId.values()) {
                            decide(program, deal, existing.get(Plans.key(program.id(), deal.id())), now, created, changes);
                        }
                    }
                    return plans.create(workspace, created, now).then(Flux.concat(changes).then());
                });
    }

    private void decide(Program program, Deal deal, Plan plan, Instant now, List<Plans.NewPlan> created, List<Mono<Boolean>> changes) {
        boolean inScope = ProgramScope.inScope(program.scope(), deal);
        Instant inviteAt = inScope ? program.inviteAt(deal.closeDate()) : null;
        WorkspaceId workspace = program.workspace();
        if (plan == null) {
            if (inScope && !ProgramScope.late(inviteAt, now, settings.catchUpDays())) {
                created.add(new Plans.NewPlan(program.id(), deal.id(), inviteAt, !program.active()));
            }
            return;
        }
        if (plan.step() != 0) {
            return; // the invitation went out: the buyer was asked, and reminders follow the invitation
        }
        if (isOpen(plan)) {
            if (!inScope) {
                changes.add(plans.cancelBeforeInvitation(workspace, plan.id(), Plan.StopReason.OUT_OF_SCOPE, now));
            } else if (!inviteAt.equals(plan.inviteAt())) {
                changes.add(plans.reschedule(workspace, plan.id(), 0, inviteAt, inviteAt));
            }
        } else if (inScope && plan.status() == Plan.Status.STOPPED && plan.stopReason() == Plan.StopReason.OUT_OF_SCOPE
                && !ProgramScope.late(inviteAt, now, settings.catchUpDays())) {
            changes.add(plans.revive(workspace, plan.id(), inviteAt, !program.active(), now));
        }
    }

    private static boolean isOpen(Plan plan) {
        return plan.status() == Plan.Status.WAITING || plan.status() == Plan.Status.PAUSED;
    }
}
