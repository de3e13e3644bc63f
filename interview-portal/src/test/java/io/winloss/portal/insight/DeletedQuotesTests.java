package io.winloss.portal.insight;

import static io.winloss.portal.analysis.AnalysisFixture.buyer;
import static io.winloss.portal.analysis.AnalysisFixture.interviewer;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.winloss.portal.PortalTest;
import io.winloss.portal.TestTenant;
import io.winloss.portal.account.Role;
import io.winloss.portal.account.Users;
import io.winloss.portal.analysis.Analyses;
import io.winloss.portal.store.Store;
import io.winloss.portal.workspace.WorkspaceId;
import io.winloss.portal.workspace.Workspaces;

/**
 * Deleting a deal, a response or an interview removes its sentences from search (issue 5): MongoDB is the source of
 * truth, and the index follows the change each deletion logs once the data is gone.
 */
@PortalTest
class DeletedQuotesTests {

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
    String lostDeal;
    String wonDeal;
    String lostInterview;
    String lostResponse;

    @BeforeEach
    void quotesOfTwoDeals() {
        tenant = TestTenant.create(workspaces);
        workspace = tenant.workspace().id();
        analyst = TestTenant.as(client, tenant.addUser(users, Role.ANALYST));
        lostDeal = deal("Hooli", "lost");
        wonDeal = deal("Initech", "won");
        lostInterview = IndexedQuotes.interview(store, analyses, workspace, lostDeal, List.of(
                interviewer(0, "What about the price?"),
                buyer(1, "Tom", "The price was too high compared to HubSpot.", List.of("HubSpot"), List.of("price"), "negative", -1.0)));
        lostResponse = IndexedQuotes.response(store, analyses, workspace, lostDeal, List.of(
                buyer(0, "primaryReason", "Integration with our CRM took weeks.", List.of(), List.of("integration"), "negative", -0.5)));
        IndexedQuotes.interview(store, analyses, workspace, wonDeal, List.of(
                buyer(0, "Ann", "Your price was fair and integration was quick.", List.of(), List.of("price"), "positive", 0.8)));
        awaitIndexed();
        assertThat(texts("q=price")).hasSize(2);
        assertThat(texts("q=integration")).hasSize(2);
    }

    @Test
    void deletingAnInterviewRemovesItsSentencesAndNoOthers() {
        analyst.delete().uri("/api/interviews/{id}", lostInterview).exchange().expectStatus().isNoContent();
        awaitIndexed();

        assertThat(texts("q=price")).containsExactly("Your price was fair and integration was quick.");
        assertThat(texts("q=integration")).hasSize(2);
        assertThat(search("source=interview").get("total")).isEqualTo(1);
    }

    @Test
    void deletingAResponseRemovesItsSentencesAndNoOthers() {
        analyst.delete().uri("/api/responses/{id}", lostResponse).exchange().expectStatus().isNoContent();
        awaitIndexed();

        assertThat(texts("q=integration")).containsExactly("Your price was fair and integration was quick.");
        assertThat(texts("q=price")).hasSize(2);
        assertThat(search("source=survey").get("total")).isEqualTo(0);
    }

    @Test
    void deletingADealRemovesTheSentencesOfAllItsInterviewsAndAnswers() {
        analyst.delete().uri("/api/deals/{id}", lostDeal).exchange().expectStatus().isNoContent();
        awaitIndexed();

        assertThat(texts("")).containsExactly("Your price was fair and integration was quick.");
        assertThat(facet(search(""), "outcome")).containsEntry("won", 1).doesNotContainKey("lost");
    }

    // --- fixtures and helpers

    private String deal(String account, String outcome) {
        Map<String, Object> created = tenant.asAdmin(client).post().uri("/api/deals").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("account", account, "outcome", outcome, "closeDate", "2026-03-31"))
                .exchange().expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody();
        return (String) created.get("id");
    }

    /** Waits for every change so far, marked by one on the deal that stays. */
    private void awaitIndexed() {
        IndexedQuotes.awaitIndexed(changes, indexer, workspace, wonDeal);
    }

    private Map<String, Object> search(String query) {
        return analyst.get().uri("/api/search?" + query).exchange().expectStatus().isOk()
                .expectBody(JSON).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private List<Object> texts(String query) {
        return ((List<Map<String, Object>>) search(query).get("hits")).stream().map(h -> h.get("text")).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> facet(Map<String, Object> page, String dim) {
        return ((Map<String, Map<String, Object>>) page.get("facets")).get(dim);
    }
}
