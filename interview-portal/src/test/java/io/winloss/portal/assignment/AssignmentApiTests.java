package io.winloss.portal.assignment;

import static org.assertj.core.api.Assertions.assertThat;

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
import io.winloss.portal.workspace.Workspaces;

@PortalTest
class AssignmentApiTests {

    @Autowired
    WebTestClient client;

    @Autowired
    Workspaces workspaces;

    @Autowired
    Users users;

    @Autowired
    Assignments assignments;

    TestTenant tenant;

    String dealId;

    String interviewer;

    @BeforeEach
    void newTenantWithADealAndAnInterviewer() {
        tenant = TestTenant.create(workspaces);
        dealId = createDeal(tenant, "Acme");
        interviewer = tenant.addUser(users, Role.INTERVIEWER);
    }

    private String createDeal(TestTenant owner, String account) {
        return owner.asAdmin(client).post().uri("/api/deals")
                .bodyValue(Map.of("account", account, "outcome", "lost", "closeDate", "2026-01-01"))
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
    }

    private WebTestClient.ResponseSpec assign(WebTestClient as, String deal, String email) {
        return as.post().uri("/api/deals/{id}/assignments", deal).bodyValue(Map.of("interviewerEmail", email)).exchange();
    }

    private List<?> listed() {
        return (List<?>) tenant.asAdmin(client).get().uri("/api/deals/{id}/assignments", dealId).exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("items");
    }

    @Test
    void analystAssignsAnInterviewerAndAssigningAgainKeepsOneRecord() {
        String analyst = tenant.addUser(users, Role.ANALYST);
        assign(TestTenant.as(client, analyst), dealId, interviewer.toUpperCase())
                .expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.dealId").isEqualTo(dealId)
                .jsonPath("$.interviewerEmail").isEqualTo(interviewer);
        assign(tenant.asAdmin(client), dealId, interviewer).expectStatus().isCreated()
                .expectBody().jsonPath("$.interviewerEmail").isEqualTo(interviewer);
        assertThat(listed()).hasSize(1);
        assertThat(assignments.forDeal(tenant.workspace().id(), dealId).collectList().block())
                .extracting(Assignment::assignedBy).containsExactly(analyst);
    }

    @Test
    void unknownOrOtherWorkspacesDealIsNotFound() {
        assign(tenant.asAdmin(client), "no-such-deal", interviewer).expectStatus().isNotFound();
        TestTenant other = TestTenant.create(workspaces);
        String theirs = createDeal(other, "Theirs");
        assign(tenant.asAdmin(client), theirs, interviewer).expectStatus().isNotFound();
        other.asAdmin(client).get().uri("/api/deals/{id}/assignments", theirs).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.items.length()").isEqualTo(0);
    }

    @Test
    void onlyAnInterviewerOfThisWorkspaceCanBeAssigned() {
        String analyst = tenant.addUser(users, Role.ANALYST);
        assign(tenant.asAdmin(client), dealId, analyst)
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("interviewerEmail");
        TestTenant other = TestTenant.create(workspaces);
        String theirInterviewer = other.addUser(users, Role.INTERVIEWER);
        assign(tenant.asAdmin(client), dealId, theirInterviewer).expectStatus().isBadRequest();
        assign(tenant.asAdmin(client), dealId, "nobody@example.test").expectStatus().isBadRequest();
        assertThat(listed()).isEmpty();
    }

    @Test
    void interviewersMayNotAssign() {
        assign(TestTenant.as(client, interviewer), dealId, interviewer).expectStatus().isForbidden();
        TestTenant.as(client, interviewer).get().uri("/api/deals/{id}/assignments", dealId).exchange().expectStatus().isForbidden();
        assertThat(listed()).isEmpty();
    }

    @Test
    void deleteRemovesTheAssignment() {
        assign(tenant.asAdmin(client), dealId, interviewer).expectStatus().isCreated();
        tenant.asAdmin(client).delete().uri("/api/deals/{id}/assignments/{email}", dealId, interviewer).exchange()
                .expectStatus().isNoContent();
        assertThat(listed()).isEmpty();
        TestTenant.as(client, interviewer).get().uri("/api/deals/{id}", dealId).exchange().expectStatus().isNotFound();
        tenant.asAdmin(client).delete().uri("/api/deals/{id}/assignments/{email}", dealId, interviewer).exchange()
                .expectStatus().isNotFound();
    }
}
