package io.winloss.portal.insight;

import static io.winloss.portal.analysis.AnalysisFixture.buyer;
import static io.winloss.portal.analysis.AnalysisFixture.interviewer;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.mongodb.client.model.Filters;

import io.winloss.portal.PortalTest;
import io.winloss.portal.TestTenant;
import io.winloss.portal.account.Role;
import io.winloss.portal.account.Users;
import io.winloss.portal.analysis.AnalysedSentence;
import io.winloss.portal.analysis.Analyses;
import io.winloss.portal.analysis.AnalysisFixture;
import io.winloss.portal.analysis.Correction;
import io.winloss.portal.store.Collections;
import io.winloss.portal.store.Store;
import io.winloss.portal.workspace.WorkspaceId;
import io.winloss.portal.workspace.Workspaces;
import reactor.core.publisher.Mono;

/**
 * Quote search through the API over analyses stored by hand (no models): the index follows the change log, so each
 * test waits until the indexer has caught up with the log before it asks.
 */
@PortalTest
class SearchApiTests {

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

    TestTenant tenant;
    WorkspaceId workspace;
    WebTestClient analyst;
    String analystEmail;
    String lostDeal;
    String wonDeal;
    String lostInterview;

    @BeforeEach
    void analysedInterviewsAndAnswers() {
        TestTenant.owner(workspaces);
        tenant = TestTenant.create(workspaces);
        workspace = tenant.workspace().id();
        analystEmail = tenant.addUser(users, Role.ANALYST);
        analyst = TestTenant.as(client, analystEmail);
        lostDeal = deal(tenant, "crm-lost", "Hooli", "lost", "enterprise");
        wonDeal = deal(tenant, "crm-won", "Initech", "won", "smb");
        lostInterview = interview(workspace, lostDeal, List.of(
                interviewer(0, "What about the price?"),
                buyer(1, "Tom", "The price was too high compared to HubSpot.", List.of("HubSpot"), List.of("price"), "negative", -1.0),
                buyer(2, "Tom", "Support was great.", List.of(), List.of("support"), "positive", 1.0)));
        interview(workspace, wonDeal, List.of(
                buyer(0, "Ann", "Your price was fair.", List.of(), List.of("price"), "positive", 0.8)));
        response(workspace, wonDeal, List.of(
                buyer(0, "primaryReason", "Integration with our CRM took one afternoon.", List.of(), List.of("integration"), "positive", 0.5)));
        awaitIndexed();
    }

    @Test
    void findsBuyerSentencesWithHighlightAndDealOutcomeNeverTheInterviewer() {
        Map<String, Object> page = search(analyst, "q=price");

        assertThat(page.get("total")).isEqualTo(2);
        List<Map<String, Object>> hits = hits(page);
        assertThat(hits).extracting(h -> h.get("text"))
                .containsExactlyInAnyOrder("The price was too high compared to HubSpot.", "Your price was fair.");
        Map<String, Object> lost = hits.stream().filter(h -> lostDeal.equals(h.get("dealId"))).findFirst().orElseThrow();
        assertThat(lost).containsEntry("outcome", "lost").containsEntry("source", "interview")
                .containsEntry("sourceId", lostInterview).containsEntry("speaker", "Tom").containsEntry("sentiment", "negative")
                .containsEntry("competitors", List.of("HubSpot")).containsEntry("criteria", List.of("price"))
                .containsEntry("date", "2026-04-02");
        assertThat((String) lost.get("highlight")).contains("<mark>price</mark>");
        assertThat(facet(page, "outcome")).containsEntry("lost", 1).containsEntry("won", 1);
        assertThat(page).containsKey("facets");
        assertThat(facets(page)).containsKeys("outcome", "competitor", "criterion", "sentiment");
    }

    @Test
    void searchPageShowsHighlightedQuotesFacetsAndLinksToTheirPlace() {
        io.winloss.portal.PageSession page = io.winloss.portal.PageSession.signIn(client, analystEmail, TestTenant.PASSWORD);

        String html = page.get("/search?q=price&outcome=lost").getResponseBody();

        assertThat(html).contains("1 quotes", "The <mark>price</mark> was too high compared to HubSpot.");
        assertThat(html).contains("/interviews/" + lostInterview + "#s-1").doesNotContain("Your price was fair.");
        assertThat(html).containsPattern("name=\"outcome\" value=\"lost\"\s+checked");
        assertThat(html).contains("/search.csv?q=price&amp;outcome=lost");

        String bad = page.get("/search?q=(price").getResponseBody();
        assertThat(bad).contains("The search could not be read");
        assertThat(TestTenant.as(client, tenant.addUser(users, Role.INTERVIEWER)).get().uri("/search").exchange()
                .expectBody().returnResult().getStatus().value()).isIn(302, 403);
    }

