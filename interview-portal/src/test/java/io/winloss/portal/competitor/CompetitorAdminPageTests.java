package io.winloss.portal.competitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

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

@PortalTest
class CompetitorAdminPageTests {

    @Autowired
    WebTestClient client;

    @Autowired
    Workspaces workspaces;

    @Autowired
    Users users;

    @Autowired
    Competitors competitors;

    TestTenant tenant;

    PageSession session;

    @BeforeEach
    void signInAsAdmin() {
        TestTenant.owner(workspaces);
        tenant = TestTenant.create(workspaces);
        session = PageSession.signIn(client, tenant.adminEmail(), tenant.password());
    }

    private EntityExchangeResult<String> save(String lines) {
        assertThat(session.get("/admin/competitors").getStatus().value()).isEqualTo(200);
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("lines", lines);
        return session.post("/admin/competitors", form);
    }

    private List<CompetitorEntry> stored() {
        return competitors.list(tenant.workspace().id()).block(Duration.ofSeconds(10));
    }

    @Test
    void savingLinesReplacesTheListAndOffersReanalysis() {
        assertThat(session.get("/admin/competitors").getResponseBody()).doesNotContain("The list changed");
        EntityExchangeResult<String> saved = save("# our rivals\nSalesforce: SFDC, Sales Cloud\n\nHubSpot\n");
        assertThat(saved.getStatus().is3xxRedirection()).isTrue();
        assertThat(stored()).containsExactly(new CompetitorEntry("Salesforce", List.of("SFDC", "Sales Cloud")),
                new CompetitorEntry("HubSpot", List.of()));

        String page = session.get(saved.getResponseHeaders().getLocation().toString()).getResponseBody();
        assertThat(page).contains("The list changed: interviews analysed with the old list keep their old tags until re-analysed",
                "action=\"/analysis/reanalyze\"", "Re-analyse all interviews and answers", "name=\"_csrf\"",
                "<td>SFDC, Sales Cloud</td>", "Salesforce: SFDC, Sales Cloud");
    }

    @Test
    void aBadLineIsShownWithItsNumberAndNothingChanges() {
        save("Salesforce: SFDC");
        EntityExchangeResult<String> refused = save("Salesforce: SFDC\n\n: no name\nZoho: sfdc\n");
        assertThat(refused.getStatus().value()).isEqualTo(200);
        assertThat(refused.getResponseBody()).contains("line 3", "a competitor needs a name", "line 4",
                "is already a name or alias of Salesforce", "Zoho: sfdc").doesNotContain("The list changed");
        assertThat(stored()).containsExactly(new CompetitorEntry("Salesforce", List.of("SFDC")));
        assertThat(competitors.version(tenant.workspace().id()).block()).isEqualTo(1);
    }

    @Test
    void namesAreEscaped() {
        save("<script>alert(1)</script>: <b>x</b>");
        String page = session.get("/admin/competitors").getResponseBody();
        assertThat(page).doesNotContain("<script>alert(1)</script>", "<b>x</b>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void analystCannotOpenTheCompetitorPage() {
        String analyst = tenant.addUser(users, Role.ANALYST);
        session = PageSession.signIn(client, analyst, TestTenant.PASSWORD);
        assertThat(session.get("/admin/competitors").getStatus().value()).isEqualTo(403);
        assertThat(session.get("/").getResponseBody()).doesNotContain("/admin/competitors");
    }
}
