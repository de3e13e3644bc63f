package io.winloss.search;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

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
