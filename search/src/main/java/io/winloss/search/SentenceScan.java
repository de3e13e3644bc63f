package io.winloss.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;

/**
 * Visits every sentence matching a query, in slices of at most {@value #SLICE_DOCS} documents of one segment read in
 * parallel, so a scan over a million sentences uses every core even when one merged segment holds most of them. Each
 * slice opens its own doc-values iterators, which only move forward; a slice sees its documents in increasing order.
 */
final class SentenceScan {

    /** Documents per slice: small enough to spread a large segment over the cores, large enough to be worth a task. */
    static final int SLICE_DOCS = 1 << 17;

    private SentenceScan() {
    }

    /** What one slice computes. */
    interface SliceReader<R> {
        R read(Slice slice) throws IOException;
    }

    /** Receives the segment-relative id of each matching document. */
    interface Match {
        void sentence(int doc) throws IOException;
    }

    /** Documents {@code from} (included) to {@code to} (excluded) of segment {@code leaf}. */
    record Slice(LeafReaderContext leaf, int from, int to, Weight weight) {

        /** Calls {@code match} for each live matching document of the slice, in increasing order. */
        void forEachMatch(Match match) throws IOException {
            BulkScorer scorer = weight.bulkScorer(leaf);
            if (scorer == null) {
                return;
            }
            scorer.score(new LeafCollector() {
                @Override
                public void setScorer(Scorable scorer) {
                }

                @Override
                public void collect(int doc) throws IOException {
                    match.sentence(doc);
                }
            }, leaf.reader().getLiveDocs(), from, to);
        }
    }

    /** One result per slice, each computed by {@code reader}, in parallel. */
    static <R> List<R> run(IndexSearcher searcher, Query query, SliceReader<R> reader) {
        try {
            Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1);
            List<Slice> slices = new ArrayList<>();
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                int maxDoc = leaf.reader().maxDoc();
                for (int from = 0; from < maxDoc; from += SLICE_DOCS) {
                    slices.add(new Slice(leaf, from, Math.min(maxDoc, from + SLICE_DOCS), weight));
                }
            }
            return slices.parallelStream().map(slice -> {
                try {
                    return reader.read(slice);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read sentences of " + slice.leaf().reader(), e);
                }
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot scan sentences for " + query, e);
        }
    }
}