    @Test
    void csvExportHoldsEveryHitAndDefusesFormulas() {
        interview(workspace, lostDeal, List.of(buyer(0, "=HYPERLINK(\"http://evil\")", "=1+1 the price again", List.of(),
                List.of("price"), "negative", -1.0)));
        awaitIndexed();
        io.winloss.portal.PageSession page = io.winloss.portal.PageSession.signIn(client, analystEmail, TestTenant.PASSWORD);

        String csv = page.get("/search.csv?q=price&sort=date").getResponseBody();

        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).isEqualTo("date,outcome,dealId,source,sourceId,speaker,role,sentiment,competitors,criteria,text");
        assertThat(lines).hasSize(4);
        assertThat(csv).contains("'=1+1 the price again", "'=HYPERLINK").doesNotContain(",=1+1");
    }

    @Test
    void aCorrectionChangesTheCountsOnceIndexed() {
        assertThat(facet(search(analyst, ""), "criterion")).containsEntry("price", 2);

        analyses.correct(workspace, "interview:" + lostInterview, 2, new Correction(2, null, null,
                List.of("support", "price"), null, tenant.adminEmail(), Instant.now())).block(Duration.ofSeconds(10));
        awaitIndexed();

        Map<String, Object> page = search(analyst, "criterion=price");
        assertThat(facet(page, "criterion")).containsEntry("price", 3);
        assertThat(hits(page)).extracting(h -> h.get("text")).contains("Support was great.");
    }

    @Test
    void aFacetRepeatedIsOrAndDifferentFacetsAreAnd() {
        assertThat(search(analyst, "outcome=lost&outcome=won&criterion=price").get("total")).isEqualTo(2);
        assertThat(search(analyst, "outcome=lost&criterion=price").get("total")).isEqualTo(1);
        assertThat(search(analyst, "outcome=won&criterion=price&criterion=integration").get("total")).isEqualTo(2);
        assertThat(search(analyst, "outcome=won&source=survey").get("total")).isEqualTo(1);
        assertThat(search(analyst, "segment=enterprise&sentiment=positive").get("total")).isEqualTo(1);
        assertThat(search(analyst, "from=2026-04-01&to=2026-04-30").get("total")).as("the interviews, not today's answer").isEqualTo(3);
        assertThat(search(analyst, "from=2026-04-01&to=2026-04-30&source=survey").get("total")).isEqualTo(0);
    }

    @Test
    void newestFirstWhenSortedByDate() {
        assertThat(hits(search(analyst, "sort=date")).get(0)).containsEntry("source", "survey");
        analyst.get().uri("/api/search?sort=size").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("sort");
    }

    @Test
    void aDealsNewFactsReachItsQuotes() {
        analyst.post().uri("/api/deals").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("externalId", "crm-lost", "account", "Hooli", "outcome", "won", "closeDate", "2026-03-31",
                        "segment", "enterprise"))
                .exchange().expectStatus().isOk();
        awaitIndexed();

        assertThat(facet(search(analyst, "q=price"), "outcome")).containsEntry("won", 2).doesNotContainKey("lost");
    }

    @Test
    void aDealUpdatedByACsvImportReachesItsQuotes() {
        tenant.asAdmin(client).post().uri("/api/deals/import").contentType(MediaType.valueOf("text/csv"))
                .bodyValue("externalId,account,outcome,closeDate,segment\ncrm-won,Initech,lost,2026-03-31,smb\nnew-1,Beta,won,2026-01-02,smb\n")
                .exchange().expectStatus().isOk();
        awaitIndexed();

        assertThat(facet(search(analyst, "q=price"), "outcome")).containsEntry("lost", 2).doesNotContainKey("won");
    }

    @Test
    void aQuotedPhraseMatchesTheWordsAsWritten() {
        Map<String, Object> page = analyst.get().uri(b -> b.path("/api/search").queryParam("q", "{q}").build("\"too high\""))
                .exchange().expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();

        assertThat(hits(page)).extracting(h -> h.get("text")).containsExactly("The price was too high compared to HubSpot.");
    }

    @Test
    void anotherWorkspacesIdenticalSentenceIsNeverFound() {
        TestTenant other = TestTenant.create(workspaces);
        String otherDeal = deal(other, "crm-lost", "Hooli", "lost", "enterprise");
        interview(other.workspace().id(), otherDeal, List.of(
                buyer(0, "Tom", "The price was too high compared to HubSpot.", List.of("HubSpot"), List.of("price"), "negative", -1.0)));
        awaitIndexed();

        assertThat(hits(search(analyst, "q=too high"))).extracting(h -> h.get("dealId")).containsExactly(lostDeal);
        assertThat(hits(search(other.asAdmin(client), "q=too high"))).extracting(h -> h.get("dealId")).containsExactly(otherDeal);
        assertThat(search(other.asAdmin(client), "q=fair").get("total")).isEqualTo(0);
    }

    @Test
    void anUnreadableQueryIsA400OnQ() {
        analyst.get().uri("/api/search?q={q}", "\"unbalanced").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("q")
                .jsonPath("$.errors[0].message").isNotEmpty();
    }

    @Test
    void interviewersMayNotSearch() {
        WebTestClient interviewer = TestTenant.as(client, tenant.addUser(users, Role.INTERVIEWER));

        interviewer.get().uri("/api/search?q=price").exchange().expectStatus().isForbidden();
    }

    @Test
    void rebuildAnswers202AndTheSameQuotesComeBackEvenThoseTheLogNeverSaw() {
        Map<String, Object> before = search(analyst, "q=price");
        // as if the lost interview had been analysed before the change log existed
        Mono.from(store.global(Collections.CHANGES).deleteMany(Filters.eq("target", "interview:" + lostInterview)))
                .block(Duration.ofSeconds(10));

        analyst.post().uri("/api/search/rebuild").exchange().expectStatus().isForbidden();
        tenant.asAdmin(client).post().uri("/api/search/rebuild").exchange().expectStatus().isForbidden();
        TestTenant.as(client, TestTenant.owner(workspaces)).post().uri("/api/search/rebuild").exchange()
                .expectStatus().isEqualTo(HttpStatus.ACCEPTED);

        Map<String, Object> after = await(() -> search(analyst, "q=price"), p -> p.get("total").equals(before.get("total")));
        assertThat(hits(after)).extracting(h -> h.get("text"))
                .containsExactlyInAnyOrderElementsOf(hits(before).stream().map(h -> h.get("text")).toList());
    }

    // --- fixtures and helpers

    private String deal(TestTenant owner, String externalId, String account, String outcome, String segment) {
        Map<String, Object> created = owner.asAdmin(client).post().uri("/api/deals").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("externalId", externalId, "account", account, "outcome", outcome,
                        "closeDate", "2026-03-31", "segment", segment, "amount", "12000"))
                .exchange().expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody();
        return (String) created.get("id");
    }

    private String interview(WorkspaceId owner, String dealId, List<AnalysedSentence> sentences) {
        return IndexedQuotes.interview(store, analyses, owner, dealId, sentences);
    }

    private String response(WorkspaceId owner, String dealId, List<AnalysedSentence> sentences) {
        return IndexedQuotes.response(store, analyses, owner, dealId, sentences);
    }

    private void awaitIndexed() {
        IndexedQuotes.awaitIndexed(changes, indexer, workspace, lostDeal);
    }

    private static <T> T await(java.util.function.Supplier<T> probe, Predicate<T> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        T value = probe.get();
        while (!done.test(value)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within 10 s; last seen " + value);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            value = probe.get();
        }
        return value;
    }

    private Map<String, Object> search(WebTestClient as, String query) {
        return as.get().uri("/api/search?" + query).exchange().expectStatus().isOk()
                .expectBody(JSON).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> hits(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("hits");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> facets(Map<String, Object> page) {
        return (Map<String, Map<String, Object>>) page.get("facets");
    }

    private static Map<String, Object> facet(Map<String, Object> page, String dim) {
        return facets(page).get(dim);
    }
}
