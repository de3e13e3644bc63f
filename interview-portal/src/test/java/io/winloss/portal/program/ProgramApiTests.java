package io.winloss.portal.program;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.winloss.portal.PortalTest;
import io.winloss.portal.TestTenant;
import io.winloss.portal.account.Role;
import io.winloss.portal.account.Users;
import io.winloss.portal.invitation.SurveyFixture;
import io.winloss.portal.store.Store;
import io.winloss.portal.workspace.Workspaces;

@PortalTest
class ProgramApiTests {

    @Autowired
    WebTestClient client;

    @Autowired
    Workspaces workspaces;

    @Autowired
    Users users;

    @Autowired
    Store store;

    @Autowired
    ProgramSchedule schedule;

    TestTenant tenant;
    ProgramFixture fixture;

    @BeforeEach
    void setUp() {
        tenant = TestTenant.create(workspaces);
        fixture = new ProgramFixture(client, tenant, store);
    }

    private static Map<String, Object> body() {
        return Map.of("name", "Enterprise losses", "outcomes", List.of("lost", "no_decision"), "minAmount", 10000,
                "segments", List.of("Enterprise"), "inviteAfterDays", 3, "reminderAfterDays", List.of(3, 7.5),
                "incentive", "A $50 gift card");
    }

    @Test
    void createAnswers201WithTheProgram() {
        tenant.asAdmin(client).post().uri("/api/programs").bodyValue(body()).exchange()
                .expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.id").isNotEmpty()
                .jsonPath("$.name").isEqualTo("Enterprise losses")
                .jsonPath("$.outcomes").isEqualTo(List.of("lost", "no_decision"))
                .jsonPath("$.minAmount").isEqualTo(10000)
                .jsonPath("$.segments").isEqualTo(List.of("Enterprise"))
                .jsonPath("$.inviteAfterDays").isEqualTo(3)
                .jsonPath("$.reminderAfterDays").isEqualTo(List.of(3, 7.5))
                .jsonPath("$.incentive").isEqualTo("A $50 gift card")
                .jsonPath("$.survey").isEqualTo("current")
                .jsonPath("$.active").isEqualTo(true);
    }

    @Test
    void analystsMayCreateProgramsToo() {
        String analyst = tenant.addUser(users, Role.ANALYST);
        TestTenant.as(client, analyst).post().uri("/api/programs").bodyValue(body()).exchange().expectStatus().isCreated();
    }

