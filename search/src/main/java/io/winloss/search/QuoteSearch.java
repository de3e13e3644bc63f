package io.winloss.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

import io.winloss.search.themes.DealThemes;
import io.winloss.search.themes.Quote;
import io.winloss.search.themes.Theme;

/**
 * Searches the quotes of one workspace: full text, facet filters with drill-sideways counts, a date range, relevance
 * or date order, pages, and highlighted sentences. Every query is confined to the workspace it names: there is no way
 * to search without one. Sees what the index has committed or refreshed. Thread-safe.
 *
 * <pre>{@code
 * QuoteSearch search = new QuoteSearch(index);
 * SearchPage page = search.search("ws-1", SearchRequest.of("integration pricing")
 *         .withFilter(Fields.OUTCOME, "lost")
 *         .withFilter(Fields.COMPETITOR, "Acme", "Globex"));   // Acme OR Globex, AND lost
 * page.total();                         // matching sentences in ws-1
 * page.hits().get(0).highlight();       // "... &lt;b&gt; ... <mark>integration</mark> ..."
 * page.facet(Fields.COMPETITOR);        // {Acme=12, Globex=4, Initech=3}: other competitors still counted
 * }</pre>
 */
public final class QuoteSearch {

    /** Values counted per facet dimension. */
    static final int FACET_VALUES = 100;

    private static final SortField NEWEST = new SortField(Fields.DATE, SortField.Type.LONG, true);
    private static final Sort NEWEST_FIRST = new Sort(NEWEST, SortField.FIELD_SCORE);
    private static final Sort BEST_FIRST = new Sort(SortField.FIELD_SCORE, NEWEST);

    private final QuoteIndex index;
    private final QuoteQueryParser parser = new QuoteQueryParser();

    public QuoteSearch(QuoteIndex index) {
        this.index = index;
    }

    /**
     * One page of the workspace's sentences matching {@code request}.
     *
     * @throws InvalidQuery when the query text cannot be read; the reason says where and why
     */
    public SearchPage search(String workspaceId, SearchRequest request) {
        if (workspaceId == null || workspaceId.isBlank()) {
            throw new InvalidQuery(request.query(), "no workspace");
        }
        Query text = parser.parse(request.query());
        DrillDownQuery query = new DrillDownQuery(index.facetsConfig(), confined(workspaceId, text, request));
        request.filters().forEach((dim, values) -> values.forEach(value -> query.add(dim, value)));
        int window = (request.page() + 1) * request.size();

        FacetedSearcher searcher = index.acquire();
        try {
            TopDocs top;
            Map<String, Map<String, Integer>> facets;
            boolean byDate = request.order() == SearchRequest.Order.DATE || text instanceof MatchAllDocsQuery;
            Sort sort = byDate ? NEWEST_FIRST : BEST_FIRST;
            if (searcher.facets == null) {
                top = searcher.search(query, window, sort);
                facets = Map.of();
            } else {
                DrillSideways sideways = new DrillSideways(searcher, index.facetsConfig(), searcher.facets);
                DrillSideways.DrillSidewaysResult result = sideways.search(query, null, null, window, sort, false);
                top = result.hits;
                facets = counts(result.facets);
            }
            ScoreDoc[] page = Arrays.copyOfRange(top.scoreDocs,
                    Math.min(top.scoreDocs.length, request.page() * request.size()), top.scoreDocs.length);
            return new SearchPage(top.totalHits.value, hits(searcher, text, page), facets);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot search quotes of workspace " + workspaceId, e);
        } finally {
            index.release(searcher);
        }
    }

