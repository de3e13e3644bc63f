package io.winloss.portal.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

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
class CriteriaAdminPageTests {

    @Autowired
    WebTestClient client;

    @Autowired
    Workspaces workspaces;

    @Autowired
    Users users;

    @Autowired
    CriteriaRules criteria;

    TestTenant tenant;

    PageSession session;

    @BeforeEach
    void signInAsAdmin() {
        TestTenant.owner(workspaces);
        tenant = TestTenant.create(workspaces);
        session = PageSession.signIn(client, tenant.adminEmail(), tenant.password());
    }

    private EntityExchangeResult<String> save(String lines) {
        assertThat(session.get("/admin/criteria").getStatus().value()).isEqualTo(200);
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("lines", lines);
        return session.post("/admin/criteria", form);
    }

    private String stored() {
        return criteria.lines(tenant.workspace().id()).block(Duration.ofSeconds(10));
    }

    @Test
    void pageExplainsEveryCriterionAndShowsTheShippedPatterns() {
        String page = session.get("/admin/criteria").getResponseBody();
        assertThat(page).contains("<code>price</code>", "<code>timing_budget</code>", "<code>security_compliance</code>",
                "Speed, latency, slowness", "price: price | pricing", "<pre class=\"patterns\"", "href=\"/admin/criteria\"")
                .doesNotContain("The patterns changed");
    }

    @Test
    void savingLinesStoresThemAndOffersReanalysis() {
        EntityExchangeResult<String> saved = save("# ours\nprice: sticker shock | per - seat\n");
        assertThat(saved.getStatus().is3xxRedirection()).isTrue();
        assertThat(stored()).isEqualTo("# ours\nprice: sticker shock | per - seat\n");

        String page = session.get(saved.getResponseHeaders().getLocation().toString()).getResponseBody();
        assertThat(page).contains("The patterns changed: interviews analysed with the old patterns keep their old tags until re-analysed",
                "action=\"/analysis/reanalyze\"", "Re-analyse all interviews and answers", "name=\"_csrf\"",
                "price: sticker shock | per - seat");
    }

    @Test
    void aBadLineIsShownWithItsNumberAndNothingChanges() {
        save("price: sticker shock");
        EntityExchangeResult<String> refused = save("price: sticker shock\n\nvibes: good energy\n");
        assertThat(refused.getStatus().value()).isEqualTo(200);
        assertThat(refused.getResponseBody()).contains("line 3: unknown criterion &#39;vibes&#39;", "vibes: good energy")
                .doesNotContain("The patterns changed");
        assertThat(stored()).isEqualTo("price: sticker shock");
        assertThat(criteria.version(tenant.workspace().id()).block()).isEqualTo(1);
    }

    @Test
    void inputIsEscaped() {
        EntityExchangeResult<String> refused = save("<script>alert(1)</script>: x");
        assertThat(refused.getResponseBody()).doesNotContain("<script>alert(1)</script>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        save("# <b>mine</b>\nprice: sticker shock");
        assertThat(session.get("/admin/criteria").getResponseBody()).doesNotContain("<b>mine</b>")
                .contains("# &lt;b&gt;mine&lt;/b&gt;");
    }

    @Test
    void analystCannotOpenTheCriteriaPage() {
        String analyst = tenant.addUser(users, Role.ANALYST);
        session = PageSession.signIn(client, analyst, TestTenant.PASSWORD);
        assertThat(session.get("/admin/criteria").getStatus().value()).isEqualTo(403);
        assertThat(session.get("/").getResponseBody()).doesNotContain("/admin/criteria");
    }
}
