package io.winloss.portal.postmortem;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.winloss.portal.deal.Deal;
import io.winloss.portal.interview.Interview;
import io.winloss.portal.invitation.DealAnswers;
import io.winloss.portal.invitation.Invitation;

/**
 * A deal's story in date order: when it opened, its touchpoints, the survey invitations sent and answered, the
 * interviews, and when it closed. Days are UTC days. Within a day the opening comes first and the close last; events
 * known to the minute follow those known only by their day. An answer names its buyer only when the answers page may
 * ({@link DealAnswers.ResponseView#respondent}), and an invitation that buyer answered shows no address ({@link DealAnswers#invitee}), so the timeline never
 * unmasks an anonymous buyer.
 */
final class Timeline {

    private static final int FIRST = 0;
    private static final int DURING = 1;
    private static final int LAST = 2;

    private Timeline() {
    }

    private record Entry(int rank, TimelineEvent event) {
    }

    static List<TimelineEvent> of(Deal deal, List<Touchpoint> touchpoints, List<Invitation> invitations,
            List<DealAnswers.ResponseView> answers, List<Interview> interviews) {
        List<Entry> entries = new ArrayList<>();
        if (deal.openDate() != null) {
            entries.add(new Entry(FIRST, new TimelineEvent(deal.openDate(), null, "opened", "Deal opened", null, deal.ownerEmail(), null)));
        }
        for (Touchpoint t : touchpoints) {
            entries.add(new Entry(DURING, new TimelineEvent(t.date().day(), t.date().instant(), "touchpoint " + t.type().id(),
                    label(t.type()), t.summary(), t.owner(), null)));
        }
        for (Invitation i : invitations) {
            boolean sent = i.sentAt() != null;
            Instant at = sent ? i.sentAt() : i.createdAt();
            entries.add(new Entry(DURING, new TimelineEvent(day(at), at, "invitation",
                    sent ? "Survey invitation sent" : "Survey invitation queued", DealAnswers.invitee(i, answers), null, null)));
        }
        for (DealAnswers.ResponseView r : answers) {
            entries.add(new Entry(DURING, new TimelineEvent(day(r.submittedAt()), r.submittedAt(), "answer",
                    "Buyer answered the survey", r.respondent() != null ? r.respondent() : "Anonymous buyer", null,
                    "#answer-" + r.id())));
        }
        for (Interview i : interviews) {
            LocalDate day = i.interviewDate() != null ? i.interviewDate() : day(i.uploadedAt());
            Instant at = i.interviewDate() != null ? null : i.uploadedAt();
            entries.add(new Entry(DURING, new TimelineEvent(day, at, "interview",
                    i.interviewDate() != null ? "Interview with the buyer" : "Interview transcript uploaded", i.fileName(),
                    null, "/interviews/" + i.id())));
        }
        if (deal.closeDate() != null) {
            entries.add(new Entry(LAST, new TimelineEvent(deal.closeDate(), null, "closed",
                    "Deal closed: " + deal.outcome().id().replace('_', ' '), null, null, null)));
        }
        entries.sort(Comparator.comparing((Entry e) -> e.event().day())
                .thenComparingInt(Entry::rank)
                .thenComparing(e -> e.event().at(), Comparator.nullsFirst(Comparator.naturalOrder())));
        return entries.stream().map(Entry::event).toList();
    }

    /** "Call", "Demo": the type's id as a heading. */
    static String label(TouchpointType type) {
        String id = type.id();
        return Character.toUpperCase(id.charAt(0)) + id.substring(1);
    }

    private static LocalDate day(Instant at) {
        return at.atOffset(ZoneOffset.UTC).toLocalDate();
    }
}