    /**
     * The themes of every deal of the workspace with a sentence matching {@code filters} (facet dimension to accepted
     * values: OR within a dimension, AND across, as in {@link #search}) said from {@code from} to {@code to} (both
     * included, either may be null; the sentence's {@link Fields#DATE}, as in search, so a theme's numbers and a search
     * with the same filters show the same quotes). One {@link DealThemes} per deal, in no particular order: its
     * outcome, segment and close date from the stored fields, its themes the criteria, competitors and key phrases of
     * its matching sentences, each theme with the sentences that mention it as quotes. The index holds buyer speech
     * only, so every sentence counts.
     *
     * <p>A quote's score is how strongly the buyer felt: 1 for a positive or negative sentence, 0.5 for a neutral one
     * (the index stores the sentiment label, not its strength), so quotes with an opinion are shown first.
     *
     * <p>Reads the stored fields of every matching sentence, with no top-N limit: linear in the matching sentences,
     * fine for a workspace's tens of thousands, not the way to go for millions (doc values would be).
     *
     * @throws InvalidQuery when the workspace is missing, a filter is not a facet dimension, or the range is reversed
     */
    public List<DealThemes> dealThemes(String workspaceId, Map<String, List<String>> filters, LocalDate from,
            LocalDate to) {
        if (workspaceId == null || workspaceId.isBlank()) {
            throw new InvalidQuery("", "no workspace");
        }
        SearchRequest request = new SearchRequest("", filters, from, to, SearchRequest.Order.DATE, 0, 1);
        DrillDownQuery query = new DrillDownQuery(index.facetsConfig(),
                confined(workspaceId, new MatchAllDocsQuery(), request));
        request.filters().forEach((dim, values) -> values.forEach(value -> query.add(dim, value)));

        Map<String, DealThemes.Builder> deals = new LinkedHashMap<>();
        FacetedSearcher searcher = index.acquire();
        try {
            searcher.search(query, new SimpleCollector() {
                private StoredFields stored;

                @Override
                protected void doSetNextReader(LeafReaderContext context) throws IOException {
                    stored = context.reader().storedFields();
                }

                @Override
                public void collect(int doc) throws IOException {
                    addSentence(deals, stored.document(doc));
                }

                @Override
                public ScoreMode scoreMode() {
                    return ScoreMode.COMPLETE_NO_SCORES;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the themes of workspace " + workspaceId, e);
        } finally {
            index.release(searcher);
        }
        return deals.values().stream().map(DealThemes.Builder::build).toList();
    }

    private static void addSentence(Map<String, DealThemes.Builder> deals, Document sentence) {
        String dealId = sentence.get(Fields.DEAL);
        DealThemes.Builder deal = deals.computeIfAbsent(dealId, id -> {
            DealThemes.Builder builder = DealThemes.builder(id, sentence.get(Fields.OUTCOME))
                    .segment(sentence.get(Fields.SEGMENT));
            if (sentence.getField(Fields.CLOSE_DATE) != null) {
                builder.closeDate(LocalDate.ofEpochDay(sentence.getField(Fields.CLOSE_DATE).numericValue().longValue()));
            }
            return builder;
        });
        String sentiment = sentence.get(Fields.SENTIMENT);
        double score = "positive".equals(sentiment) || "negative".equals(sentiment) ? 1.0 : 0.5;
        Quote quote = new Quote(sentence.get(Fields.ID), sentence.get(Fields.TEXT), score);
        for (String criterion : sentence.getValues(Fields.CRITERION)) {
            if (!criterion.isBlank()) {
                deal.quote(Theme.criterion(criterion), quote);
            }
        }
        for (String competitor : sentence.getValues(Fields.COMPETITOR)) {
            if (!competitor.isBlank()) {
                deal.quote(Theme.competitor(competitor), quote);
            }
        }
        for (String phrase : sentence.getValues(Fields.KEY_PHRASE)) {
            if (!phrase.isBlank()) {
                deal.quote(Theme.keyPhrase(phrase), quote);
            }
        }
    }

    /** The text query, FILTERed to the workspace and the date range: the base every facet count starts from. */
    private static Query confined(String workspaceId, Query text, SearchRequest request) {
        BooleanQuery.Builder base = new BooleanQuery.Builder()
                .add(text, text instanceof MatchAllDocsQuery ? Occur.FILTER : Occur.MUST)
                .add(new TermQuery(new Term(Fields.WORKSPACE, workspaceId)), Occur.FILTER);
        if (request.from() != null || request.to() != null) {
            long from = request.from() == null ? Long.MIN_VALUE : request.from().toEpochDay();
            long to = request.to() == null ? Long.MAX_VALUE : request.to().toEpochDay();
            base.add(LongPoint.newRangeQuery(Fields.DATE, from, to), Occur.FILTER);
        }
        return base.build();
    }

    private static List<Hit> hits(FacetedSearcher searcher, Query text, ScoreDoc[] page) throws IOException {
        int[] docIds = Arrays.stream(page).mapToInt(hit -> hit.doc).toArray();
        String[] highlights = text instanceof MatchAllDocsQuery
                ? new String[docIds.length]
                : QuoteHighlighter.over(searcher).highlight(text, docIds);
        List<Hit> hits = new ArrayList<>(docIds.length);
        for (int i = 0; i < docIds.length; i++) {
            Document stored = searcher.storedFields().document(docIds[i]);
            String highlight = highlights[i] != null ? highlights[i] : QuoteHighlighter.escape(stored.get(Fields.TEXT));
            hits.add(QuoteDocument.hit(stored, highlight));
        }
        return hits;
    }

    private static Map<String, Map<String, Integer>> counts(Facets facets) throws IOException {
        Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
        for (String dim : Fields.FACET_DIMS) {
            Map<String, Integer> values = new LinkedHashMap<>();
            FacetResult result = topChildren(facets, dim);
            if (result != null) {
                for (LabelAndValue value : result.labelValues) {
                    values.put(value.label, value.value.intValue());
                }
            }
            counts.put(dim, values);
        }
        return counts;
    }

    private static FacetResult topChildren(Facets facets, String dim) throws IOException {
        try {
            return facets.getTopChildren(FACET_VALUES, dim);
        } catch (IllegalArgumentException notIndexedYet) {
            return null;
        }
    }
}
