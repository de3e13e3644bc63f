package io.winloss.portal.share;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import io.winloss.portal.PageSession;
import io.winloss.portal.TestTenant;
import io.winloss.portal.PortalTest;
import io.winloss.portal.account.Role;
import io.winloss.portal.account.Users;
import io.winloss.portal.workspace.Workspaces;

/** Sharing from the themes page, the link shown once on {@code /reports}, and revoking there. */
@PortalTest
class SharedReportPagesTests {

    private static final Pattern LINK = Pattern.compile("id=\"report-link\"[^>]*value=\"(http[^\"]+/r/[A-Za-z0-9_-]{43})\"");

    @Autowired
    WebTestClient client;

    @Autowired
    Workspaces workspaces;

    @Autowired
    Users users;

    TestTenant tenant;
    PageSession analyst;

    @BeforeEach
    void signedInAnalyst() {
        TestTenant.owner(workspaces); // until the instance is set up, every page leads to the setup form
        tenant = TestTenant.create(workspaces);
        analyst = PageSession.signIn(client, tenant.addUser(users, Role.ANALYST), TestTenant.PASSWORD);
    }

    @Test
    void theThemesPageOffersToShareWhatItShowsWithItsFilters() {
        String page = ok(analyst.get("/themes?outcome=lost&versus=won&versus=no_decision&segment=enterprise&from=2026-01-01"));

        assertThat(page).contains("<summary>Share as a read-only report</summary>", "action=\"/reports\"",
                "<input type=\"hidden\" name=\"outcome\" value=\"lost\">",
                "<input type=\"hidden\" name=\"versus\" value=\"won\">",
                "<input type=\"hidden\" name=\"versus\" value=\"no_decision\">",
                "<input type=\"hidden\" name=\"segment\" value=\"enterprise\">",
                "<input type=\"hidden\" name=\"from\" value=\"2026-01-01\">")
                .doesNotContain("name=\"to\" value=");
        assertThat(page).as("the menu").contains("href=\"/reports\">Reports</a>");
    }

    @Test
    void sharingShowsTheLinkOnceAndTheListKeepsOnlyTheReport() {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("outcome", "lost");
        form.add("versus", "won");
        form.add("segment", "enterprise");
        form.add("title", "Enterprise losses <for the board>");
        form.add("validDays", "14");
        String created = ok(analyst.post("/reports", form));

        Matcher link = LINK.matcher(created);
        assertThat(link.find()).as("the new link on the page").isTrue();
        String url = link.group(1);
        assertThat(created).contains("Enterprise losses &lt;for the board&gt;", "lost against won", "in enterprise",
                "shown only this once");

        String later = ok(analyst.get("/reports"));
        assertThat(later).contains("Enterprise losses &lt;for the board&gt;", "works until").doesNotContain(url, "/r/");

        client.get().uri(url.substring(url.indexOf("/r/"))).exchange().expectStatus().isOk();
    }

    @Test
    void aRefusedShareSaysWhyAndStoresNothing() {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("outcome", "lost");
        form.add("versus", "lost");
        form.add("validDays", "0");
        String page = ok(analyst.post("/reports", form));

        assertThat(page).contains("<strong>versus</strong>", "<strong>validDays</strong>", "No shared reports yet.")
                .doesNotContain("report-link");
    }

    @Test
    void revokingFromTheListTakesTheLinkDown() {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("validDays", "30");
        Matcher link = LINK.matcher(ok(analyst.post("/reports", form)));
        assertThat(link.find()).isTrue();
        String path = link.group(1).substring(link.group(1).indexOf("/r/"));
        Matcher revoke = Pattern.compile("action=\"(/reports/[0-9a-f]{24}/revoke)\"").matcher(ok(analyst.get("/reports")));
        assertThat(revoke.find()).isTrue();

        EntityExchangeResult<String> revoked = analyst.post(revoke.group(1), new LinkedMultiValueMap<>());

        assertThat(revoked.getStatus().is3xxRedirection()).isTrue();
        assertThat(ok(analyst.get("/reports?revoked"))).contains("Report revoked", "No shared reports yet.");
        client.get().uri(path).exchange().expectStatus().isNotFound();
    }

    @Test
    void interviewersMayNotSeeOrShareReports() {
        PageSession interviewer = PageSession.signIn(client, tenant.addUser(users, Role.INTERVIEWER), TestTenant.PASSWORD);

        assertThat(interviewer.get("/reports").getStatus().value()).isEqualTo(403);
        assertThat(interviewer.get("/").getResponseBody()).doesNotContain("href=\"/reports\"");
        assertThat(interviewer.post("/reports", new LinkedMultiValueMap<>()).getStatus().value()).isEqualTo(403);
    }

    private static String ok(EntityExchangeResult<String> result) {
        assertThat(result.getStatus().value()).as("%s", result.getUrl()).isEqualTo(200);
        return result.getResponseBody();
    }
}
