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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
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
 * test waits until the indexer has caught up with the log before it asks. The analysed interviews and answers are
 * stored once for the class and only read; the tests that change them (a new interview, a correction, new deal facts,
 * a rebuild) store the same ones again in a workspace of their own.
 */
@PortalTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
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

    /** A workspace's analysed interviews and answer, its analyst and the ids the tests look for. */
    record Analysed(TestTenant tenant, WorkspaceId workspace, String analystEmail, WebTestClient analyst, String lostDeal,
            String wonDeal, String lostInterview) {
    }

    /** The shared workspace, which the tests read and never change, and what it holds. */
    Analysed shared;

    @BeforeAll
    void analysedInterviewsAndAnswersReadByEveryTest() {
        TestTenant.owner(workspaces);
        shared = analysedInterviewsAndAnswers();
    }

    private Analysed analysedInterviewsAndAnswers() {
        TestTenant tenant = TestTenant.create(workspaces);
        WorkspaceId workspace = tenant.workspace().id();
        String analystEmail = tenant.addUser(users, Role.ANALYST);
        String lostDeal = deal(tenant, "crm-lost", "Hooli", "lost", "enterprise");
        String wonDeal = deal(tenant, "crm-won", "Initech", "won", "smb");
        String lostInterview = interview(workspace, lostDeal, List.of(
                interviewer(0, "What about the price?"),
                buyer(1, "Tom", "The price was too high compared to HubSpot.", List.of("HubSpot"), List.of("price"), "negative", -1.0),
                buyer(2, "Tom", "Support was great.", List.of(), List.of("support"), "positive", 1.0)));
        interview(workspace, wonDeal, List.of(
                buyer(0, "Ann", "Your price was fair.", List.of(), List.of("price"), "positive", 0.8)));
        response(workspace, wonDeal, List.of(
                buyer(0, "primaryReason", "Integration with our CRM took one afternoon.", List.of(), List.of("integration"), "positive", 0.5)));
        Analysed analysed = new Analysed(tenant, workspace, analystEmail, TestTenant.as(client, analystEmail), lostDeal, wonDeal,
                lostInterview);
        awaitIndexed(analysed);
        return analysed;
    }

    @Test
    void findsBuyerSentencesWithHighlightAndDealOutcomeNeverTheInterviewer() {
        Map<String, Object> page = search(shared.analyst(), "q=price");

        assertThat(page.get("total")).isEqualTo(2);
        List<Map<String, Object>> hits = hits(page);
        assertThat(hits).extracting(h -> h.get("text"))
                .containsExactlyInAnyOrder("The price was too high compared to HubSpot.", "Your price was fair.");
        Map<String, Object> lost = hits.stream().filter(h -> shared.lostDeal().equals(h.get("dealId"))).findFirst().orElseThrow();
        assertThat(lost).containsEntry("outcome", "lost").containsEntry("source", "interview")
                .containsEntry("sourceId", shared.lostInterview()).containsEntry("speaker", "Tom").containsEntry("sentiment", "negative")
                .containsEntry("competitors", List.of("HubSpot")).containsEntry("criteria", List.of("price"))
                .containsEntry("date", "2026-04-02");
        assertThat((String) lost.get("highlight")).contains("<mark>price</mark>");
        assertThat(facet(page, "outcome")).containsEntry("lost", 1).containsEntry("won", 1);
        assertThat(page).containsKey("facets");
        assertThat(facets(page)).containsKeys("outcome", "competitor", "criterion", "sentiment");
    }

    @Test
    void searchPageShowsHighlightedQuotesFacetsAndLinksToTheirPlace() {
        io.winloss.portal.PageSession page = io.winloss.portal.PageSession.signIn(client, shared.analystEmail(), TestTenant.PASSWORD);

        String html = page.get("/search?q=price&outcome=lost").getResponseBody();

        assertThat(html).contains("1 quotes", "The <mark>price</mark> was too high compared to HubSpot.");
        assertThat(html).contains("/interviews/" + shared.lostInterview() + "#s-1").doesNotContain("Your price was fair.");
        assertThat(html).containsPattern("name=\"outcome\" value=\"lost\"\s+checked");
        assertThat(html).contains("/search.csv?q=price&amp;outcome=lost");

        String bad = page.get("/search?q=(price").getResponseBody();
        assertThat(bad).contains("The search could not be read");
        assertThat(TestTenant.as(client, shared.tenant().addUser(users, Role.INTERVIEWER)).get().uri("/search").exchange()
                .expectBody().returnResult().getStatus().value()).isIn(302, 403);
    }

    @Test
    void csvExportHoldsEveryHitAndDefusesFormulas() {
        Analysed own = analysedInterviewsAndAnswers();
        interview(own.workspace(), own.lostDeal(), List.of(buyer(0, "=HYPERLINK(\"http://evil\")", "=1+1 the price again", List.of(),
                List.of("price"), "negative", -1.0)));
        awaitIndexed(own);
        io.winloss.portal.PageSession page = io.winloss.portal.PageSession.signIn(client, own.analystEmail(), TestTenant.PASSWORD);

        String csv = page.get("/search.csv?q=price&sort=date").getResponseBody();

        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).isEqualTo("date,outcome,dealId,source,sourceId,speaker,role,sentiment,competitors,criteria,text");
        assertThat(lines).hasSize(4);
        assertThat(csv).contains("'=1+1 the price again", "'=HYPERLINK").doesNotContain(",=1+1");
    }

    @Test
    void aCorrectionChangesTheCountsOnceIndexed() {
        Analysed own = analysedInterviewsAndAnswers();
        assertThat(facet(search(own.analyst(), ""), "criterion")).containsEntry("price", 2);

        analyses.correct(own.workspace(), "interview:" + own.lostInterview(), 2, new Correction(2, null, null,
                List.of("support", "price"), null, own.tenant().adminEmail(), Instant.now())).block(Duration.ofSeconds(10));
        awaitIndexed(own);

        Map<String, Object> page = search(own.analyst(), "criterion=price");
        assertThat(facet(page, "criterion")).containsEntry("price", 3);
        assertThat(hits(page)).extracting(h -> h.get("text")).contains("Support was great.");
    }

    @Test
    void aFacetRepeatedIsOrAndDifferentFacetsAreAnd() {
        assertThat(search(shared.analyst(), "outcome=lost&outcome=won&criterion=price").get("total")).isEqualTo(2);
        assertThat(search(shared.analyst(), "outcome=lost&criterion=price").get("total")).isEqualTo(1);
        assertThat(search(shared.analyst(), "outcome=won&criterion=price&criterion=integration").get("total")).isEqualTo(2);
        assertThat(search(shared.analyst(), "outcome=won&source=survey").get("total")).isEqualTo(1);
        assertThat(search(shared.analyst(), "segment=enterprise&sentiment=positive").get("total")).isEqualTo(1);
        assertThat(search(shared.analyst(), "from=2026-04-01&to=2026-04-30").get("total")).as("the interviews, not today's answer").isEqualTo(3);
        assertThat(search(shared.analyst(), "from=2026-04-01&to=2026-04-30&source=survey").get("total")).isEqualTo(0);
    }

    @Test
    void newestFirstWhenSortedByDate() {
        assertThat(hits(search(shared.analyst(), "sort=date")).get(0)).containsEntry("source", "survey");
        shared.analyst().get().uri("/api/search?sort=size").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("sort");
    }

    @Test
    void aDealsNewFactsReachItsQuotes() {
        Analysed own = analysedInterviewsAndAnswers();
        own.analyst().post().uri("/api/deals").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("externalId", "crm-lost", "account", "Hooli", "outcome", "won", "closeDate", "2026-03-31",
                        "segment", "enterprise"))
                .exchange().expectStatus().isOk();
        awaitIndexed(own);

        assertThat(facet(search(own.analyst(), "q=price"), "outcome")).containsEntry("won", 2).doesNotContainKey("lost");
    }

    @Test
    void aDealUpdatedByACsvImportReachesItsQuotes() {
        Analysed own = analysedInterviewsAndAnswers();
        own.tenant().asAdmin(client).post().uri("/api/deals/import").contentType(MediaType.valueOf("text/csv"))
                .bodyValue("externalId,account,outcome,closeDate,segment\ncrm-won,Initech,lost,2026-03-31,smb\nnew-1,Beta,won,2026-01-02,smb\n")
                .exchange().expectStatus().isOk();
        awaitIndexed(own);

        assertThat(facet(search(own.analyst(), "q=price"), "outcome")).containsEntry("lost", 2).doesNotContainKey("won");
    }

    @Test
    void aQuotedPhraseMatchesTheWordsAsWritten() {
        Map<String, Object> page = shared.analyst().get().uri(b -> b.path("/api/search").queryParam("q", "{q}").build("\"too high\""))
                .exchange().expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();

        assertThat(hits(page)).extracting(h -> h.get("text")).containsExactly("The price was too high compared to HubSpot.");
    }

    @Test
    void anotherWorkspacesIdenticalSentenceIsNeverFound() {
        TestTenant other = TestTenant.create(workspaces);
        String otherDeal = deal(other, "crm-lost", "Hooli", "lost", "enterprise");
        interview(other.workspace().id(), otherDeal, List.of(
                buyer(0, "Tom", "The price was too high compared to HubSpot.", List.of("HubSpot"), List.of("price"), "negative", -1.0)));
        awaitIndexed(shared);

        assertThat(hits(search(shared.analyst(), "q=too high"))).extracting(h -> h.get("dealId")).containsExactly(shared.lostDeal());
        assertThat(hits(search(other.asAdmin(client), "q=too high"))).extracting(h -> h.get("dealId")).containsExactly(otherDeal);
        assertThat(search(other.asAdmin(client), "q=fair").get("total")).isEqualTo(0);
    }

    @Test
    void anUnreadableQueryIsA400OnQ() {
        shared.analyst().get().uri("/api/search?q={q}", "\"unbalanced").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("q")
                .jsonPath("$.errors[0].message").isNotEmpty();
    }

    @Test
    void interviewersMayNotSearch() {
        WebTestClient interviewer = TestTenant.as(client, shared.tenant().addUser(users, Role.INTERVIEWER));

        interviewer.get().uri("/api/search?q=price").exchange().expectStatus().isForbidden();
    }

    @Test
    void rebuildAnswers202AndTheSameQuotesComeBackEvenThoseTheLogNeverSaw() {
        Analysed own = analysedInterviewsAndAnswers();
        Map<String, Object> before = search(own.analyst(), "q=price");
        // as if the lost interview had been analysed before the change log existed
        Mono.from(store.global(Collections.CHANGES).deleteMany(Filters.eq("target", "interview:" + own.lostInterview())))
                .block(Duration.ofSeconds(10));

        own.analyst().post().uri("/api/search/rebuild").exchange().expectStatus().isForbidden();
        own.tenant().asAdmin(client).post().uri("/api/search/rebuild").exchange().expectStatus().isForbidden();
        TestTenant.as(client, TestTenant.owner(workspaces)).post().uri("/api/search/rebuild").exchange()
                .expectStatus().isEqualTo(HttpStatus.ACCEPTED);

        Map<String, Object> after = await(() -> search(own.analyst(), "q=price"), p -> p.get("total").equals(before.get("total")));
        assertThat(hits(after)).extracting(h -> h.get("text"))
                .containsExactlyInAnyOrderElementsOf(hits(before).stream().map(h -> h.get("text")).toList());
        // the rebuild emptied the whole index, the shared workspace's quotes too: they are back before the next test reads them
        await(() -> indexer.rebuildStatus().rebuilding(), rebuilding -> !rebuilding, Duration.ofSeconds(60));
        awaitIndexed(shared);
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

    private void awaitIndexed(Analysed analysed) {
        IndexedQuotes.awaitIndexed(changes, indexer, analysed.workspace(), analysed.lostDeal());
    }

    private static <T> T await(java.util.function.Supplier<T> probe, Predicate<T> done) {
        return await(probe, done, Duration.ofSeconds(10));
    }

    private static <T> T await(java.util.function.Supplier<T> probe, Predicate<T> done, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        T value = probe.get();
        while (!done.test(value)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within " + within.toSeconds() + " s; last seen " + value);
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
