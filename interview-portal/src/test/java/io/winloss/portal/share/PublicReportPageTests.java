package io.winloss.portal.share;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.result.view.Rendering;

import io.winloss.portal.PortalTest;
import io.winloss.portal.TestTenant;
import io.winloss.portal.analysis.Analyses;
import io.winloss.portal.insight.ChangeLog;
import io.winloss.portal.insight.QuoteIndexer;
import io.winloss.portal.store.Store;
import io.winloss.portal.workspace.Workspaces;

/**
 * The public page of a shared report, read without signing in, over {@link KnownThemes}: the report's workspace's
 * themes only, no name, company, deal or link anywhere in its HTML, breakdowns under 5 deals withheld; and the pages
 * an unknown, revoked or expired link gets.
 */
@PortalTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicReportPageTests {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    @Autowired
    WebTestClient client;

    @Autowired
    Workspaces workspaces;

    @Autowired
    Store store;

    @Autowired
    Analyses analyses;

    @Autowired
    ChangeLog changes;

    @Autowired
    QuoteIndexer indexer;

    @Autowired
    SharedReports reports;

    @Autowired
    PublicReportPage publicPage;

    TestTenant tenant;
    KnownThemes.Seeded seeded;
    String html;
    EntityExchangeResult<String> answer;

    @BeforeAll
    void aSharedReportOfKnownThemes() {
        tenant = TestTenant.create(workspaces);
        seeded = KnownThemes.seed(client, tenant, store, analyses, changes, indexer);
        KnownThemes.seedOther(client, TestTenant.create(workspaces), store, analyses, changes, indexer);
        Map<String, Object> created = share(Map.of("title", "Why buyers leave us"));
        answer = client.get().uri(SharedReportApiTests.path(created)).exchange().expectBody(String.class).returnResult();
        html = answer.getResponseBody();
    }

    @Test
    void readsWithoutSigningInTheThemesOfItsOwnWorkspace() {
        assertThat(answer.getStatus().value()).isEqualTo(200);
        assertThat(html).contains("<h1>Why buyers leave us</h1>", tenant.workspace().name() + " · read-only themes report",
                "6 deals", "data-theme=\"price\"", "6 of 6", "1 of 6", "100%", "Computed ");
        assertThat(html).as("another workspace's theme").doesNotContain("contract_terms", "Olga");
        assertThat(html).doesNotContain("Sign in", "action=\"/logout\"");
    }

    @Test
    void quotesNameNoBuyerCompanyOrDealAnywhereInTheHtml() {
        assertThat(html).contains("<ul class=\"quotes\">", "[the buyer&#39;s company]", "[a buyer]");
        assertThat(html).contains("Honestly [the buyer&#39;s company]&#39;s budget could not take the price, [a buyer] told the board.")
                .as("the lost deal whose buyer said its company in lower case and a colleague's first name is quoted");
        for (String name : seeded.names()) {
            assertThat(html).as("the page names %s", name).doesNotContainIgnoringCase(name);
        }
        assertThat(html).doesNotContainIgnoringCase("umbrella").doesNotContain("Dana", "@buyer.example.test", "Priya");
        for (String id : seeded.dealIds()) {
            assertThat(html).doesNotContain(id);
        }
        for (String id : seeded.interviewIds()) {
            assertThat(html).doesNotContain(id);
        }
        assertThat(html).as("links into the portal").doesNotContain("<a ", "/deals/", "/interviews/", "/search");
    }

    @Test
    void breakdownsUnderFiveDealsCarryNoNumbers() {
        assertThat(html).as("support: 2 lost and 2 won deals").doesNotContain("data-theme=\"support\"", "2 of 6")
                .containsPattern("<strong>support</strong> <span class=\"muted\">criterion</span></td>\\s*"
                        + "<td colspan=\"8\" class=\"muted\">fewer than 5 deals</td>");
        assertThat(html).as("implementation: 3 won deals").containsPattern(
                "<strong>implementation</strong> <span class=\"muted\">criterion</span></td>\\s*<td colspan=\"8\"");
        assertThat(html).as("five lost deals closed in 2026-Q1, one in 2026-Q2")
                .contains("<th>2026-Q1</th>", "<th>2026-Q2</th>", "(5 of 5)",
                        "<td data-rate=\"\" class=\"muted\">fewer than 5 deals</td>").doesNotContain("(1 of 1)");
        assertThat(html).as("6 won deals invited, 3 lost").contains("33%").containsPattern(
                "lost</span></td>\\s*<td colspan=\"3\" class=\"muted withheld\">fewer than 5 deals</td>");
    }

    @Test
    void competitorsShowOnlyCriteriaEnoughDealsStandBehind() {
        assertThat(html).contains("<table class=\"aspects-table\">", "<td>HubSpot</td>", "<li>integration (5)</li>",
                "criteria with fewer than 5 deals").doesNotContain("price (2)");
    }

    @Test
    void theLinkWorksUntilItExpires() {
        Instant now = Instant.now();
        Map<String, Object> created = share(Map.of("validDays", 30));
        String token = SharedReportApiTests.path(created).substring("/r/".length());

        Rendering before = publicPage.read(token, now.plus(Duration.ofDays(29))).block(Duration.ofSeconds(30));
        Rendering after = publicPage.read(token, now.plus(Duration.ofDays(31))).block(Duration.ofSeconds(30));

        assertThat(before.view()).isEqualTo(PublicReportPage.VIEW);
        assertThat(before.status()).isNull();
        assertThat(after.view()).isEqualTo(PublicReportPage.VIEW_EXPIRED);
        assertThat(after.status()).isEqualTo(HttpStatus.GONE);
    }

    @Test
    void answersAreNotCachedReferredOrIndexed() {
        assertHeaders(answer);
        assertHeaders(client.get().uri("/r/unknown-token").exchange().expectBody(String.class).returnResult());
    }

    @Test
    void anUnknownLinkIsANotFoundPageWithoutLinksIntoThePortal() {
        EntityExchangeResult<String> unknown = client.get().uri("/r/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")
                .exchange().expectStatus().isNotFound().expectBody(String.class).returnResult();
        assertThat(unknown.getResponseBody()).contains("This report is not available").doesNotContain("<a ");
    }

    @Test
    void aRevokedLinkIsNotFound() {
        Map<String, Object> created = share(Map.of());
        client.get().uri(SharedReportApiTests.path(created)).exchange().expectStatus().isOk();

        tenant.asAdmin(client).delete().uri("/api/reports/" + created.get("id")).exchange().expectStatus().isNoContent();

        assertThat(client.get().uri(SharedReportApiTests.path(created)).exchange().expectStatus().isNotFound()
                .expectBody(String.class).returnResult().getResponseBody()).contains("This report is not available");
    }

    @Test
    void anExpiredLinkIsGone() {
        // shared 40 days ago for 30 days: expired 10 days ago
        Instant sharedAt = Instant.now().minus(Duration.ofDays(40));
        ReportRequest.Valid request = new ReportRequest(null, null, null, null, null, null, null, null, 30).validate(sharedAt);
        SharedReports.Created created = reports.share(tenant.workspace().id(), tenant.adminEmail(), request, sharedAt)
                .block(Duration.ofSeconds(10));
        String path = created.url().substring(created.url().indexOf("/r/"));

        EntityExchangeResult<String> gone = client.get().uri(path).exchange().expectStatus().isEqualTo(410)
                .expectBody(String.class).returnResult();
        assertThat(gone.getResponseBody()).contains("This report link has expired").doesNotContain("price", "<a ");
        assertHeaders(gone);
    }

    private Map<String, Object> share(Map<String, Object> body) {
        return tenant.asAdmin(client).post().uri("/api/reports").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody();
    }

    private static void assertHeaders(EntityExchangeResult<String> result) {
        assertThat(result.getResponseHeaders().getCacheControl()).isEqualTo("no-store");
        assertThat(result.getResponseHeaders().getFirst("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(result.getResponseHeaders().getFirst("X-Robots-Tag")).isEqualTo("noindex");
        assertThat(result.getResponseHeaders().getOrEmpty("Set-Cookie")).as("no session for readers")
                .allSatisfy(cookie -> assertThat(cookie).doesNotContain("SESSION"));
    }
}
