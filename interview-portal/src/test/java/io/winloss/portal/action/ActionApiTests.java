package io.winloss.portal.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
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
import io.winloss.portal.analysis.Analyses;
import io.winloss.portal.store.Store;
import io.winloss.portal.workspace.Workspaces;

@PortalTest
@SuppressWarnings("unchecked")
class ActionApiTests {

    @Autowired
    WebTestClient client;

    @Autowired
    Workspaces workspaces;

    @Autowired
    Users users;

    @Autowired
    Store store;

    @Autowired
    Analyses analyses;

    @Autowired
    Actions actions;

    TestTenant tenant;
    String analyst;
    WebTestClient asAnalyst;

    @BeforeEach
    void setUp() {
        tenant = TestTenant.create(workspaces);
        analyst = tenant.addUser(users, Role.ANALYST);
        asAnalyst = TestTenant.as(client, analyst);
    }

    @Test
    @SuppressWarnings("unchecked")
    void createdActionHasReviewsAtSixWeeksThreeAndSixMonthsAfterItsStart() {
        String dealId = ActionFixture.deal(asAnalyst, "lost", "2026-03-31", Map.of());
        String interview = ActionFixture.interview(store, analyses, tenant.workspace().id(), dealId,
                "The price per seat was double what we could justify.");
        String response = ActionFixture.response(store, analyses, tenant.workspace().id(), dealId, "A lower price.");
        Map<String, Object> body = ActionFixture.action(analyst);
        body.put("startDate", "2026-01-31");
        body.put("themes", List.of("criterion:price", "competitor:HubSpot", "phrase:per seat"));
        body.put("evidence", List.of("interview:" + interview + "#1", "response:" + response + "#whatWouldHaveChanged", response));
        body.put("hypothesis", "Buyers who see the price early stop dropping out late.");
        body.put("dealId", dealId);
        body.put("segment", "mid-market");

        Map<String, Object> created = ActionFixture.create(tenant.asAdmin(client), body);

        assertThat(created).containsEntry("title", "Publish per-seat pricing on the website")
                .containsEntry("team", "marketing").containsEntry("ownerEmail", analyst)
                .containsEntry("startDate", "2026-01-31").containsEntry("dueDate", "2027-06-30")
                .containsEntry("metric", "winRate").containsEntry("status", "open").containsEntry("dealId", dealId)
                .containsEntry("segment", "mid-market").containsEntry("createdBy", tenant.adminEmail())
                .containsEntry("themes", List.of("criterion:price", "competitor:HubSpot", "keyPhrase:per seat"))
                .containsEntry("evidence", List.of("interview:" + interview + "#1",
                        "response:" + response + "#whatWouldHaveChanged", "response:" + response))
                .doesNotContainKeys("baseline", "current");
        List<Map<String, Object>> reviews = (List<Map<String, Object>>) created.get("reviews");
        // 2026-01-31 + 42 days; + 3 months is the last day of April; + 6 months the last of July
        assertThat(reviews).extracting(r -> r.get("due")).containsExactly("2026-03-14", "2026-04-30", "2026-07-31");
        assertThat(reviews).extracting(r -> r.get("n")).containsExactly(1, 2, 3);
        assertThat(reviews).allSatisfy(r -> assertThat(r).containsEntry("status", "pending").doesNotContainKeys("notes", "reviewedAt"));
        assertThat(created.get("nextReview")).isEqualTo("2026-03-14");

        asAnalyst.get().uri("/api/actions/{id}", created.get("id")).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.reviews[2].due").isEqualTo("2026-07-31")
                .jsonPath("$.baseline.from").isEqualTo("2025-08-04")
                .jsonPath("$.baseline.to").isEqualTo("2026-01-30")
                .jsonPath("$.current.from").isEqualTo("2026-01-31");
    }

