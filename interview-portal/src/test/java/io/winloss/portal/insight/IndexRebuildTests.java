package io.winloss.portal.insight;

import static io.winloss.portal.analysis.AnalysisFixture.buyer;
import static io.winloss.portal.analysis.AnalysisFixture.interviewer;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;

import io.winloss.portal.PageSession;
import io.winloss.portal.PortalTest;
import io.winloss.portal.TestTenant;
import io.winloss.portal.account.Role;
import io.winloss.portal.account.Users;
import io.winloss.portal.analysis.Analyses;
import io.winloss.portal.invitation.SurveyFixture;
import io.winloss.portal.store.Store;
import io.winloss.portal.workspace.WorkspaceId;
import io.winloss.portal.workspace.Workspaces;

/**
 * Rebuilding this process's replica through the API and the index page: the status goes from rebuilding to idle
 * with every source re-indexed, and only analysts and admins see it, only admins start it.
 */
@PortalTest
class IndexRebuildTests {

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
    String deal;
    String analystEmail;

    @BeforeEach
    void analysedInterviewAndAnswers() {
        tenant = TestTenant.create(workspaces);
        workspace = tenant.workspace().id();
        analystEmail = tenant.addUser(users, Role.ANALYST);
        deal = SurveyFixture.deal(store, workspace, "Hooli");
        IndexedQuotes.interview(store, analyses, workspace, deal, List.of(
                interviewer(0, "What about the price?"),
                buyer(1, "Tom", "The price was too high.", List.of(), List.of("price"), "negative", -1.0),
                buyer(2, "Tom", "Support was great.", List.of(), List.of("support"), "positive", 1.0)));
        IndexedQuotes.response(store, analyses, workspace, deal, List.of(
                buyer(0, "primaryReason", "Integration took one afternoon.", List.of(), List.of("integration"), "positive", 0.5)));
        IndexedQuotes.awaitIndexed(changes, indexer, workspace, deal);
    }

    @Test
    void aRebuildGoesFromRebuildingToIdleWithEverySourceReindexedAndTheSameSentences() {
        Map<String, Object> started = TestTenant.as(client, TestTenant.owner(workspaces)).post().uri("/api/search/rebuild").exchange()
                .expectStatus().isEqualTo(HttpStatus.ACCEPTED).expectBody(JSON).returnResult().getResponseBody();
        assertThat(started).containsEntry("state", "rebuilding").containsEntry("reason", "requested")
                .containsEntry("replica", indexer.replicaId()).containsKeys("startedAt", "fromPosition", "committedPosition");

        Map<String, Object> finished = await(this::status, s -> "idle".equals(s.get("state")));

        assertThat(finished.get("error")).isNull();
        assertThat(finished.get("totalKnown")).isEqualTo(true);
        assertThat(finished.get("done")).isEqualTo(finished.get("total"));
        assertThat(((Number) finished.get("total")).longValue()).as("at least this workspace's two sources").isGreaterThanOrEqualTo(2);
        assertThat(((Number) finished.get("committedPosition")).longValue())
                .isGreaterThanOrEqualTo(((Number) finished.get("endPosition")).longValue());
        assertThat(finished.get("finishedAt")).isNotNull();
        assertThat(finished.get("indexedSentences")).as("the buyer sentences stored, never the interviewer's").isEqualTo(3);
        assertThat(indexer.sentences(workspace).block(Duration.ofSeconds(10))).isEqualTo(3);
    }

    @Test
    void analystsAndAdminsSeeTheStatusOnlyTheInstanceOwnerRebuilds() {
        client.get().uri("/api/search/rebuild").exchange().expectStatus().isUnauthorized();
        client.post().uri("/api/search/rebuild").exchange().expectStatus().isUnauthorized();
        WebTestClient interviewer = TestTenant.as(client, tenant.addUser(users, Role.INTERVIEWER));
        interviewer.get().uri("/api/search/rebuild").exchange().expectStatus().isForbidden();
        interviewer.post().uri("/api/search/rebuild").exchange().expectStatus().isForbidden();
        WebTestClient analyst = TestTenant.as(client, analystEmail);
        analyst.post().uri("/api/search/rebuild").exchange().expectStatus().isForbidden();
        tenant.asAdmin(client).post().uri("/api/search/rebuild").exchange().expectStatus().isForbidden();

        analyst.get().uri("/api/search/rebuild").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.indexedSentences").isEqualTo(3)
                .jsonPath("$.replica").isEqualTo(indexer.replicaId())
                .jsonPath("$.state").isNotEmpty();
    }

    @Test
    void theIndexPageShowsTheReplicaAndOnlyTheInstanceOwnerGetsTheRebuildButton() {
        PageSession analyst = PageSession.signIn(client, analystEmail, TestTenant.PASSWORD);
        String html = analyst.get("/search/index").getResponseBody();
        assertThat(html).contains("Committed change-log position", indexer.replicaId(), "id=\"index-sentences\">3<")
                .doesNotContain("Rebuild the index</button>");
        assertThat(analyst.post("/search/index/rebuild", new LinkedMultiValueMap<>()).getStatus().value()).isEqualTo(403);

        PageSession admin = PageSession.signIn(client, tenant.adminEmail(), TestTenant.PASSWORD);
        assertThat(admin.get("/search/index").getResponseBody()).doesNotContain("Rebuild the index</button>");
        assertThat(admin.post("/search/index/rebuild", new LinkedMultiValueMap<>()).getStatus().value()).isEqualTo(403);

        PageSession owner = PageSession.signIn(client, TestTenant.owner(workspaces), TestTenant.PASSWORD);
        assertThat(owner.get("/search/index").getResponseBody()).contains("Rebuild the index</button>");
        var rebuilt = owner.post("/search/index/rebuild", new LinkedMultiValueMap<>());
        assertThat(rebuilt.getStatus().is3xxRedirection()).isTrue();
        assertThat(rebuilt.getResponseHeaders().getLocation().getPath()).isEqualTo("/search/index");

        String during = analyst.get("/search/index").getResponseBody();
        assertThat(during).containsPattern("<progress id=\"rebuild-bar\"").contains("(requested)");
        await(this::status, s -> "idle".equals(s.get("state")));
        String after = analyst.get("/search/index").getResponseBody();
        assertThat(after).contains("id=\"rebuild-state\">idle<").containsPattern("<progress id=\"rebuild-bar\"[^>]*value=")
                .doesNotContain("data-rebuild-url").contains("id=\"index-sentences\">3<");
    }

    private Map<String, Object> status() {
        return TestTenant.as(client, analystEmail).get().uri("/api/search/rebuild").exchange()
                .expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
    }

    /** Waits for the follower, as the other index tests do. */
    private static <T> T await(Supplier<T> probe, Predicate<T> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        T value = probe.get();
        while (!done.test(value)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within 30 s; last seen " + value);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            value = probe.get();
        }
        return value;
    }
}
