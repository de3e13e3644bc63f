package io.winloss.portal.program;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.winloss.portal.deal.Deal;
import io.winloss.portal.deal.Deals;
import io.winloss.portal.invitation.Invitation;
import io.winloss.portal.invitation.Invitations;
import io.winloss.portal.workspace.WorkspaceId;
import reactor.core.publisher.Mono;

/** Reads a program's plans, their invitations and deals once, and answers its health and its latest plans. */
@Component
class ProgramReport {

    /** Plans listed on the program page, latest first. */
    static final int LATEST = 50;

    /** A program with its health and its latest plans. */
    record Report(Program program, ProgramHealth health, List<PlanRow> latest) {
    }

    /**
     * One plan as the program page lists it.
     *
     * @param state the plan's status, or for a stopped plan why it stopped ({@code answered}, {@code bounced}, ...)
     * @param next the step it waits for, or empty
     * @param invitation the invitation's status as the deal page shows it, or empty before the invitation
     */
    record PlanRow(String dealId, String account, String outcome, String segment, String state, String stateWords, String next,
            Instant nextAt, String invitation) {
    }

    private final Programs programs;
    private final Plans plans;
    private final Deals deals;
    private final Invitations invitations;

    ProgramReport(Programs programs, Plans plans, Deals deals, Invitations invitations) {
        this.programs = programs;
        this.plans = plans;
        this.deals = deals;
        this.invitations = invitations;
    }

    /** The program's report as of {@code now}; {@code NotFound} when it is not this workspace's. */
    Mono<Report> report(WorkspaceId workspace, String programId, Instant now) {
        return programs.find(workspace, programId).flatMap(program -> plans.forProgram(workspace, programId).collectList()
                .flatMap(all -> Mono.zip(
                                invitations.findAll(workspace, all.stream().filter(p -> p.step() > 0).map(Plan::id).toList())
                                        .collectMap(Invitation::id),
                                deals.findAll(workspace, all.stream().map(Plan::dealId).distinct().toList()).collectMap(Deal::id))
                        .map(t -> new Report(program, ProgramHealth.of(program, all, t.getT1(), t.getT2(), now),
                                latest(all, t.getT1(), t.getT2(), now)))));
    }

    private static List<PlanRow> latest(List<Plan> all, Map<String, Invitation> invitations, Map<String, Deal> deals, Instant now) {
        return all.stream()
                .sorted(Comparator.comparing(Plan::createdAt, Comparator.nullsFirst(Comparator.naturalOrder())).reversed())
                .limit(LATEST)
                .map(plan -> {
                    Deal deal = deals.get(plan.dealId());
                    Invitation invitation = invitations.get(plan.id());
                    boolean stopped = plan.status() == Plan.Status.STOPPED && plan.stopReason() != null;
                    boolean waits = plan.status() == Plan.Status.WAITING || plan.status() == Plan.Status.PAUSED;
                    return new PlanRow(plan.dealId(), deal == null ? "(deleted deal)" : deal.account(),
                            deal == null ? "" : deal.outcome().id(), deal == null ? null : deal.segment(),
                            stopped ? plan.stopReason().id() : plan.status().id(),
                            stopped ? plan.stopReason().words() : words(plan.status()),
                            waits ? Plan.stepName(plan.step()) : "", waits ? plan.nextAt() : null,
                            invitation == null ? "" : invitation.status(now));
                })
                .toList();
    }

    private static String words(Plan.Status status) {
        return switch (status) {
            case WAITING -> "waiting for its next step";
            case PAUSED -> "paused with the program";
            case FINISHED -> "every step done";
            case STOPPED -> "stopped";
        };
    }
}
