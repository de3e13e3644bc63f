package io.winloss.portal.analysis;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.winloss.portal.workspace.WorkspaceId;

/**
 * Analyses built by hand and stored as a worker would store them, so fast tests can read, correct and show
 * tags without loading the CoreNLP models.
 */
public final class AnalysisFixture {

    private AnalysisFixture() {
    }

    /** Stores {@code sentences} as the machine's latest analysis of {@code target}. */
    public static void save(Analyses analyses, WorkspaceId workspace, String target, List<AnalysedSentence> sentences) {
        analyses.save(workspace, target, "job-by-hand", sentences, Instant.now()).block(Duration.ofSeconds(10));
    }

    public static AnalysedSentence buyer(int index, String speaker, String text, List<String> competitors,
            List<String> criteria, String sentiment, double score) {
        return new AnalysedSentence(index, index, speaker, "buyer", text, null, competitors, List.of(), criteria,
                sentiment, score, List.of(), List.of());
    }

    public static AnalysedSentence interviewer(int index, String text) {
        return new AnalysedSentence(index, index, "Priya Raman", "interviewer", text, null, List.of(), List.of(),
                List.of(), null, null, List.of(), List.of());
    }
}
