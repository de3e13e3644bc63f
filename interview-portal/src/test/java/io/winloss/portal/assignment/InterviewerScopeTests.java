package io.winloss.portal.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import io.winloss.portal.PageSession;
import io.winloss.portal.PortalTest;
import io.winloss.portal.TestTenant;
import io.winloss.portal.account.Role;
import io.winloss.portal.account.Users;
import io.winloss.portal.workspace.Workspaces;

/** An interviewer sees the deals assigned to them and nothing else of the workspace; every other deal is a 404. */
@PortalTest
class InterviewerScopeTests {

    @Autowired
    WebTestClient client;

    @Autowired
    Workspaces workspaces;

    @Autowired
    Users users;

    TestTenant tenant;

    String interviewer;

    String assigned;

    String unassigned;

    @BeforeEach
    void interviewerWithOneOfTwoDeals() {
        TestTenant.owner(workspaces); // a fresh instance shows the setup page instead of the login page
        tenant = TestTenant.create(workspaces);
        interviewer = tenant.addUser(users, Role.INTERVIEWER);
        assigned = createDeal(tenant, "Assigned Rockets", "ann@assigned.test");
        unassigned = createDeal(tenant, "Unassigned Widgets", "bob@unassigned.test");
        tenant.asAdmin(client).post().uri("/api/deals/{id}/assignments", assigned)
                .bodyValue(Map.of("interviewerEmail", interviewer)).exchange().expectStatus().isCreated();
    }

    private String createDeal(TestTenant owner, String account, String contactEmail) {
        return owner.asAdmin(client).post().uri("/api/deals")
                .bodyValue(Map.of("account", account, "name", account + " renewal", "outcome", "lost", "closeDate", "2026-01-01",
                        "segment", "mid-market", "competitors", List.of("Globex"),
                        "contacts", List.of(Map.of("name", "Contact of " + account, "email", contactEmail, "role", "CFO"))))
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
    }

    private WebTestClient api() {
        return TestTenant.as(client, interviewer);
    }

    @Test
    void apiListsOnlyAssignedDeals() {
        api().get().uri("/api/deals").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.total").isEqualTo(1)
                .jsonPath("$.items[0].id").isEqualTo(assigned)
                .jsonPath("$.items[0].contacts[0].email").isEqualTo("ann@assigned.test");
        api().get().uri("/api/deals?outcome=won").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(0);
    }

    @Test
    void apiReadsAnAssignedDealAndAnswers404ForAnyOther() {
        api().get().uri("/api/deals/{id}", assigned).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.account").isEqualTo("Assigned Rockets");
        api().get().uri("/api/deals/{id}", unassigned).exchange().expectStatus().isNotFound();
        TestTenant other = TestTenant.create(workspaces);
        String theirs = createDeal(other, "Theirs", "eve@theirs.test");
        api().get().uri("/api/deals/{id}", theirs).exchange().expectStatus().isNotFound();
        api().get().uri("/api/deals/{id}", "no-such-deal").exchange().expectStatus().isNotFound();
    }

    @Test
    void theInterviewerDoesNotSeeTheRepsReasonOrTheMoney() {
        String id = tenant.asAdmin(client).post().uri("/api/deals")
                .bodyValue(Map.of("account", "Secretive", "outcome", "lost", "closeDate", "2026-01-01", "amount", 90000,
                        "discount", 0.3, "repReason", "price", "ownerEmail", "rep@vendor.test"))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
        tenant.asAdmin(client).post().uri("/api/deals/{id}/assignments", id)
                .bodyValue(Map.of("interviewerEmail", interviewer)).exchange().expectStatus().isCreated();

        api().get().uri("/api/deals/{id}", id).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.account").isEqualTo("Secretive")
                .jsonPath("$.repReason").doesNotExist()
                .jsonPath("$.amount").doesNotExist()
                .jsonPath("$.discount").doesNotExist()
                .jsonPath("$.ownerEmail").doesNotExist();
        tenant.asAdmin(client).get().uri("/api/deals/{id}", id).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.repReason").isEqualTo("price")
                .jsonPath("$.amount").isEqualTo(90000);
    }

    @Test
    void everythingElseOfTheDealApiIsForbidden() {
        api().post().uri("/api/deals").bodyValue(Map.of("account", "Mine", "outcome", "won", "closeDate", "2026-01-01"))
                .exchange().expectStatus().isForbidden();
        api().post().uri("/api/deals/{id}/invitations", assigned).bodyValue(Map.of("email", "ann@assigned.test"))
                .exchange().expectStatus().isForbidden();
        api().get().uri("/api/users").exchange().expectStatus().isForbidden();
        api().get().uri("/api/deals").exchange().expectStatus().isOk();
    }

