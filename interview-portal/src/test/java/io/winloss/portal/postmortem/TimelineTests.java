package io.winloss.portal.postmortem;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.winloss.portal.deal.Deal;
import io.winloss.portal.deal.Outcome;
import io.winloss.portal.interview.Interview;
import io.winloss.portal.invitation.DealAnswers;
import io.winloss.portal.invitation.Invitation;
import io.winloss.portal.workspace.WorkspaceId;

/** A deal's timeline is in date order whatever the source, the close last of its day, and anonymous buyers stay unnamed. */
class TimelineTests {

    private static final WorkspaceId WORKSPACE = new WorkspaceId("w");

    @Test
    void eventsOfEveryKindAreInDateOrder() {
        Deal deal = deal(LocalDate.parse("2026-01-05"), LocalDate.parse("2026-03-31"));
        List<Touchpoint> touchpoints = List.of(
                touchpoint("2026-03-31T16:00:00Z", TouchpointType.NEGOTIATION, "Last call"),
                touchpoint("2026-01-05", TouchpointType.MEETING, "Kick-off"),
                touchpoint("2026-02-10T09:00:00Z", TouchpointType.DEMO, "Demo"),
                touchpoint("2026-02-10", TouchpointType.EMAIL, "Agenda"));
        Invitation invitation = new Invitation("i1", WORKSPACE, deal.id(), "cfo@hooli.example", null,
                Instant.parse("2026-04-02T08:00:00Z"), Instant.parse("2026-05-02T08:00:00Z"),
                Instant.parse("2026-04-02T08:01:00Z"), null, Instant.parse("2026-04-03T19:00:00Z"), null, null, false);
        DealAnswers.ResponseView answer = new DealAnswers.ResponseView("i1", Instant.parse("2026-04-03T19:00:00Z"), false,
                null, false, List.of());
        Interview interview = new Interview("v1", deal.id(), "call.vtt", 10, List.of(), LocalDate.parse("2026-04-10"),
                "ana@vendor.example", Instant.parse("2026-04-12T10:00:00Z"), "job", "file");

        List<TimelineEvent> timeline = Timeline.of(deal, touchpoints, List.of(invitation), List.of(answer), List.of(interview));

        assertThat(timeline).extracting(e -> e.title() + (e.detail() == null ? "" : ": " + e.detail())).containsExactly(
                "Deal opened",
                "Meeting: Kick-off",
                "Email: Agenda",
                "Demo: Demo",
                "Negotiation: Last call",
                "Deal closed: lost",
                "Survey invitation sent: Anonymous buyer", // its buyer answered anonymously: no address
                "Buyer answered the survey: Anonymous buyer",
                "Interview with the buyer: call.vtt");
        assertThat(timeline.get(3).at()).isEqualTo(Instant.parse("2026-02-10T09:00:00Z"));
        assertThat(timeline.get(7).link()).isEqualTo("#answer-i1");
        assertThat(timeline.get(8).link()).isEqualTo("/interviews/v1");
    }

    @Test
    void anAttributableAnswerNamesItsBuyer() {
        Deal deal = deal(null, LocalDate.parse("2026-03-31"));
        DealAnswers.ResponseView named = new DealAnswers.ResponseView("i2", Instant.parse("2026-04-03T19:00:00Z"), true,
                "cfo@hooli.example", false, List.of());

        List<TimelineEvent> timeline = Timeline.of(deal, List.of(), List.of(), List.of(named), List.of());

        assertThat(timeline).extracting(TimelineEvent::kind).containsExactly("closed", "answer");
        assertThat(timeline.get(1).detail()).isEqualTo("cfo@hooli.example");
    }

    @Test
    void aQueuedInvitationAndAnUndatedInterviewUseWhenTheyWereRecorded() {
        Deal deal = deal(null, LocalDate.parse("2026-03-31"));
        Invitation queued = new Invitation("i3", WORKSPACE, deal.id(), "cto@hooli.example", null,
                Instant.parse("2026-03-30T08:00:00Z"), Instant.parse("2026-04-30T08:00:00Z"), null, null, null, null, null, false);
        Interview uploaded = new Interview("v2", deal.id(), "notes.txt", 10, List.of(), null, "ana@vendor.example",
                Instant.parse("2026-03-29T10:00:00Z"), "job", "file");

        List<TimelineEvent> timeline = Timeline.of(deal, List.of(), List.of(queued), List.of(), List.of(uploaded));

        assertThat(timeline).extracting(TimelineEvent::title).containsExactly(
                "Interview transcript uploaded", "Survey invitation queued", "Deal closed: lost");
    }

    private static Deal deal(LocalDate opened, LocalDate closed) {
        return new Deal("d1", null, "Hooli", null, Outcome.LOST, null, null, closed, opened, null, null, List.of(),
                "Price", "rep@vendor.example", List.of(), Instant.EPOCH, Instant.EPOCH);
    }

    private static Touchpoint touchpoint(String date, TouchpointType type, String summary) {
        return new Touchpoint(summary, "d1", TouchpointDate.parse(date).orElseThrow(), type, summary, null, Instant.EPOCH);
    }
}
