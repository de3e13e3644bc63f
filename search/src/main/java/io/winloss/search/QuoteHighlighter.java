package io.winloss.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;

/**
 * Marks matched words in whole sentences, HTML-escaped (buyer text is untrusted). Stemmed words match in
 * {@link Fields#TEXT} and phrases or prefixes in {@link Fields#TEXT_EXACT}; both highlight the one stored text, which
 * the caller has already read (a hit's stored fields are read once, not again by the highlighter), and the version
 * with more marks wins.
 */
final class QuoteHighlighter extends UnifiedHighlighter {

    static final String MARK = "<mark>";
    private static final String[] FIELDS = {Fields.TEXT, Fields.TEXT_EXACT};
    /** Analyzers are thread-safe and reuse their token streams per thread: one for every search. */
    private static final Analyzer ANALYZER = QuoteDocument.analyzer();

    private final IntFunction<String> texts;

    private QuoteHighlighter(Builder builder, IntFunction<String> texts) {
        super(builder);
        this.texts = texts;
    }

    /** A highlighter over {@code searcher}'s documents whose stored {@link Fields#TEXT} {@code texts} gives by doc id. */
    static QuoteHighlighter over(IndexSearcher searcher, IntFunction<String> texts) {
        return new QuoteHighlighter(UnifiedHighlighter.builder(searcher, ANALYZER)
                .withBreakIterator(WholeBreakIterator::new)
                .withFormatter(new DefaultPassageFormatter(MARK, "</mark>", "… ", true)), texts);
    }

    /** For each doc id, its sentence escaped with matches marked, or null where the highlighter found nothing. */
    String[] highlight(Query query, int[] docIds) throws IOException {
        int[] onePassage = new int[FIELDS.length];
        Arrays.fill(onePassage, 1);
        Map<String, String[]> byField = highlightFields(FIELDS, query, docIds, onePassage);
        String[] stemmed = byField.get(Fields.TEXT);
        String[] exact = byField.get(Fields.TEXT_EXACT);
        String[] best = new String[docIds.length];
        for (int i = 0; i < docIds.length; i++) {
            best[i] = marks(exact[i]) > marks(stemmed[i]) ? exact[i] : stemmed[i];
        }
        return best;
    }

    /** Both fields highlight the stored {@link Fields#TEXT}: {@link Fields#TEXT_EXACT} is indexed only. */
    @Override
    protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docIter, int cacheCharsThreshold)
            throws IOException {
        List<CharSequence[]> values = new ArrayList<>();
        for (int doc = docIter.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docIter.nextDoc()) {
            CharSequence[] perField = new CharSequence[fields.length];
            Arrays.fill(perField, texts.apply(doc));
            values.add(perField);
        }
        return values;
    }

    /** The sentence escaped as the formatter escapes it, for hits without a highlight. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#x27;");
                case '/' -> out.append("&#x2F;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static int marks(String highlighted) {
        if (highlighted == null) {
            return -1;
        }
        int count = 0;
        for (int at = highlighted.indexOf(MARK); at >= 0; at = highlighted.indexOf(MARK, at + 1)) {
            count++;
        }
        return count;
    }
}
