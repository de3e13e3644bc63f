package io.winloss.portal.program;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.winloss.portal.deal.Deal;
import io.winloss.portal.deal.Outcome;
import io.winloss.portal.invitation.Invitation;
import io.winloss.portal.invitation.ResponseRates.ResponseRate;

/**
 * How a program is doing: how many buyers it invited and reminded, how many answered (with a Wilson 95% interval,
 * as the themes page shows it), how fast, how many opted out or bounced, whether it reaches won and lost buyers
 * alike, and, per segment, whether enough buyers answered to compare wins with losses there. Counts are deals (one
 * invitation per deal and program).
 *
 * @param deals               deals the program enrolled
 * @param awaitingInvitation  of them, plans whose invitation is not due yet (or paused)
 * @param invited             invitations made
 * @param mailed              of them, whose mail left for the mail server
 * @param responseRate        answered over invited, with its interval
 * @param medianDaysToAnswer  from the invitation's mail (or its making, if the mail has not left) to the answer; null
 *                            before the first answer
 * @param expired             invitations that expired unanswered
 * @param stopped             plans stopped before their last step, per reason, most frequent first
 * @param coverage            per outcome in scope: deals, invited, answered, rate
 * @param segments            per segment, whether wins and losses can be compared on what buyers said
 * @param nextDue             when the next invitation or reminder is due; null when none waits
 */