    @Test
    void assignedPageListsOnlyAssignedDealsWithTheirBuyerContacts() {
        PageSession session = PageSession.signIn(client, interviewer, TestTenant.PASSWORD);
        EntityExchangeResult<String> list = session.get("/assigned");
        assertThat(list.getStatus().value()).isEqualTo(200);
        assertThat(list.getResponseBody())
                .contains("Assigned Rockets", "Assigned Rockets renewal", "mid-market", "Globex", "Contact of Assigned Rockets",
                        "ann@assigned.test", "CFO", "href=\"/assigned/" + assigned + "\"")
                .doesNotContain("Unassigned Widgets", "bob@unassigned.test");
    }

    @Test
    void assignedDealPageShowsTheFactsAndLeavesRoomForInterviews() {
        PageSession session = PageSession.signIn(client, interviewer, TestTenant.PASSWORD);
        EntityExchangeResult<String> page = session.get("/assigned/" + assigned);
        assertThat(page.getStatus().value()).isEqualTo(200);
        assertThat(page.getResponseBody()).contains("Assigned Rockets", "2026-01-01", "mid-market", "Globex",
                "ann@assigned.test", "id=\"interviews\"");
        assertThat(page.getResponseBody().split("id=\"interviews\"", -1)).as("one interviews section").hasSize(2);
    }

    @Test
    void unassignedOrOtherWorkspacesDealPageIsNotFound() {
        PageSession session = PageSession.signIn(client, interviewer, TestTenant.PASSWORD);
        EntityExchangeResult<String> page = session.get("/assigned/" + unassigned);
        assertThat(page.getStatus().value()).isEqualTo(404);
        assertThat(page.getResponseBody()).doesNotContain("Unassigned Widgets");
        TestTenant other = TestTenant.create(workspaces);
        String theirs = createDeal(other, "Theirs", "eve@theirs.test");
        assertThat(session.get("/assigned/" + theirs).getStatus().value()).isEqualTo(404);
    }

    @Test
    void interviewerSeesNoAnalystPagesOrLinks() {
        PageSession session = PageSession.signIn(client, interviewer, TestTenant.PASSWORD);
        String home = session.get("/").getResponseBody();
        assertThat(home).contains("href=\"/assigned\"").doesNotContain("href=\"/deals\"", "href=\"/admin/");
        assertThat(session.get("/deals").getStatus().value()).isEqualTo(403);
        assertThat(session.get("/deals/" + assigned).getStatus().value()).isEqualTo(403);
    }

    @Test
    void analystAssignsAndRemovesAnInterviewerOnTheDealPage() {
        String second = tenant.addUser(users, Role.INTERVIEWER);
        PageSession session = PageSession.signIn(client, tenant.adminEmail(), TestTenant.PASSWORD);
        String page = session.get("/deals/" + unassigned).getResponseBody();
        assertThat(page).contains("Interviewers", "<option value=\"" + second + "\"", "action=\"/deals/" + unassigned + "/interviewers\"");

        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("interviewerEmail", second);
        assertThat(session.post("/deals/" + unassigned + "/interviewers", form).getStatus().is3xxRedirection()).isTrue();
        TestTenant.as(client, second).get().uri("/api/deals/{id}", unassigned).exchange().expectStatus().isOk();

        page = session.get("/deals/" + unassigned).getResponseBody();
        assertThat(page).contains("action=\"/deals/" + unassigned + "/interviewers/remove\"")
                .doesNotContain("<option value=\"" + second + "\"");
        assertThat(session.post("/deals/" + unassigned + "/interviewers/remove", form).getStatus().is3xxRedirection()).isTrue();
        TestTenant.as(client, second).get().uri("/api/deals/{id}", unassigned).exchange().expectStatus().isNotFound();
    }

    @Test
    void assigningANonInterviewerOnTheDealPageShowsTheError() {
        PageSession session = PageSession.signIn(client, tenant.adminEmail(), TestTenant.PASSWORD);
        session.get("/deals/" + unassigned);
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("interviewerEmail", tenant.adminEmail());
        EntityExchangeResult<String> refused = session.post("/deals/" + unassigned + "/interviewers", form);
        assertThat(refused.getStatus().value()).isEqualTo(200);
        assertThat(refused.getResponseBody()).contains("must be the email of an interviewer of this workspace");
    }
}