    @Test
    void startDateDefaultsToToday() {
        Map<String, Object> created = ActionFixture.create(asAnalyst, ActionFixture.action(analyst));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertThat(created.get("startDate")).isIn(today.toString(), today.minusDays(1).toString());
        LocalDate start = LocalDate.parse((String) created.get("startDate"));
        assertThat(created.get("nextReview")).isEqualTo(start.plusDays(42).toString());
    }

    @Test
    void everyBadFieldIsReportedAtOnceAndNothingIsStored() {
        Map<String, Object> body = Map.ofEntries(
                Map.entry("title", " "), Map.entry("team", "operations"), Map.entry("ownerEmail", "not-an-email"),
                Map.entry("startDate", "yesterday"), Map.entry("dueDate", "2026-13-01"), Map.entry("metric", "revenue"),
                Map.entry("themes", List.of("price", "criterion:cheapness", "mood:grumpy")),
                Map.entry("evidence", List.of("interview:abc#x y", "interview:no-such-interview#3")),
                Map.entry("hypothesis", "x".repeat(2001)), Map.entry("dealId", "no-such-deal"),
                Map.entry("segment", "s".repeat(201)));
        asAnalyst.post().uri("/api/actions").bodyValue(body).exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[*].field").value(fields -> assertThat((List<Object>) fields).containsExactlyInAnyOrder(
                        "title", "team", "ownerEmail", "startDate", "dueDate", "metric", "themes[0]", "themes[1]",
                        "themes[2]", "evidence[0]", "evidence[1]", "hypothesis", "dealId", "segment"));
        asAnalyst.get().uri("/api/actions").exchange().expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(0);
    }

    @Test
    void requiredFieldsAreNamed() {
        asAnalyst.post().uri("/api/actions").bodyValue(Map.of()).exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[*].field").value(fields -> assertThat((List<Object>) fields)
                        .containsExactlyInAnyOrder("title", "team", "ownerEmail", "dueDate", "metric"));
    }

    @Test
    void dueDateMayNotComeBeforeTheStart() {
        Map<String, Object> body = ActionFixture.action(analyst);
        body.put("startDate", "2026-05-01");
        body.put("dueDate", "2026-04-30");
        asAnalyst.post().uri("/api/actions").bodyValue(body).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("dueDate");
    }

    @Test
    void ownerMustBeAnAnalystOrAdminOfTheWorkspace() {
        TestTenant other = TestTenant.create(workspaces);
        String interviewer = tenant.addUser(users, Role.INTERVIEWER);
        for (String owner : List.of("stranger@example.test", other.adminEmail(), interviewer)) {
            Map<String, Object> body = ActionFixture.action(owner);
            asAnalyst.post().uri("/api/actions").bodyValue(body).exchange().expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("ownerEmail");
        }
        Map<String, Object> byAdmin = ActionFixture.action(tenant.adminEmail().toUpperCase());
        assertThat(ActionFixture.create(asAnalyst, byAdmin)).containsEntry("ownerEmail", tenant.adminEmail());
    }

    @Test
    void evidenceAndDealOfAnotherWorkspaceAreRefused() {
        TestTenant other = TestTenant.create(workspaces);
        WebTestClient asOther = other.asAdmin(client);
        String theirDeal = ActionFixture.deal(asOther, "lost", "2026-03-31", Map.of());
        String theirInterview = ActionFixture.interview(store, analyses, other.workspace().id(), theirDeal, "Too expensive.");
        Map<String, Object> body = ActionFixture.action(analyst);
        body.put("dealId", theirDeal);
        body.put("evidence", List.of("interview:" + theirInterview + "#1"));
        asAnalyst.post().uri("/api/actions").bodyValue(body).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[*].field").value(fields -> assertThat((List<Object>) fields)
                        .containsExactlyInAnyOrder("dealId", "evidence[0]"));
    }

    @Test
    void interviewersAreForbidden() {
        String interviewer = tenant.addUser(users, Role.INTERVIEWER);
        Map<String, Object> created = ActionFixture.create(asAnalyst, ActionFixture.action(analyst));
        WebTestClient asInterviewer = TestTenant.as(client, interviewer);
        asInterviewer.post().uri("/api/actions").bodyValue(ActionFixture.action(analyst)).exchange().expectStatus().isForbidden();
        asInterviewer.get().uri("/api/actions").exchange().expectStatus().isForbidden();
        asInterviewer.get().uri("/api/actions/{id}", created.get("id")).exchange().expectStatus().isForbidden();
        asInterviewer.patch().uri("/api/actions/{id}", created.get("id")).bodyValue(Map.of("status", "done")).exchange()
                .expectStatus().isForbidden();
        asInterviewer.post().uri("/api/actions/{id}/reviews/1", created.get("id")).bodyValue(Map.of("status", "on_track"))
                .exchange().expectStatus().isForbidden();
        client.get().uri("/api/actions").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void anotherWorkspacesActionIsNotFound() {
        Map<String, Object> created = ActionFixture.create(asAnalyst, ActionFixture.action(analyst));
        TestTenant other = TestTenant.create(workspaces);
        WebTestClient asOther = other.asAdmin(client);
        Object id = created.get("id");
        asOther.get().uri("/api/actions/{id}", id).exchange().expectStatus().isNotFound();
        asOther.patch().uri("/api/actions/{id}", id).bodyValue(Map.of("status", "done")).exchange().expectStatus().isNotFound();
        asOther.post().uri("/api/actions/{id}/reviews/1", id).bodyValue(Map.of("status", "on_track")).exchange()
                .expectStatus().isNotFound();
        asOther.get().uri("/api/actions").exchange().expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(0);
        asAnalyst.get().uri("/api/actions/{id}", id).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("open");
        asAnalyst.get().uri("/api/actions/{id}", "no-such-action").exchange().expectStatus().isNotFound();
    }

    @Test
    void patchChangesStatusOwnerAndDueDateAndRefusesBadValues() {
        Map<String, Object> body = ActionFixture.action(analyst);
        body.put("startDate", "2026-02-01");
        Object id = ActionFixture.create(asAnalyst, body).get("id");
        asAnalyst.patch().uri("/api/actions/{id}", id)
                .bodyValue(Map.of("status", "in_progress", "ownerEmail", tenant.adminEmail(), "dueDate", "2026-09-30"))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("in_progress")
                .jsonPath("$.ownerEmail").isEqualTo(tenant.adminEmail())
                .jsonPath("$.dueDate").isEqualTo("2026-09-30")
                .jsonPath("$.title").isEqualTo("Publish per-seat pricing on the website");
        asAnalyst.patch().uri("/api/actions/{id}", id)
                .bodyValue(Map.of("status", "finished", "ownerEmail", "nobody@example.test", "dueDate", "2026-01-31"))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[*].field").value(fields -> assertThat((List<Object>) fields)
                        .containsExactlyInAnyOrder("status", "ownerEmail", "dueDate"));
        asAnalyst.get().uri("/api/actions/{id}", id).exchange().expectBody()
                .jsonPath("$.status").isEqualTo("in_progress").jsonPath("$.dueDate").isEqualTo("2026-09-30");
        asAnalyst.patch().uri("/api/actions/{id}", id).bodyValue(Map.of("status", "done")).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("done").jsonPath("$.nextReview").doesNotExist();
    }

    @Test
    void listFiltersByTeamAndStatusAndSortsByNextReview() {
        Map<String, Object> later = ActionFixture.action(analyst);
        later.put("startDate", "2026-03-01");
        later.put("team", "sales");
        Map<String, Object> sooner = ActionFixture.action(analyst);
        sooner.put("startDate", "2026-01-01");
        sooner.put("team", "sales");
        Map<String, Object> product = ActionFixture.action(analyst);
        product.put("startDate", "2025-12-01");
        product.put("team", "product");
        Object laterId = ActionFixture.create(asAnalyst, later).get("id");
        Object soonerId = ActionFixture.create(asAnalyst, sooner).get("id");
        Object productId = ActionFixture.create(asAnalyst, product).get("id");

        asAnalyst.get().uri("/api/actions").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(3)
                .jsonPath("$.items[*].id").isEqualTo(List.of(productId, soonerId, laterId));
        asAnalyst.get().uri("/api/actions?team=sales").exchange().expectBody()
                .jsonPath("$.items[*].id").isEqualTo(List.of(soonerId, laterId));
        asAnalyst.patch().uri("/api/actions/{id}", soonerId).bodyValue(Map.of("status", "dropped")).exchange().expectStatus().isOk();
        asAnalyst.get().uri("/api/actions?team=sales&status=open").exchange().expectBody()
                .jsonPath("$.items[*].id").isEqualTo(List.of(laterId));
        asAnalyst.get().uri("/api/actions?status=dropped").exchange().expectBody()
                .jsonPath("$.items[*].id").isEqualTo(List.of(soonerId));
        asAnalyst.get().uri("/api/actions?team=legal").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("team");
    }

    @Test
    void recordingAReviewKeepsStatusNotesReviewerAndTheMetricSeen() {
        Map<String, Object> body = ActionFixture.action(analyst);
        body.put("startDate", "2026-01-01");
        Object id = ActionFixture.create(asAnalyst, body).get("id");
        asAnalyst.post().uri("/api/actions/{id}/reviews/2", id)
                .bodyValue(Map.of("status", "too_early", "notes", "Only two deals since; <b>wait</b>."))
                .exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.reviews[1].status").isEqualTo("too_early")
                .jsonPath("$.reviews[1].notes").isEqualTo("Only two deals since; <b>wait</b>.")
                .jsonPath("$.reviews[1].reviewer").isEqualTo(analyst)
                .jsonPath("$.reviews[1].reviewedAt").exists()
                .jsonPath("$.reviews[1].seen.current.conclusive").isEqualTo(false)
                .jsonPath("$.reviews[1].seen.verdict.message").value(m -> assertThat((String) m).startsWith("Too early"))
                .jsonPath("$.reviews[0].status").isEqualTo("pending")
                .jsonPath("$.nextReview").isEqualTo("2026-02-12");
        asAnalyst.post().uri("/api/actions/{id}/reviews/1", id).bodyValue(Map.of("status", "pending")).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("status");
        asAnalyst.post().uri("/api/actions/{id}/reviews/4", id).bodyValue(Map.of("status", "on_track")).exchange()
                .expectStatus().isNotFound();
        asAnalyst.post().uri("/api/actions/{id}/reviews/1", id).bodyValue(Map.of("status", "on_track", "notes", "x".repeat(5001)))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("notes");
    }

    @Test
    void actionsFromADealAreFoundByItsIdInItsWorkspaceOnly() {
        String dealId = ActionFixture.deal(asAnalyst, "lost", "2026-03-31", Map.of());
        Map<String, Object> first = ActionFixture.action(analyst);
        first.put("dealId", dealId);
        first.put("title", "Fix the onboarding plan");
        Map<String, Object> second = ActionFixture.action(analyst);
        second.put("dealId", dealId);
        second.put("title", "Train reps on per-seat pricing");
        Object firstId = ActionFixture.create(asAnalyst, first).get("id");
        Object secondId = ActionFixture.create(asAnalyst, second).get("id");
        ActionFixture.create(asAnalyst, ActionFixture.action(analyst));

        assertThat(actions.fromDeal(tenant.workspace().id(), dealId).collectList().block(java.time.Duration.ofSeconds(10)))
                .extracting(Action::id, Action::title)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(firstId, "Fix the onboarding plan"),
                        org.assertj.core.groups.Tuple.tuple(secondId, "Train reps on per-seat pricing"));
        TestTenant other = TestTenant.create(workspaces);
        assertThat(actions.fromDeal(other.workspace().id(), dealId).collectList().block(java.time.Duration.ofSeconds(10)))
                .isEmpty();
    }
}
