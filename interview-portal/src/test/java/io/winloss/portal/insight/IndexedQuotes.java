package io.winloss.portal.insight;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.bson.Document;

import io.winloss.portal.analysis.AnalysedSentence;
import io.winloss.portal.analysis.Analyses;
import io.winloss.portal.analysis.AnalysisFixture;
import io.winloss.portal.store.Collections;
import io.winloss.portal.store.Store;
import io.winloss.portal.workspace.WorkspaceId;

/**
 * Interviews and answer sheets stored with hand-built analyses (no job, so no worker loads the models), and a wait
 * for the quote index to catch up with the change log: what the search and themes tests stand on.
 */
final class IndexedQuotes {

    private IndexedQuotes() {
    }

    /** An interview stored as an upload would store it, and its analysis; returns its id. */
    static String interview(Store store, Analyses analyses, WorkspaceId owner, String dealId, List<AnalysedSentence> sentences) {
        String id = UUID.randomUUID().toString();
        store.tenant(owner, Collections.INTERVIEWS).insert(new Document("_id", id).append("dealId", dealId)
                .append("fileName", "call.txt").append("size", 10L).append("interviewers", List.of("Priya Raman"))
                .append("interviewDate", "2026-04-02").append("uploadedBy", "someone@example.test")
                .append("uploadedAt", new Date())).block(Duration.ofSeconds(10));
        AnalysisFixture.save(analyses, owner, "interview:" + id, sentences);
        return id;
    }

    /** A submitted answer sheet whose first free-text answer is the first sentence, and its analysis; returns its id. */
    static String response(Store store, Analyses analyses, WorkspaceId owner, String dealId, List<AnalysedSentence> sentences) {
        String id = UUID.randomUUID().toString();
        store.tenant(owner, Collections.RESPONSES).insert(new Document("_id", id).append("dealId", dealId)
                .append("invitationId", id).append("surveyVersion", 1).append("submittedAt", new Date())
                .append("answers", new Document("primaryReason", sentences.get(0).text()))).block(Duration.ofSeconds(10));
        AnalysisFixture.save(analyses, owner, "response:" + id, sentences);
        return id;
    }

    /** Waits until the indexer has committed every change recorded so far. */
    static void awaitIndexed(ChangeLog changes, QuoteIndexer indexer, WorkspaceId owner, String dealId) {
        long mark = changes.record(owner, "deal:" + dealId).block(Duration.ofSeconds(10));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (indexer.position() < mark) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the index did not reach change " + mark + " within 10 s");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
