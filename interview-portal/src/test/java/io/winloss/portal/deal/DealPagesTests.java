package io.winloss.portal.deal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
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

@PortalTest
class DealPagesTests {

    @Autowired
    WebTestClient client;

    @Autowired
    Workspaces workspaces;

    @Autowired
    Users users;

    @Autowired
    Deals deals;

    TestTenant tenant;

    @BeforeEach
    void newTenant() {
        TestTenant.owner(workspaces); // a fresh instance shows the setup page instead of the login page
        tenant = TestTenant.create(workspaces);
    }

    private PageSession signIn(String email) {
        return PageSession.signIn(client, email, TestTenant.PASSWORD);
    }

    private String createDeal(TestTenant owner, String account) {
        return owner.asAdmin(client).post().uri("/api/deals")
                .bodyValue(Map.of("account", account, "outcome", "lost", "closeDate", "2026-01-01",
                        "contacts", java.util.List.of(Map.of("name", "Ann", "email", "ann@acme.test"))))
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
    }

    @Test
    void anotherWorkspacesDealShowsTheNotFoundPage() {
        TestTenant other = TestTenant.create(workspaces);
        String theirs = createDeal(other, "Theirs");
        PageSession session = signIn(tenant.adminEmail());
        assertThat(session.get("/deals/" + theirs).getStatus().value()).isEqualTo(404);
        assertThat(session.get("/deals/" + theirs + "/edit").getStatus().value()).isEqualTo(404);
    }

    @Test
    void dealPageShowsItsFactsAndContactsAndTheAnswersPlaceholder() {
        String id = createDeal(tenant, "Acme Rockets");
        PageSession session = signIn(tenant.adminEmail());
        EntityExchangeResult<String> page = session.get("/deals/" + id);
        assertThat(page.getStatus().value()).isEqualTo(200);
        assertThat(page.getResponseBody()).contains("Acme Rockets", "ann@acme.test", "id=\"buyer-answers\"");
        EntityExchangeResult<String> list = session.get("/deals?outcome=lost&account=rockets");
        assertThat(list.getResponseBody()).contains("Acme Rockets", "New deal", "Import CSV");
    }

    @Test
    void creationFormCreatesADealOrShowsErrorsWithWhatWasTyped() {
        PageSession session = signIn(tenant.adminEmail());
        assertThat(session.get("/deals/new").getStatus().value()).isEqualTo(200);

        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("account", "Typed Account");
        form.add("outcome", "won");
        form.add("closeDate", "");
        form.add("contactName", "Bob");
        form.add("contactEmail", "bob-at-nowhere");
        EntityExchangeResult<String> refused = session.post("/deals/new", form);
        assertThat(refused.getStatus().value()).isEqualTo(200);
        assertThat(refused.getResponseBody()).contains("closeDate", "contacts[0].email", "value=\"Typed Account\"", "value=\"bob-at-nowhere\"");
        assertThat(deals.list(tenant.workspace().id(), DealFilter.ANY, 0, 1).block(Duration.ofSeconds(5)).total()).isZero();

        form.set("closeDate", "2026-02-03");
        form.set("contactEmail", "bob@nowhere.test");
        EntityExchangeResult<String> created = session.post("/deals/new", form);
        assertThat(created.getStatus().is3xxRedirection()).isTrue();
        String location = created.getResponseHeaders().getLocation().toString();
        assertThat(location).startsWith("/deals/");
        Deal deal = deals.find(tenant.workspace().id(), location.substring("/deals/".length())).block(Duration.ofSeconds(5));
        assertThat(deal.account()).isEqualTo("Typed Account");
        assertThat(deal.contacts()).containsExactly(new Contact("Bob", "bob@nowhere.test", null));
    }

    @Test
    void editFormUpdatesTheDeal() {
        String id = createDeal(tenant, "Before");
        PageSession session = signIn(tenant.adminEmail());
        assertThat(session.get("/deals/" + id + "/edit").getResponseBody()).contains("value=\"Before\"");
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("account", "After");
        form.add("outcome", "churned");
        form.add("closeDate", "2026-04-05");
        assertThat(session.post("/deals/" + id + "/edit", form).getStatus().is3xxRedirection()).isTrue();
        Deal deal = deals.find(tenant.workspace().id(), id).block(Duration.ofSeconds(5));
        assertThat(deal.account()).isEqualTo("After");
        assertThat(deal.outcome()).isEqualTo(Outcome.CHURNED);
        assertThat(deal.contacts()).isEmpty();
    }

    @Test
    void uploadPageImportsAndShowsTheReport() {
        PageSession session = signIn(tenant.adminEmail());
        session.get("/deals/import");
        EntityExchangeResult<String> report = session.upload("/deals/import", "file", "deals.csv", MediaType.parseMediaType("text/csv"),
                "account,outcome,closeDate\nAcme,won,2026-01-01\n,lost,2026-01-02\n".getBytes(StandardCharsets.UTF_8));
        assertThat(report.getStatus().value()).isEqualTo(200);
        assertThat(report.getResponseBody()).contains("Rejected lines", "account is required");
        assertThat(deals.list(tenant.workspace().id(), DealFilter.ANY, 0, 5).block(Duration.ofSeconds(5)).total()).isEqualTo(1);
    }

    @Test
    void interviewersDoNotSeeDealPages() {
        String interviewer = tenant.addUser(users, Role.INTERVIEWER);
        PageSession session = signIn(interviewer);
        assertThat(session.get("/deals").getStatus().value()).isEqualTo(403);
    }
}
