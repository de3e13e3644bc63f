package io.winloss.portal.program;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.mongodb.client.model.Updates;

import io.winloss.portal.PortalTest;
import io.winloss.portal.SettableClock;
import io.winloss.portal.TestTenant;
import io.winloss.portal.deal.Deals;
import io.winloss.portal.invitation.Invitations;
import io.winloss.portal.invitation.SurveyFixture;
import io.winloss.portal.mail.MailBounced;
import io.winloss.portal.secret.SecretToken;
import io.winloss.portal.store.Collections;
import io.winloss.portal.store.Store;
import io.winloss.portal.workspace.Workspaces;
import reactor.core.publisher.Mono;

/**
 * Invitations and reminders with a controllable clock: each test chooses the instants it runs the due steps at
 * ({@link ProgramSchedule#runDue}). Deals close today and programs invite days later, so the portal's own 5 s schedule,
 * which runs at the real time, never reaches these plans first.
 */
@PortalTest
class ProgramScheduleTests {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Duration DAY = Duration.ofDays(1);

    @Autowired
    WebTestClient client;

    @Autowired
    Workspaces workspaces;

    @Autowired
    Store store;

    @Autowired
    ProgramSchedule schedule;

    @Autowired
    ProgramSettings settings;

    @Autowired
    Plans plans;

    @Autowired
    Programs programs;

    @Autowired
    Invitations invitations;

    @Autowired
    Deals deals;

    @Autowired
    ApplicationEventPublisher events;

    TestTenant tenant;
    ProgramFixture fixture;
    LocalDate today;
    /** When a deal closed today is due its invitation in a program inviting 3 days after the close. */
    Instant inviteAt;

    @BeforeEach
    void setUp() {
        tenant = TestTenant.create(workspaces);
        fixture = new ProgramFixture(client, tenant, store);
        today = ProgramFixture.today();
        inviteAt = today.atStartOfDay(ZoneOffset.UTC).toInstant().plus(Duration.ofDays(3));
    }

    /** Runs every step due at {@code now}, however many runs it takes (other tests' plans share the store). */
    private void runDue(Instant now) {
        while (schedule.runDue(now).block(WAIT) >= settings.stepsPerRun()) {
            // a full run: more may be due
        }
    }

    private String invitedDeal(String programId, String email) {
        String dealId = fixture.deal("Acme " + email, "lost", today, email);
        runDue(inviteAt);
        assertThat(fixture.invitations(dealId)).hasSize(1);
        return dealId;
    }

