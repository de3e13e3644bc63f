package io.winloss.portal.insight;

import static io.winloss.portal.analysis.AnalysisFixture.buyer;
import static io.winloss.portal.analysis.AnalysisFixture.interviewer;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.winloss.portal.PageSession;
import io.winloss.portal.PortalTest;
import io.winloss.portal.TestTenant;
import io.winloss.portal.account.Role;
import io.winloss.portal.account.Users;
import io.winloss.portal.analysis.AnalysedSentence;
import io.winloss.portal.analysis.Analyses;
import io.winloss.portal.analysis.AnalysisFixture;
import io.winloss.portal.store.Collections;
import io.winloss.portal.store.Store;
import io.winloss.portal.workspace.WorkspaceId;
import io.winloss.portal.workspace.Workspaces;

/**
 * Loss themes through the API over analyses stored by hand (no models), as in {@link SearchApiTests}: 12 lost deals
 * all mentioning price (one of them five times) and 12 won deals of which 2 do. The 24 deals are stored once for the
 * class and only read; the tests that invite buyers store 24 deals of their own, so no test sees another's invitations.
 */
@PortalTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ThemesTests {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    @Autowired
    WebTestClient client;

    @Autowired
    Workspaces workspaces;

    @Autowired
    Users users;

    @Autowired
    Analyses analyses;

    @Autowired
    Store store;

    @Autowired
    ChangeLog changes;

    @Autowired
    QuoteIndexer indexer;

    /** A workspace's 24 deals and an analyst of it. */
    record Deals(TestTenant tenant, WorkspaceId workspace, WebTestClient analyst, List<String> lost, List<String> won) {
    }

    /** The workspace of the deals the tests share, which they read and never change, and its analyst. */
    TestTenant tenant;
    WebTestClient analyst;

    @BeforeAll
    void twelveLostDealsAndTwelveWonReadByEveryTest() {
        TestTenant.owner(workspaces);
        Deals shared = twelveLostDealsAndTwelveWon();
        tenant = shared.tenant();
        analyst = shared.analyst();
    }

    private Deals twelveLostDealsAndTwelveWon() {
        TestTenant tenant = TestTenant.create(workspaces);
        WorkspaceId workspace = tenant.workspace().id();
        WebTestClient analyst = TestTenant.as(client, tenant.addUser(users, Role.ANALYST));
        List<String> lostDeals = new ArrayList<>();
        List<String> wonDeals = new ArrayList<>();
        String firstLostDeal = null;
        for (int i = 0; i < 12; i++) {
            String lost = deal(tenant, "lost-" + i, "lost", i < 6 ? "enterprise" : "smb");
            lostDeals.add(lost);
            List<AnalysedSentence> sentences = new ArrayList<>();
            sentences.add(interviewer(0, "Why did you choose someone else?"));
            int mentions = i == 0 ? 5 : 1;
            for (int s = 1; s <= mentions; s++) {
                sentences.add(buyer(s, "Tom", "The price was too high, point " + s + ".", List.of(), List.of("price"),
                        "negative", -1.0));
            }
            sentences.add(buyer(mentions + 1, "Tom", "Support was fine.", List.of(), List.of("support"), "neutral", 0.0));
            interview(workspace, lost, sentences);
            if (i == 0) {
                firstLostDeal = lost;
            }
        }
        for (int i = 0; i < 12; i++) {
            String won = deal(tenant, "won-" + i, "won", i < 6 ? "enterprise" : "smb");
            wonDeals.add(won);
            interview(workspace, won, List.of(i < 2
                    ? buyer(0, "Ann", "Your price was high but fair.", List.of(), List.of("price"), "neutral", 0.0)
                    : buyer(0, "Ann", "Support was fine.", List.of(), List.of("support"), "positive", 0.5)));
        }
        awaitIndexed(workspace, firstLostDeal);
        return new Deals(tenant, workspace, analyst, List.copyOf(lostDeals), List.copyOf(wonDeals));
    }

    @Test
    void priceRanksFirstCountingDistinctDealsWithHonestStatistics() {
        Map<String, Object> answer = themes(analyst, "");

        assertThat(sample(answer)).containsEntry("deals", 24).containsEntry("focus", 12).containsEntry("baseline", 12);
        Map<String, Object> price = themes(answer).get(0);
        assertThat(price).containsEntry("kind", "criterion").containsEntry("theme", "price")
                .containsEntry("focusDeals", 12).containsEntry("baselineDeals", 2)
                .containsEntry("focusRate", 1.0)
                .containsKeys("qValue", "ci", "lift", "verdict");
        assertThat(((Number) price.get("baselineRate")).doubleValue()).isCloseTo(2 / 12.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(((Number) price.get("pValue")).doubleValue()).isLessThan(0.01);
        assertThat((List<?>) price.get("ci")).hasSize(2);
        List<Map<String, Object>> quotes = quotes(price);
        assertThat(quotes).hasSize(3).allSatisfy(q -> assertThat(q).containsKeys("id", "dealId", "text"));
        assertThat(quotes).extracting(q -> q.get("dealId")).doesNotHaveDuplicates();
        assertThat(quotes).extracting(q -> (String) q.get("text")).allMatch(t -> t.startsWith("The price was too high"));

        Map<String, Object> support = themes(answer).stream().filter(t -> "support".equals(t.get("theme"))).findFirst()
                .orElseThrow();
        assertThat(support).containsEntry("focusDeals", 12).containsEntry("baselineDeals", 10);
        assertThat(((Number) support.get("pValue")).doubleValue()).isGreaterThan(0.05);
    }

    @Test
    void filtersApplyToBothSetsAndOutcomesMayBeSwapped() {
        Map<String, Object> enterprise = themes(analyst, "segment=enterprise");
        assertThat(sample(enterprise)).containsEntry("focus", 6).containsEntry("baseline", 6);

        Map<String, Object> swapped = themes(analyst, "outcome=won&versus=lost");
        assertThat(sample(swapped)).containsEntry("focus", 12).containsEntry("baseline", 12);
        assertThat(themes(swapped)).filteredOn(t -> "price".equals(t.get("theme")))
                .singleElement().satisfies(t -> assertThat(t).containsEntry("focusDeals", 2).containsEntry("baselineDeals", 12));

        assertThat(sample(themes(analyst, "from=2030-01-01"))).containsEntry("deals", 0);
    }

    @Test
    void anotherWorkspaceIsNeverCounted() {
        TestTenant other = TestTenant.create(workspaces);
        String otherLost = deal(other, "lost-0", "lost", "enterprise");
        interview(other.workspace().id(), otherLost, List.of(
                buyer(0, "Tom", "The price was too high.", List.of(), List.of("price"), "negative", -1.0),
                buyer(1, "Tom", "Acme was cheaper.", List.of("Acme"), List.of("price"), "negative", -1.0)));
        String otherWon = deal(other, "won-0", "won", "enterprise");
        interview(other.workspace().id(), otherWon, List.of(
                buyer(0, "Ann", "Acme was slow.", List.of("Acme"), List.of("support"), "negative", -1.0)));
        awaitIndexed(other.workspace().id(), otherLost);

        Map<String, Object> mine = themes(analyst, "");
        assertThat(sample(mine)).containsEntry("deals", 24);
        assertThat(themes(mine)).extracting(t -> t.get("theme")).doesNotContain("Acme");
        assertThat(themes(mine).get(0)).containsEntry("focusDeals", 12);

        Map<String, Object> theirs = themes(other.asAdmin(client), "");
        assertThat(sample(theirs)).containsEntry("deals", 2).containsEntry("focus", 1).containsEntry("baseline", 1);
        assertThat(((Map<?, ?>) sample(theirs).get("verdict")).get("conclusion")).isEqualTo("TOO_SMALL");
    }

    @Test
    void badParametersAre400sNamingTheField() {
        analyst.get().uri("/api/themes?outcome=lost&versus=lost").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("versus");
        analyst.get().uri("/api/themes?from=yesterday").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("from");
    }

    @Test
    void interviewersMayNotSeeThemes() {
        WebTestClient interviewer = TestTenant.as(client, tenant.addUser(users, Role.INTERVIEWER));

        interviewer.get().uri("/api/themes").exchange().expectStatus().isForbidden();
    }

    @Test
    void responseRatesPerOutcomeStandBesideTheThemes() {
        Deals own = twelveLostDealsAndTwelveWon();
        for (int i = 0; i < 4; i++) {
            invite(own, own.lost().get(i), i == 0);
            invite(own, own.won().get(i), i < 3);
        }
        invite(own, own.won().get(0), false); // a second invitation of an answered deal: still one deal

        List<Map<String, Object>> rates = responseRates(themes(own.analyst(), ""));

        assertThat(rates).extracting(r -> r.get("outcome")).containsExactly("won", "lost");
        assertThat(rates.get(0)).containsEntry("invitedDeals", 4).containsEntry("answeredDeals", 3).containsEntry("rate", 0.75);
        assertThat(rates.get(1)).containsEntry("invitedDeals", 4).containsEntry("answeredDeals", 1).containsEntry("rate", 0.25);
        assertThat((List<?>) rates.get(1).get("ci")).hasSize(2);
        assertThat(responseRates(themes(own.analyst(), "segment=smb"))).isEmpty();
    }

    @Test
    void themesPageShowsTablesWhoseNumbersOpenTheQuotes() {
        Deals own = twelveLostDealsAndTwelveWon();
        invite(own, own.lost().get(0), true);
        String page = page(analystPages(own.tenant()), "/themes");

        assertThat(page).contains("<table class=\"themes-table\"", "data-theme=\"price\"", "12 of 12", "2 of 12",
                "<table class=\"response-rates\"", "100%");
        assertThat(page).contains("href=\"/search?outcome=lost&amp;criterion=price\"",
                "href=\"/search?outcome=won&amp;criterion=price\"");
        assertThat(page).containsPattern("href=\"/interviews/[^\"]+#s-\\d+\">in context</a>");
        assertThat(page).contains("/webjars/chart.js/dist/chart.umd.min.js", "/js/charts.js");

        assertThat(page).containsPattern("name=\"outcome\" value=\"lost\" checked")
                .containsPattern("name=\"versus\" value=\"won\" checked")
                .doesNotContainPattern("name=\"outcome\" value=\"won\" checked");

        String enterprise = page(analystPages(own.tenant()), "/themes?segment=enterprise&outcome=lost&versus=won&versus=no_decision");
        assertThat(enterprise).contains("6 of 6", "segment=enterprise", "won or no_decision")
                .containsPattern("name=\"versus\" value=\"no_decision\" checked");
    }

    @Test
    void themesPageChartsTheTopThemesPerQuarterAndProfilesEachCompetitor() {
        TestTenant other = TestTenant.create(workspaces);
        WorkspaceId ws = other.workspace().id();
        String last = null;
        for (int i = 0; i < 4; i++) {
            // two lost deals in 2026-Q1, two in 2026-Q2; HubSpot praised for integration, we are criticised for it
            String lost = deal(other, "q-" + i, "lost", "smb", i < 2 ? "2026-02-15" : "2026-05-15");
            interview(ws, lost, List.of(
                    new AnalysedSentence(0, 0, "Tom", "buyer", "HubSpot's integration was far better.", null,
                            List.of("HubSpot"), List.of(), List.of("integration"), "positive", 1.0,
                            List.of(new AnalysedSentence.AspectTag("competitor", "HubSpot", "positive", 1.0),
                                    new AnalysedSentence.AspectTag("criterion", "integration", "positive", 1.0)),
                            List.of()),
                    new AnalysedSentence(1, 1, "Tom", "buyer", "Your integration kept breaking.", null,
                            List.of(), List.of(), i == 0 ? List.of("integration") : List.of("integration", "price"),
                            "negative", -1.0,
                            List.of(new AnalysedSentence.AspectTag("criterion", "integration", "negative", -1.0)),
                            List.of())));
            last = lost;
        }
        String won = deal(other, "q-won", "won", "smb", "2026-05-20");
        interview(ws, won, List.of(buyer(0, "Ann", "Price was fine.", List.of(), List.of("price"), "positive", 1.0)));
        awaitIndexed(ws, last);
        awaitIndexed(ws, won);

        String page = page(PageSession.signIn(client, other.addUser(users, Role.ANALYST), TestTenant.PASSWORD), "/themes");

        assertThat(page).contains("<table class=\"trends-table\" data-chart=\"trends\">", "<th>2026-Q1</th>",
                "<th>2026-Q2</th>", "(1 of 2)", "(2 of 2)", "&amp;quarter=2026-Q2");
        assertThat(page).contains("<table class=\"aspects-table\">", "integration (4)",
                "integration: 1.00 against our -1.00");
    }

    @Test
    void themesPageExplainsABadQuestionInsteadOfFailing() {
        String page = page(analystPages(tenant), "/themes?outcome=lost&versus=lost");

        assertThat(page).contains("The comparison could not be made: versus: an outcome cannot be in both sets: lost")
                .doesNotContain("<table class=\"themes-table\"");
    }

    @Test
    void quotesOnTheThemesPageAreEscaped() {
        TestTenant other = TestTenant.create(workspaces);
        for (int i = 0; i < 2; i++) {
            String lost = deal(other, "hostile-" + i, "lost", "smb");
            interview(other.workspace().id(), lost, List.of(buyer(0, "Eve", "<script>alert(1)</script> the price hurt.",
                    List.of(), List.of("price"), "negative", -1.0)));
            if (i == 1) {
                awaitIndexed(other.workspace().id(), lost);
            }
        }

        String page = page(PageSession.signIn(client, other.addUser(users, Role.ANALYST), TestTenant.PASSWORD), "/themes");

        assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt; the price hurt.").doesNotContain("<script>alert(1)");
    }

    @Test
    void interviewersMayNotSeeTheThemesPage() {
        PageSession interviewer = PageSession.signIn(client, tenant.addUser(users, Role.INTERVIEWER), TestTenant.PASSWORD);

        assertThat(interviewer.get("/themes").getStatus().value()).isEqualTo(403);
    }

    // --- fixtures and helpers

    private void invite(Deals deals, String dealId, boolean answered) {
        Map<String, Object> invitation = deals.analyst().post().uri("/api/deals/" + dealId + "/invitations")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("email", "buyer@example.test"))
                .exchange().expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody();
        if (answered) {
            store.tenant(deals.workspace(), Collections.INVITATIONS)
                    .updateOne(new Document("_id", invitation.get("id")), new Document("$set", new Document("answeredAt", new Date())))
                    .block(Duration.ofSeconds(10));
        }
    }

    private static String page(PageSession session, String uri) {
        EntityExchangeResult<String> result = session.get(uri);
        assertThat(result.getStatus().value()).as("GET %s", uri).isEqualTo(200);
        return result.getResponseBody();
    }

    private PageSession analystPages(TestTenant tenant) {
        return PageSession.signIn(client, tenant.addUser(users, Role.ANALYST), TestTenant.PASSWORD);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> responseRates(Map<String, Object> answer) {
        return (List<Map<String, Object>>) answer.get("responseRates");
    }


    private String deal(TestTenant owner, String externalId, String outcome, String segment) {
        return deal(owner, externalId, outcome, segment, "2026-03-31");
    }

    private String deal(TestTenant owner, String externalId, String outcome, String segment, String closeDate) {
        Map<String, Object> created = owner.asAdmin(client).post().uri("/api/deals").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("externalId", externalId, "account", "Account " + externalId, "outcome", outcome,
                        "closeDate", closeDate, "segment", segment, "amount", "12000"))
                .exchange().expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody();
        return (String) created.get("id");
    }

    private void interview(WorkspaceId owner, String dealId, List<AnalysedSentence> sentences) {
        IndexedQuotes.interview(store, analyses, owner, dealId, sentences);
    }

    private void awaitIndexed(WorkspaceId owner, String dealId) {
        IndexedQuotes.awaitIndexed(changes, indexer, owner, dealId);
    }

    private Map<String, Object> themes(WebTestClient as, String query) {
        return as.get().uri("/api/themes?" + query).exchange().expectStatus().isOk()
                .expectBody(JSON).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> sample(Map<String, Object> answer) {
        return (Map<String, Object>) answer.get("sample");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> themes(Map<String, Object> answer) {
        return (List<Map<String, Object>>) answer.get("themes");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> quotes(Map<String, Object> theme) {
        return (List<Map<String, Object>>) theme.get("quotes");
    }
}
