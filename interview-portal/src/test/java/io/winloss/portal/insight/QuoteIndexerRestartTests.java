package io.winloss.portal.insight;

import static io.winloss.portal.analysis.AnalysisFixture.buyer;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.winloss.portal.PortalProperties;
import io.winloss.portal.PortalTest;
import io.winloss.portal.TestTenant;
import io.winloss.portal.analysis.Analyses;
import io.winloss.portal.analysis.AnalysisFixture;
import io.winloss.portal.deal.Deals;
import io.winloss.portal.interview.Interviews;
import io.winloss.portal.invitation.Responses;
import io.winloss.portal.invitation.SurveyFixture;
import io.winloss.portal.store.Collections;
import io.winloss.portal.store.Store;
import io.winloss.portal.workspace.WorkspaceId;
import io.winloss.portal.workspace.Workspaces;
import io.winloss.search.SearchRequest;

/**
 * A second indexer over its own folder, driven by hand: what it committed survives a restart, and after the restart it
 * follows the log from there.
 */
@PortalTest
class QuoteIndexerRestartTests {

    @Autowired
    ChangeLog changes;
    @Autowired
    Analyses analyses;
    @Autowired
    Deals deals;
    @Autowired
    Interviews interviews;
    @Autowired
    Responses responses;
    @Autowired
    Workspaces workspaces;
    @Autowired
    Store store;

    @Test
    void aRestartedIndexerKeepsWhatItCommittedAndFollowsOnFromThere() throws Exception {
        WorkspaceId workspace = TestTenant.create(workspaces).workspace().id();
        String deal = SurveyFixture.deal(store, workspace, "Hooli");
        interview(workspace, deal, "The price was too high.");
        Path dir = Files.createTempDirectory(Path.of("target"), "restart-");

        QuoteIndexer first = indexer(dir);
        long committed = catchUp(first);
        assertThat(total(first, workspace, "price")).isEqualTo(1);
        first.close();

        QuoteIndexer second = indexer(dir);
        try {
            assertThat(second.position()).isEqualTo(committed);
            assertThat(total(second, workspace, "price")).as("searchable before any replay").isEqualTo(1);

            interview(workspace, deal, "Their price included onboarding.");
            catchUp(second);
            assertThat(total(second, workspace, "price")).isEqualTo(2);
        } finally {
            second.close();
        }
    }

    @Test
    void aRebuildCutShortByAStopStartsAgainWhenTheReplicaStarts() throws Exception {
        WorkspaceId workspace = TestTenant.create(workspaces).workspace().id();
        String deal = SurveyFixture.deal(store, workspace, "Hooli");
        interview(workspace, deal, "The price was too high.");
        interview(workspace, deal, "Their price included onboarding.");
        Path dir = Files.createTempDirectory(Path.of("target"), "unfinished-");
        // as a rebuild leaves its folder when the process stops after emptying the index, before logging every source
        Files.writeString(dir.resolve("index-rebuild-unfinished"), "2026-05-01T12:00:00Z\n");

        QuoteIndexer restarted = indexer(dir);
        try {
            restarted.follow();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (restarted.rebuildStatus().startedAt() == null || restarted.rebuildStatus().rebuilding()) {
                assertThat(System.nanoTime()).as("rebuilt within 60 s: " + restarted.rebuildStatus()).isLessThan(deadline);
                Thread.sleep(100);
            }
            RebuildStatus status = restarted.rebuildStatus();
            assertThat(status.reason()).isEqualTo(RebuildStatus.UNFINISHED);
            assertThat(status.done()).isEqualTo(status.total());
            assertThat(total(restarted, workspace, "price")).isEqualTo(2);
            assertThat(dir.resolve("index-rebuild-unfinished")).doesNotExist();
        } finally {
            restarted.close();
        }
    }

    private QuoteIndexer indexer(Path dataDir) {
        PortalProperties properties = new PortalProperties(dataDir, null, null, Set.of("web"), URI.create("http://localhost"),
                null, null, 30, null);
        return new QuoteIndexer(properties, changes, analyses, deals, interviews, responses, workspaces, new Replicas(store));
    }

    private long catchUp(QuoteIndexer indexer) {
        long head = changes.head().block(Duration.ofSeconds(10));
        while (indexer.position() < head) {
            indexer.catchUp().block(Duration.ofSeconds(30));
        }
        return indexer.position();
    }

    private static long total(QuoteIndexer indexer, WorkspaceId workspace, String query) {
        return indexer.search(workspace, SearchRequest.of(query)).block(Duration.ofSeconds(10)).total();
    }

    private void interview(WorkspaceId workspace, String dealId, String text) {
        String id = UUID.randomUUID().toString();
        store.tenant(workspace, Collections.INTERVIEWS).insert(new Document("_id", id).append("dealId", dealId)
                .append("fileName", "call.txt").append("size", 10L).append("interviewers", List.of("Priya"))
                .append("uploadedBy", "someone@example.test").append("uploadedAt", new Date())).block(Duration.ofSeconds(10));
        AnalysisFixture.save(analyses, workspace, "interview:" + id,
                List.of(buyer(0, "Tom", text, List.of(), List.of("price"), "negative", -1.0)));
    }
}