    @Test
    void invitationGoesOutAtTheCloseDatePlusTheDelayAndNotBefore() {
        String programId = fixture.program(3, List.of(3.0, 7.5));
        String dealId = fixture.deal("Acme", "lost", today, "ann@acme.test");
        Document plan = fixture.plan(programId, dealId);
        assertThat(plan.getDate("nextAt").toInstant()).isEqualTo(inviteAt);

        runDue(inviteAt.minusSeconds(1));
        assertThat(fixture.invitations(dealId)).as("a second early").isEmpty();

        runDue(inviteAt);
        List<Document> invited = fixture.invitations(dealId);
        assertThat(invited).hasSize(1);
        Document invitation = invited.get(0);
        assertThat(invitation.getString("_id")).as("the invitation's id is the plan's").isEqualTo(plan.getString("_id"));
        assertThat(invitation.getString("email")).isEqualTo("ann@acme.test");
        assertThat(invitation.getDate("createdAt").toInstant()).isEqualTo(inviteAt);
        List<Document> mails = fixture.mails(invitation.getString("_id"));
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).getString("to")).isEqualTo("ann@acme.test");
        assertThat(mails.get(0).getString("subject")).startsWith("A few questions");

        Document after = fixture.plan(programId, dealId);
        assertThat(after.getInteger("step")).isEqualTo(1);
        assertThat(after.getDate("nextAt").toInstant()).isEqualTo(inviteAt.plus(Duration.ofDays(3)));
    }

    @Test
    void remindersGoOutOnTheConfiguredDaysAfterTheInvitationThenThePlanFinishes() {
        String programId = fixture.program(3, List.of(3.0, 7.5));
        String dealId = invitedDeal(programId, "ann@acme.test");
        String invitationId = fixture.invitations(dealId).get(0).getString("_id");

        runDue(inviteAt.plus(Duration.ofDays(3)).minusSeconds(1));
        assertThat(fixture.mails(invitationId)).hasSize(1);
        runDue(inviteAt.plus(Duration.ofDays(3)));
        List<Document> mails = fixture.mails(invitationId);
        assertThat(mails).hasSize(2);
        assertThat(mails.get(1).getString("_id")).isEqualTo(invitationId + ":reminder:1");
        assertThat(mails.get(1).getString("subject")).startsWith("Reminder");
        assertThat(mails.get(1).getString("to")).isEqualTo("ann@acme.test");

        Instant secondDue = inviteAt.plus(Duration.ofHours(7 * 24 + 12));
        runDue(secondDue.minusSeconds(1));
        assertThat(fixture.mails(invitationId)).hasSize(2);
        runDue(secondDue);
        assertThat(fixture.mails(invitationId)).hasSize(3);
        runDue(inviteAt.plus(Duration.ofDays(29)));
        assertThat(fixture.mails(invitationId)).as("no third reminder").hasSize(3);

        Document plan = fixture.plan(programId, dealId);
        assertThat(plan.getString("status")).isEqualTo("finished");
        assertThat(plan.getInteger("remindersSent")).isEqualTo(2);
    }

    @Test
    void aRemindersFreshLinkOpensTheSameInvitationSurveyAndDraft() {
        fixture.program(3, List.of(3.0));
        String dealId = invitedDeal(null, "ann@acme.test");
        String invitationId = fixture.invitations(dealId).get(0).getString("_id");
        runDue(inviteAt.plus(Duration.ofDays(3)));
        List<Document> mails = fixture.mails(invitationId);
        String first = ProgramFixture.token(mails.get(0));
        String reminder = ProgramFixture.token(mails.get(1));
        assertThat(reminder).isNotEqualTo(first);
        assertThat(mails.get(1).getString("text")).contains("/s/" + reminder, "/s/" + reminder + "/opt-out");
        assertThat(invitations.byToken(reminder).block(WAIT).id()).isEqualTo(invitationId);
        assertThat(invitations.byToken(first).block(WAIT).id()).isEqualTo(invitationId);
        Document stored = Mono.from(store.global(Collections.REMINDER_TOKENS).find(eq("invitationId", invitationId)).first()).block(WAIT);
        assertThat(stored.getString("_id")).as("only the hash is stored").isEqualTo(SecretToken.hashOf(reminder));
        assertThat(stored.toJson()).doesNotContain(reminder);

        MultiValueMap<String, String> draft = new LinkedMultiValueMap<>();
        draft.add("whatWouldHaveChanged", "Cheaper seats for the support team");
        SurveyFixture.survey(client, first).postDraft(client, "/s/" + first + "/draft", draft).expectStatus().isNoContent();
        assertThat(SurveyFixture.survey(client, reminder).html()).contains("Cheaper seats for the support team");
    }

    @Test
    void noReminderAfterTheBuyerAnswered() {
        String programId = fixture.program(3, List.of(3.0, 7.5));
        String dealId = invitedDeal(programId, "ann@acme.test");
        String invitationId = fixture.invitations(dealId).get(0).getString("_id");
        String token = ProgramFixture.token(fixture.mails(invitationId).get(0));
        SurveyFixture.survey(client, token).post(client, "/s/" + token, SurveyFixture.requiredAnswers("anonymous"))
                .expectStatus().isSeeOther();

        runDue(inviteAt.plus(Duration.ofDays(3)));
        runDue(inviteAt.plus(Duration.ofDays(8)));
        assertThat(fixture.mails(invitationId)).hasSize(1);
        Document plan = fixture.plan(programId, dealId);
        assertThat(plan.getString("status")).isEqualTo("stopped");
        assertThat(plan.getString("stopReason")).isEqualTo("answered");
    }

    @Test
    void noReminderAfterTheBuyerOptedOutThroughAReminder() {
        String programId = fixture.program(3, List.of(3.0, 7.5));
        String dealId = invitedDeal(programId, "ann@acme.test");
        String invitationId = fixture.invitations(dealId).get(0).getString("_id");
        runDue(inviteAt.plus(Duration.ofDays(3)));
        String reminder = ProgramFixture.token(fixture.mails(invitationId).get(1));
        SurveyFixture.get(client, "/s/" + reminder + "/opt-out", HttpStatus.OK);

        runDue(inviteAt.plus(Duration.ofDays(8)));
        assertThat(fixture.mails(invitationId)).hasSize(2);
        Document plan = fixture.plan(programId, dealId);
        assertThat(plan.getString("stopReason")).isEqualTo("opted_out");
        assertThat(fixture.invitations(dealId).get(0).getDate("optedOutAt")).isNotNull();
    }

    @Test
    void aBouncedAddressIsMarkedAndGetsNoReminder() throws InterruptedException {
        String programId = fixture.program(3, List.of(3.0, 7.5));
        String dealId = invitedDeal(programId, "nobody@acme.test");
        String invitationId = fixture.invitations(dealId).get(0).getString("_id");

        events.publishEvent(new MailBounced(tenant.workspace().id().value(), invitationId, "nobody@acme.test",
                "550 5.1.1 <nobody@acme.test>: Recipient address rejected"));
        // both listeners write asynchronously: wait for the writes, not for time to pass
        for (int i = 0; i < 100 && (fixture.invitations(dealId).get(0).getDate("bouncedAt") == null
                || !"stopped".equals(fixture.plan(programId, dealId).getString("status"))); i++) {
            Thread.sleep(50);
        }
        assertThat(fixture.invitations(dealId).get(0).getString("bounceReason")).contains("550");
        Document plan = fixture.plan(programId, dealId);
        assertThat(plan.getString("stopReason")).isEqualTo("bounced");

        runDue(inviteAt.plus(Duration.ofDays(8)));
        assertThat(fixture.mails(invitationId)).hasSize(1);
        tenant.asAdmin(client).get().uri("/api/deals/{id}/invitations", dealId).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.items[0].status").isEqualTo("bounced");
    }

    @Test
    void aDealSavedThroughTheApiThenImportedWithTheSameExternalIdIsScheduledOnce() {
        String programId = fixture.program(3, List.of(3.0));
        Map<String, Object> fields = new java.util.HashMap<>(ProgramFixture.dealFields("Acme", "lost", today, "ann@acme.test"));
        fields.put("externalId", "crm-42");
        String dealId = fixture.deal(fields);
        String csv = "externalId,account,outcome,closeDate,amount,contactName,contactEmail\n"
                + "crm-42,Acme Corp,lost," + today + ",30000,Ann,ann@acme.test\n";
        tenant.asAdmin(client).post().uri("/api/deals/import").contentType(MediaType.parseMediaType("text/csv")).bodyValue(csv)
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.updated").isEqualTo(1);
        fields.put("amount", 31000);
        assertThat(fixture.deal(fields)).isEqualTo(dealId);

        assertThat(fixture.plans(programId, dealId)).hasSize(1);
        runDue(inviteAt);
        runDue(inviteAt.plusSeconds(60));
        assertThat(fixture.invitations(dealId)).hasSize(1);
        assertThat(fixture.mails(fixture.invitations(dealId).get(0).getString("_id"))).hasSize(1);
    }

    @Test
    void dealsOutOfScopeAreNeverScheduled() {
        String programId = (String) fixture.program(Map.of("name", "Big enterprise losses", "outcomes", List.of("lost"),
                "minAmount", 10000, "segments", List.of("Enterprise"), "inviteAfterDays", 3, "reminderAfterDays", List.of(3))).get("id");
        Map<String, Object> inScope = Map.of("account", "In", "outcome", "lost", "closeDate", today.toString(), "amount", 10000,
                "segment", "enterprise", "contacts", List.of(Map.of("name", "Ann", "email", "ann@in.test")));
        String in = fixture.deal(inScope);
        List<String> out = List.of(
                fixture.deal(with(inScope, "outcome", "won")),
                fixture.deal(with(inScope, "amount", 9999.99)),
                fixture.deal(without(inScope, "amount")),
                fixture.deal(with(inScope, "segment", "SMB")),
                fixture.deal(without(inScope, "segment")),
                fixture.deal(without(inScope, "contacts")));

        assertThat(fixture.plans(programId, in)).hasSize(1);
        runDue(inviteAt);
        assertThat(fixture.invitations(in)).hasSize(1);
        for (String dealId : out) {
            assertThat(fixture.plans(programId, dealId)).as("plans of out-of-scope deal %s", dealId).isEmpty();
            assertThat(fixture.invitations(dealId)).isEmpty();
        }
    }

    private static Map<String, Object> with(Map<String, Object> fields, String name, Object value) {
        Map<String, Object> copy = new java.util.HashMap<>(fields);
        copy.put(name, value);
        return copy;
    }

    private static Map<String, Object> without(Map<String, Object> fields, String name) {
        Map<String, Object> copy = new java.util.HashMap<>(fields);
        copy.remove(name);
        return copy;
    }

    @Test
    void aDealThatLeavesTheScopeBeforeItsInvitationIsCancelledAndComesBackWithIt() {
        String programId = (String) fixture.program(Map.of("name", "Losses", "outcomes", List.of("lost"),
                "inviteAfterDays", 3, "reminderAfterDays", List.of())).get("id");
        Map<String, Object> lost = with(ProgramFixture.dealFields("Acme", "lost", today, "ann@acme.test"), "externalId", "crm-7");
        String dealId = fixture.deal(lost);
        assertThat(fixture.plan(programId, dealId).getString("status")).isEqualTo("waiting");

        fixture.deal(with(lost, "outcome", "won"));
        Document cancelled = fixture.plan(programId, dealId);
        assertThat(cancelled.getString("status")).isEqualTo("stopped");
        assertThat(cancelled.getString("stopReason")).isEqualTo("out_of_scope");
        runDue(inviteAt);
        assertThat(fixture.invitations(dealId)).isEmpty();

        fixture.deal(with(with(lost, "outcome", "lost"), "closeDate", today.plusDays(1).toString()));
        Document back = fixture.plan(programId, dealId);
        assertThat(back.getString("status")).isEqualTo("waiting");
        assertThat(back.getDate("nextAt").toInstant()).as("the new close date counts").isEqualTo(inviteAt.plus(DAY));
        runDue(inviteAt.plus(DAY));
        assertThat(fixture.invitations(dealId)).hasSize(1);
        assertThat(fixture.plan(programId, dealId).getString("status")).as("no reminders: done").isEqualTo("finished");
    }

    @Test
    void aWorkerThatDiedAfterMailingTheInvitationLeavesNoSecondMail() {
        String programId = fixture.program(3, List.of(3.0));
        String dealId = fixture.deal("Acme", "lost", today, "ann@acme.test");
        String planId = fixture.plan(programId, dealId).getString("_id");
        // the dead worker claimed the plan, made the invitation and queued its mail, then died before recording it
        Mono.from(store.global(Collections.PROGRAM_PLANS).updateOne(eq("_id", planId), Updates.combine(
                Updates.set("leaseUntil", Date.from(inviteAt.plus(settings.lease()))), Updates.set("leaseToken", "dead-worker"))))
                .block(WAIT);
        invitations.invite(tenant.workspace().id(), dealId, "ann@acme.test", null, planId, inviteAt).block(WAIT);

        runDue(inviteAt.plusSeconds(1));
        assertThat(fixture.plan(programId, dealId).getInteger("step")).as("its lease still holds").isZero();
        runDue(inviteAt.plus(settings.lease()).plusSeconds(1));
        assertThat(fixture.plan(programId, dealId).getInteger("step")).as("taken over").isEqualTo(1);
        assertThat(fixture.invitations(dealId)).hasSize(1);
        assertThat(fixture.mails(planId)).hasSize(1);
    }

    @Test
    void aWorkerThatDiedBetweenTheInvitationAndItsMailLeavesTheMailToItsSuccessorWithAWorkingLink() {
        String programId = fixture.program(3, List.of(3.0));
        String dealId = fixture.deal("Acme", "lost", today, "ann@acme.test");
        String planId = fixture.plan(programId, dealId).getString("_id");
        store.tenant(tenant.workspace().id(), Collections.INVITATIONS).insert(new Document("_id", planId).append("dealId", dealId)
                .append("email", "ann@acme.test").append("tokenHash", SecretToken.hashOf("lost-with-the-dead-worker"))
                .append("createdAt", Date.from(inviteAt)).append("expiresAt", Date.from(inviteAt.plus(Duration.ofDays(30)))))
                .block(WAIT);

        runDue(inviteAt);
        List<Document> mails = fixture.mails(planId);
        assertThat(mails).hasSize(1);
        assertThat(invitations.byToken(ProgramFixture.token(mails.get(0))).block(WAIT).id()).isEqualTo(planId);
        assertThat(invitations.byToken("lost-with-the-dead-worker").blockOptional(WAIT)).isEmpty();
        assertThat(fixture.invitations(dealId)).hasSize(1);
    }

    @Test
    void aDealSavedButNotEnrolledBeforeACrashIsEnrolledByTheSweep() {
        String programId = fixture.program(3, List.of(3.0));
        String dealId = "crashed-" + java.util.UUID.randomUUID();
        Date saved = Date.from(Instant.now().minus(Duration.ofMinutes(5)));
        // what a process that died between writing the deal and enrolling it leaves: the note, then the deal
        String note = store.tenant(tenant.workspace().id(), Collections.DEAL_FOLLOW_UPS)
                .insert(new Document("_id", "note-" + dealId).append("since", saved)).block(WAIT).getString("_id");
        store.tenant(tenant.workspace().id(), Collections.DEALS).insert(new Document("_id", dealId).append("account", "Acme")
                .append("outcome", "lost").append("closeDate", today.toString())
                .append("contacts", List.of(new Document("name", "Ann").append("email", "ann@acme.test")))
                .append("createdAt", saved).append("updatedAt", saved))
                .block(WAIT);
        assertThat(fixture.plans(programId, dealId)).isEmpty();

        assertThat(deals.settlePending(Instant.now()).block(WAIT)).isPositive();
        assertThat(fixture.plans(programId, dealId)).hasSize(1);
        assertThat(Mono.from(store.global(Collections.DEAL_FOLLOW_UPS).find(eq("_id", note)).first()).blockOptional(WAIT))
                .as("the note goes once the deals are enrolled").isEmpty();
    }

    @Test
    void aSavedDealLeavesNoFollowUpNoteOnceEnrolled() {
        String programId = fixture.program(3, List.of(3.0));
        String dealId = fixture.deal("Acme", "lost", today, "ann@acme.test");
        assertThat(fixture.plans(programId, dealId)).hasSize(1);
        assertThat(Mono.from(store.global(Collections.DEAL_FOLLOW_UPS).countDocuments(eq("workspaceId", tenant.workspace().id().value())))
                .block(WAIT)).isZero();
    }

    @Test
    void aNewProgramEnrolsRecentDealsButNotDealsClosedLongAgo() {
        String recent = fixture.deal("Recent", "lost", today.minusDays(20), "ann@recent.test");
        String old = fixture.deal("Old", "lost", today.minusYears(2), "bob@old.test");
        String programId = fixture.program(3, List.of(3.0));
        assertThat(fixture.plans(programId, recent)).hasSize(1);
        assertThat(fixture.plans(programId, old)).isEmpty();
        String importedOld = fixture.deal("Imported", "won", today.minusDays(40), "cy@old.test");
        assertThat(fixture.plans(programId, importedOld)).as("invitation would be 37 days late").isEmpty();
    }

    @Test
    void aPausedProgramSendsNothingUntilResumed() {
        String programId = fixture.program(3, List.of(3.0));
        String dealId = fixture.deal("Acme", "lost", today, "ann@acme.test");
        tenant.asAdmin(client).post().uri("/api/programs/{id}/pause", programId).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.active").isEqualTo(false);
        String later = fixture.deal("Later", "won", today, "bob@later.test");
        assertThat(fixture.plan(programId, later).getString("status")).isEqualTo("paused");
        runDue(inviteAt);
        assertThat(fixture.invitations(dealId)).isEmpty();

        tenant.asAdmin(client).post().uri("/api/programs/{id}/resume", programId).exchange().expectStatus().isOk();
        runDue(inviteAt.plusSeconds(10));
        assertThat(fixture.invitations(dealId)).hasSize(1);
        assertThat(fixture.invitations(later)).hasSize(1);
    }

    @Test
    void deletingADealDeletesItsPlans() {
        String programId = fixture.program(3, List.of(3.0));
        String dealId = fixture.deal("Acme", "lost", today, "ann@acme.test");
        assertThat(fixture.plans(programId, dealId)).hasSize(1);
        tenant.asAdmin(client).delete().uri("/api/deals/{id}", dealId).exchange().expectStatus().isNoContent();
        assertThat(fixture.plans(programId, dealId)).isEmpty();
    }

    @Test
    void theScheduledRunReadsTheTimeAtEveryRunNotOnce() {
        String programId = fixture.program(3, List.of(3.0));
        String dealId = fixture.deal("Acme", "lost", today, "ann@acme.test");
        SettableClock clock = new SettableClock(inviteAt.minusSeconds(60));
        ProgramSchedule scheduled = new ProgramSchedule(plans, programs, deals, invitations, settings, true, clock);
        // Spring calls a @Scheduled method returning a Mono once, then subscribes to that Mono at every run
        Mono<Integer> everyRun = scheduled.runDueOnSchedule();

        everyRun.block(WAIT);
        assertThat(fixture.invitations(dealId)).as("a minute early").isEmpty();
        clock.set(inviteAt);
        everyRun.block(WAIT);
        assertThat(fixture.invitations(dealId)).as("the next run, at the invitation's time").hasSize(1);
        assertThat(fixture.plan(programId, dealId).getDate("invitedAt").toInstant()).isEqualTo(inviteAt);
    }
}