record ProgramHealth(int deals, int awaitingInvitation, int invited, int mailed, int remindersSent, int answered,
        ResponseRate responseRate, Double medianDaysToAnswer, int optedOut, int bounced, int expired, List<StopCount> stopped,
        List<Coverage> coverage, List<SegmentSample> segments, Instant nextDue) {

    /**
     * Answered deals needed on each side (won, lost) before a comparison says anything: the rule of the themes page
     * (the search module's {@code SampleRules.MIN_DEALS_PER_SIDE}).
     */
    static final int ANSWERS_PER_SIDE = 10;
    static final String NO_SEGMENT = "(no segment)";

    record StopCount(String reason, String words, int plans) {
    }

    /** One outcome's buyers: deals enrolled, invited, answered, and the response rate with its Wilson 95% interval. */
    record Coverage(String outcome, int deals, int invited, int answered, double rate, List<Double> ci) {
    }

    /**
     * One segment's answered won and lost deals, and how many more answers a comparison needs ({@value #ANSWERS_PER_SIDE}
     * a side); {@code verdict} says it in words.
     */
    record SegmentSample(String segment, int dealsInScope, int answeredWon, int answeredLost, boolean enough, int moreNeeded,
            String verdict) {
    }

    static ProgramHealth of(Program program, List<Plan> plans, Map<String, Invitation> invitations, Map<String, Deal> deals,
            Instant now) {
        int awaiting = 0;
        int invited = 0;
        int mailed = 0;
        int reminders = 0;
        int answered = 0;
        int optedOut = 0;
        int bounced = 0;
        int expired = 0;
        Instant nextDue = null;
        List<Double> daysToAnswer = new ArrayList<>();
        Map<Plan.StopReason, Integer> stops = new EnumMap<>(Plan.StopReason.class);
        Map<Outcome, int[]> byOutcome = new EnumMap<>(Outcome.class);
        program.scope().outcomes().forEach(o -> byOutcome.put(o, new int[3]));
        Map<String, int[]> bySegment = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        program.scope().segments().forEach(s -> bySegment.put(s, new int[3]));

        for (Plan plan : plans) {
            Deal deal = deals.get(plan.dealId());
            Invitation invitation = invitations.get(plan.id());
            boolean open = plan.status() == Plan.Status.WAITING || plan.status() == Plan.Status.PAUSED;
            if (plan.step() == 0 && open) {
                awaiting++;
            }
            if (plan.status() == Plan.Status.WAITING && plan.nextAt() != null && (nextDue == null || plan.nextAt().isBefore(nextDue))) {
                nextDue = plan.nextAt();
            }
            if (plan.status() == Plan.Status.STOPPED && plan.stopReason() != null) {
                stops.merge(plan.stopReason(), 1, Integer::sum);
            }
            reminders += plan.remindersSent();
            boolean isAnswered = invitation != null && invitation.answeredAt() != null;
            if (invitation != null) {
                invited++;
                if (invitation.sentAt() != null) {
                    mailed++;
                }
                if (isAnswered) {
                    answered++;
                    Instant asked = invitation.sentAt() != null ? invitation.sentAt() : invitation.createdAt();
                    daysToAnswer.add(Duration.between(asked, invitation.answeredAt()).toMillis() / (double) Duration.ofDays(1).toMillis());
                } else if (invitation.optedOutAt() != null) {
                    optedOut++;
                } else if (invitation.bouncedAt() != null) {
                    bounced++;
                } else if (invitation.expired(now)) {
                    expired++;
                }
            }
            if (deal == null) {
                continue;
            }
            int[] outcome = byOutcome.computeIfAbsent(deal.outcome(), o -> new int[3]);
            outcome[0]++;
            outcome[1] += invitation != null ? 1 : 0;
            outcome[2] += isAnswered ? 1 : 0;
            int[] segment = bySegment.computeIfAbsent(deal.segment() == null ? NO_SEGMENT : deal.segment().strip(), s -> new int[3]);
            segment[0]++;
            if (isAnswered && deal.outcome() == Outcome.WON) {
                segment[1]++;
            } else if (isAnswered && deal.outcome() == Outcome.LOST) {
                segment[2]++;
            }
        }

        List<StopCount> stopped = stops.entrySet().stream()
                .sorted(Map.Entry.<Plan.StopReason, Integer>comparingByValue().reversed())
                .map(e -> new StopCount(e.getKey().id(), e.getKey().words(), e.getValue()))
                .toList();
        List<Coverage> coverage = new ArrayList<>();
        byOutcome.forEach((outcome, c) -> {
            ResponseRate rate = ResponseRate.of(outcome.id(), c[1], c[2]);
            coverage.add(new Coverage(outcome.id(), c[0], c[1], c[2], rate.rate(), rate.ci()));
        });
        boolean winsAndLosses = program.scope().outcomes().contains(Outcome.WON) && program.scope().outcomes().contains(Outcome.LOST);
        Map<String, int[]> ordered = new LinkedHashMap<>();
        bySegment.entrySet().stream().sorted(Comparator.comparing((Map.Entry<String, int[]> e) -> -e.getValue()[0]))
                .forEach(e -> ordered.put(e.getKey(), e.getValue()));
        List<SegmentSample> segments = new ArrayList<>();
        ordered.forEach((segment, c) -> segments.add(sample(segment, c[0], c[1], c[2], winsAndLosses)));
        return new ProgramHealth(plans.size(), awaiting, invited, mailed, reminders, answered,
                ResponseRate.of("all", invited, answered), median(daysToAnswer), optedOut, bounced, expired, stopped,
                coverage, segments, nextDue);
    }

    static SegmentSample sample(String segment, int deals, int won, int lost, boolean winsAndLosses) {
        int more = Math.max(0, ANSWERS_PER_SIDE - won) + Math.max(0, ANSWERS_PER_SIDE - lost);
        boolean enough = more == 0;
        String verdict;
        if (enough) {
            verdict = "Enough answers to compare wins with losses: %d won and %d lost deals answered.".formatted(won, lost);
        } else {
            verdict = "Too few answers to conclude anything: %d won and %d lost deals answered; %d more needed (at least %d on each side)."
                    .formatted(won, lost, more, ANSWERS_PER_SIDE);
            if (!winsAndLosses) {
                verdict += " This program does not invite both won and lost deals, so the missing side must come from another program.";
            }
        }
        return new SegmentSample(segment, deals, won, lost, enough, more, verdict);
    }

    static Double median(List<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
