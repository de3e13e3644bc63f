package io.winloss.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuoteIndexTests {

    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();

    @AfterEach
    void closeDirectory() throws Exception {
        directory.close();
    }

    private static List<String> ids(QuoteIndex index, String workspace) {
        return new QuoteSearch(index).search(workspace, SearchRequest.of("").withPage(0, 100))
                .hits().stream().map(Hit::id).sorted().toList();
    }

    @Test
    void upsertReplacesTheSentenceWithTheSameId() {
        try (QuoteIndex index = QuoteIndex.open(directory)) {
            QuoteRecord first = Quotes.in("ws-1").criteria("price").sentence("Pricing was too high.");
            QuoteRecord corrected = Quotes.in("ws-1").criteria("contract_terms").sentence("Pricing was too high.");
            index.upsert(first);
            index.commit(1);
            index.upsert(corrected);
            index.commit(2);

            SearchPage page = new QuoteSearch(index).search("ws-1", SearchRequest.of("pricing"));

            assertThat(index.count("ws-1")).isEqualTo(1);
            assertThat(page.hits()).singleElement().extracting(Hit::criteria).isEqualTo(List.of("contract_terms"));
        }
    }

    @Test
    void replaceSourceSwapsOneInterviewsSentencesAndLeavesEveryOtherSource() {
        try (QuoteIndex index = QuoteIndex.open(directory)) {
            Quotes first = Quotes.in("ws-1").interview("iv-1");
            index.replaceSource("ws-1", QuoteRecord.INTERVIEW, "iv-1", List.of(
                    first.sentence("Pricing was too high."), first.sentence("Support was slow."),
                    first.sentence("Onboarding took months.")));
            index.replaceSource("ws-1", QuoteRecord.INTERVIEW, "iv-2",
                    List.of(Quotes.in("ws-1").interview("iv-2").sentence("The demo was great.")));
            index.replaceSource("ws-2", QuoteRecord.INTERVIEW, "iv-1",
                    List.of(Quotes.in("ws-2").interview("iv-1").sentence("Another workspace, same interview id.")));
            index.commit(1);

            index.replaceSource("ws-1", QuoteRecord.INTERVIEW, "iv-1",
                    List.of(Quotes.in("ws-1").interview("iv-1").sentence("Analysed again: one sentence.")));
            index.replaceSource("ws-1", QuoteRecord.INTERVIEW, "iv-1",
                    List.of(Quotes.in("ws-1").interview("iv-1").sentence("Analysed again: one sentence.")));
            index.commit(2);

            assertThat(new QuoteSearch(index).search("ws-1", SearchRequest.of("").withPage(0, 100)).hits())
                    .extracting(Hit::text).containsExactlyInAnyOrder("Analysed again: one sentence.", "The demo was great.");
            assertThat(index.count("ws-2")).isEqualTo(1);

            index.replaceSource("ws-1", QuoteRecord.INTERVIEW, "iv-2", List.of());
            index.commit(3);
            assertThat(index.count("ws-1")).isEqualTo(1);
        }
    }

    @Test
    void replaceSourceRefusesASentenceOfAnotherSource() {
        try (QuoteIndex index = QuoteIndex.open(directory)) {
            QuoteRecord elsewhere = Quotes.in("ws-1").interview("iv-2").sentence("Pricing was too high.");

            assertThatThrownBy(
                    () -> index.replaceSource("ws-1", QuoteRecord.INTERVIEW, "iv-1", List.of(elsewhere)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("iv-1");
            assertThat(index.count("ws-1")).isZero();
        }
    }

    @Test
    void theSameIdInAnotherWorkspaceIsAnotherSentence() {
        try (QuoteIndex index = QuoteIndex.open(directory)) {
            index.upsert(Quotes.in("ws-1").sentence("Pricing was too high."));
            index.upsert(Quotes.in("ws-2").sentence("Pricing was fine."));

            assertThat(index.count("ws-1")).isEqualTo(1);
            assertThat(index.count("ws-2")).isEqualTo(1);
        }
    }

    @Test
    void deleteSourceRemovesExactlyThatInterviewsOrResponsesSentences() {
        try (QuoteIndex index = QuoteIndex.open(directory)) {
            Quotes quotes = Quotes.in("ws-1").deal("d1", "lost");
            index.upsert(quotes.interview("iv-1").sentence("One."));
            index.upsert(quotes.sentence("Two."));
            index.upsert(quotes.interview("iv-2").sentence("Three."));
            index.upsert(quotes.survey("iv-1").sentence("A survey answer whose response id equals an interview's."));
            index.upsert(Quotes.in("ws-2").interview("iv-1").sentence("Another workspace's interview iv-1."));

            index.deleteSource("ws-1", QuoteRecord.INTERVIEW, "iv-1");
            index.commit(1);

            assertThat(ids(index, "ws-1")).containsExactly("interview:iv-2#0", "response:iv-1#q0");
            assertThat(index.count("ws-2")).isEqualTo(1);
        }
    }

    @Test
    void deleteDealRemovesExactlyThatDealsSentences() {
        try (QuoteIndex index = QuoteIndex.open(directory)) {
            Quotes quotes = Quotes.in("ws-1");
            index.upsert(quotes.deal("d1", "lost").interview("iv-1").sentence("One."));
            index.upsert(quotes.deal("d1", "lost").survey("r-1").sentence("Two."));
            index.upsert(quotes.deal("d2", "won").interview("iv-2").sentence("Three."));
            index.upsert(Quotes.in("ws-2").deal("d1", "lost").sentence("Another workspace's deal d1."));

            index.deleteDeal("ws-1", "d1");
            index.commit(1);

            assertThat(ids(index, "ws-1")).containsExactly("interview:iv-2#0");
            assertThat(index.count("ws-2")).isEqualTo(1);
        }
    }

    @Test
    void deleteAllEmptiesTheIndexForARebuild() {
        try (QuoteIndex index = QuoteIndex.open(directory)) {
            ChangeLog.replay(index, 0, 100);
            index.commit(100);

            index.deleteAll();
            ChangeLog.replay(index, 0, 100);
            index.commit(100);

            assertThat(index.count(ChangeLog.WORKSPACE)).isEqualTo(ChangeLog.sentencesAt(100));
        }
    }

    @Test
    void committedPositionSurvivesCloseAndReopen() {
        try (QuoteIndex index = QuoteIndex.open(directory)) {
            assertThat(index.committedPosition()).as("a new index").isZero();
            ChangeLog.replay(index, 0, 10);
            index.commit(10);
            assertThat(index.committedPosition()).isEqualTo(10);
        }
        try (QuoteIndex reopened = QuoteIndex.open(directory)) {
            assertThat(reopened.committedPosition()).isEqualTo(10);
            assertThat(reopened.count(ChangeLog.WORKSPACE)).isEqualTo(ChangeLog.sentencesAt(10));
        }
    }

    @Test
    void crashKeepsTheLastCommitAndReplayingFromItGivesExactCounts() {
        QuoteIndex index = QuoteIndex.open(directory);
        ChangeLog.replay(index, 0, 300);
        index.commit(300);
        ChangeLog.replay(index, 300, 420);
        index.deleteDeal(ChangeLog.WORKSPACE, "deal-0");
        assertThat(index.count(ChangeLog.WORKSPACE)).as("visible before the crash")
                .isEqualTo(ChangeLog.sentencesAt(420) - ChangeLog.sentencesAt(40)); // deal-0 is entries 0 to 39
        index.rollback();

        try (QuoteIndex restarted = QuoteIndex.open(directory)) {
            assertThat(restarted.committedPosition()).isEqualTo(300);
            assertThat(restarted.count(ChangeLog.WORKSPACE)).isEqualTo(ChangeLog.sentencesAt(300));

            ChangeLog.replay(restarted, restarted.committedPosition(), 600);
            ChangeLog.replay(restarted, 250, 600);
            restarted.commit(600);

            assertThat(restarted.count(ChangeLog.WORKSPACE)).as("replayed twice, counted once")
                    .isEqualTo(ChangeLog.sentencesAt(600));
        }
    }

    @Test
    void processKilledWhileIndexingResumesFromItsLastCommit(@TempDir Path dir) throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), KilledIndexer.class.getName(), dir.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals("committed 3000")) {
                // let it commit a few batches
            }
            assertThat(line).as("the indexer reached position 3000").isEqualTo("committed 3000");
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        try (QuoteIndex restarted = QuoteIndex.open(dir)) {
            long position = restarted.committedPosition();
            assertThat(position).isGreaterThanOrEqualTo(3000);
            assertThat(position % KilledIndexer.BATCH).isZero();
            assertThat(restarted.count(ChangeLog.WORKSPACE)).isEqualTo(ChangeLog.sentencesAt(position));

            ChangeLog.replay(restarted, position, position + 1000);
            restarted.commit(position + 1000);

            assertThat(restarted.count(ChangeLog.WORKSPACE)).isEqualTo(ChangeLog.sentencesAt(position + 1000));
        }
    }

    @Test
    void concurrentWritersLoseNothing() throws Exception {
        try (QuoteIndex index = QuoteIndex.open(directory)) {
            ExecutorService writers = Executors.newFixedThreadPool(4);
            IntStream.range(0, 4).forEach(w -> writers.submit(() -> ChangeLog.replay(index, w * 250L, w * 250L + 250)));
            writers.shutdown();
            assertThat(writers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            index.commit(1000);

            assertThat(index.count(ChangeLog.WORKSPACE)).isEqualTo(ChangeLog.sentencesAt(1000));
        }
    }

    /** An index as the code before doc values wrote it: the same documents without the ".sorted" fields, no format. */
    private void writeOlderFormat(QuoteRecord... quotes) throws Exception {
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(QuoteDocument.analyzer()))) {
            for (QuoteRecord quote : quotes) {
                Document doc = QuoteDocument.of(quote);
                for (String field : List.of(Fields.ID_SORTED, Fields.DEAL_SORTED, Fields.KEY_PHRASE_SORTED, Fields.ASPECT_SORTED)) {
                    doc.removeFields(field);
                }
                writer.addDocument(QuoteDocument.facetsConfig().build(doc));
            }
            writer.setLiveCommitData(Map.of(QuoteIndex.POSITION, "7").entrySet());
            writer.commit();
        }
    }

    @Test
    void anIndexOfAnOlderFormatNeedsRebuildingUntilEmptied() throws Exception {
        writeOlderFormat(Quotes.in("ws-1").keyPhrases("per seat").sentence("Old sentence."));

        try (QuoteIndex index = QuoteIndex.open(directory)) {
            assertThat(index.needsRebuild()).isTrue();
            assertThat(index.committedPosition()).isEqualTo(7);
            assertThat(new QuoteSearch(index).themes("ws-1", new ThemeRequest(List.of("lost"), List.of("won"), Map.of(),
                    null, null), io.winloss.search.themes.ThemeAnalysis.Options.defaults()).sample().deals())
                    .as("older sentences lack the doc values themes read").isZero();
            index.upsert(Quotes.in("ws-1").interview("iv-2").keyPhrases("per seat").sentence("New sentence, old index."));
            index.commit(8);
            assertThat(index.needsRebuild()).isTrue();
        }
        try (QuoteIndex index = QuoteIndex.open(directory)) {
            assertThat(index.needsRebuild()).as("a commit of new sentences does not vouch for old ones").isTrue();
            index.deleteAll();
            index.upsert(Quotes.in("ws-1").sentence("Rebuilt."));
            index.commit(9);
            assertThat(index.needsRebuild()).isFalse();
        }
        try (QuoteIndex index = QuoteIndex.open(directory)) {
            assertThat(index.needsRebuild()).isFalse();
            assertThat(index.count("ws-1")).isEqualTo(1);
        }
    }

    @Test
    void aNewIndexAndAnEmptyOlderOneNeedNoRebuild() throws Exception {
        try (QuoteIndex index = QuoteIndex.open(directory)) {
            assertThat(index.needsRebuild()).isFalse();
            index.upsert(Quotes.in("ws-1").sentence("Current format."));
            index.commit(1);
        }
        try (QuoteIndex index = QuoteIndex.open(directory)) {
            assertThat(index.needsRebuild()).isFalse();
        }

        ByteBuffersDirectory older = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(older, new IndexWriterConfig(QuoteDocument.analyzer()))) {
            writer.setLiveCommitData(Map.of(QuoteIndex.POSITION, "3").entrySet());
            writer.commit();
        }
        try (QuoteIndex index = QuoteIndex.open(older)) {
            assertThat(index.needsRebuild()).isFalse();
        }
    }
}