    @Test
    void badTermsAnswer400WithEveryBadFieldAndStoreNothing() {
        tenant.asAdmin(client).post().uri("/api/programs")
                .bodyValue(Map.of("name", "", "outcomes", List.of("open"), "minAmount", "lots", "inviteAfterDays", -2,
                        "reminderAfterDays", List.of(3, 45), "incentive", "x".repeat(501)))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[*].field").value(fields -> assertThat((List<String>) fields)
                        .contains("name", "outcomes", "minAmount", "inviteAfterDays", "reminderAfterDays", "incentive"));
        tenant.asAdmin(client).get().uri("/api/programs").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.items.length()").isEqualTo(0);
    }

    @Test
    void interviewersMayNotSeeOrChangePrograms() {
        String id = (String) fixture.program(body()).get("id");
        WebTestClient interviewer = TestTenant.as(client, tenant.addUser(users, Role.INTERVIEWER));
        interviewer.post().uri("/api/programs").bodyValue(body()).exchange().expectStatus().isForbidden();
        interviewer.get().uri("/api/programs").exchange().expectStatus().isForbidden();
        interviewer.get().uri("/api/programs/{id}/health", id).exchange().expectStatus().isForbidden();
    }

    @Test
    void withoutCredentialsTheApiAnswers401() {
        client.get().uri("/api/programs").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void anotherWorkspacesProgramIsNotFound() {
        String id = (String) fixture.program(body()).get("id");
        TestTenant other = TestTenant.create(workspaces);
        WebTestClient them = other.asAdmin(client);
        them.get().uri("/api/programs/{id}", id).exchange().expectStatus().isNotFound();
        them.put().uri("/api/programs/{id}", id).bodyValue(body()).exchange().expectStatus().isNotFound();
        them.post().uri("/api/programs/{id}/pause", id).exchange().expectStatus().isNotFound();
        them.get().uri("/api/programs/{id}/health", id).exchange().expectStatus().isNotFound();
        them.get().uri("/api/programs/{id}/plans", id).exchange().expectStatus().isNotFound();
        them.get().uri("/api/programs").exchange().expectStatus().isOk().expectBody().jsonPath("$.items.length()").isEqualTo(0);
        tenant.asAdmin(client).get().uri("/api/programs/{id}", id).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.active").isEqualTo(true);
    }

    @Test
    void updateReplacesTheTermsAndPendingInvitationsFollowThem() {
        String id = (String) fixture.program(Map.of("name", "Losses", "outcomes", List.of("lost"), "inviteAfterDays", 3,
                "reminderAfterDays", List.of(3))).get("id");
        String dealId = fixture.deal("Acme", "lost", ProgramFixture.today(), "ann@acme.test");
        tenant.asAdmin(client).put().uri("/api/programs/{id}", id)
                .bodyValue(Map.of("name", "Losses, a week on", "outcomes", List.of("lost"), "inviteAfterDays", 7,
                        "reminderAfterDays", List.of(2)))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.name").isEqualTo("Losses, a week on").jsonPath("$.inviteAfterDays").isEqualTo(7);
        Instant due = ProgramFixture.today().atStartOfDay(ZoneOffset.UTC).toInstant().plus(Duration.ofDays(7));
        assertThat(fixture.plan(id, dealId).getDate("nextAt").toInstant()).isEqualTo(due);
        tenant.asAdmin(client).put().uri("/api/programs/{id}", id).bodyValue(Map.of("name", "x")).exchange()
                .expectStatus().isBadRequest();
        tenant.asAdmin(client).get().uri("/api/programs/{id}/plans", id).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.items[0].dealId").isEqualTo(dealId)
                .jsonPath("$.items[0].status").isEqualTo("waiting");
    }

    @Test
    void healthCountsInvitationsAnswersAndWhatEachSegmentStillNeeds() {
        String id = (String) fixture.program(Map.of("name", "Everything", "outcomes", List.of("won", "lost"), "inviteAfterDays", 0,
                "reminderAfterDays", List.of(3))).get("id");
        String won = fixture.deal(Map.of("account", "Won Co", "outcome", "won", "closeDate", ProgramFixture.today().toString(),
                "segment", "Enterprise", "contacts", List.of(Map.of("name", "Ann", "email", "ann@won.test"))));
        String lost = fixture.deal(Map.of("account", "Lost Co", "outcome", "lost", "closeDate", ProgramFixture.today().toString(),
                "segment", "Enterprise", "contacts", List.of(Map.of("name", "Bob", "email", "bob@lost.test"))));
        schedule.runDue(Instant.now()).block(Duration.ofSeconds(60));
        String invitationId = fixture.invitations(won).get(0).getString("_id");
        String token = ProgramFixture.token(fixture.mails(invitationId).get(0));
        SurveyFixture.survey(client, token).post(client, "/s/" + token, SurveyFixture.requiredAnswers("anonymous"))
                .expectStatus().isSeeOther();
        assertThat(fixture.invitations(lost)).hasSize(1);

        tenant.asAdmin(client).get().uri("/api/programs/{id}/health", id).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.deals").isEqualTo(2)
                .jsonPath("$.invited").isEqualTo(2)
                .jsonPath("$.answered").isEqualTo(1)
                .jsonPath("$.responseRate.rate").isEqualTo(0.5)
                .jsonPath("$.responseRate.ci[0]").value(lo -> assertThat(((Number) lo).doubleValue()).isBetween(0.05, 0.2))
                .jsonPath("$.responseRate.ci[1]").value(hi -> assertThat(((Number) hi).doubleValue()).isBetween(0.8, 0.95))
                .jsonPath("$.medianDaysToAnswer").isNumber()
                .jsonPath("$.coverage[?(@.outcome == 'won')].answered").isEqualTo(List.of(1))
                .jsonPath("$.coverage[?(@.outcome == 'lost')].invited").isEqualTo(List.of(1))
                .jsonPath("$.coverage[?(@.outcome == 'lost')].answered").isEqualTo(List.of(0))
                .jsonPath("$.segments[0].segment").isEqualTo("Enterprise")
                .jsonPath("$.segments[0].answeredWon").isEqualTo(1)
                .jsonPath("$.segments[0].enough").isEqualTo(false)
                .jsonPath("$.segments[0].moreNeeded").isEqualTo(19);
    }
}
