package io.winloss.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
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
import org.apache.lucene.index.StoredFields;
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

import io.winloss.search.themes.CompetitorAspects;
import io.winloss.search.themes.Theme;
import io.winloss.search.themes.ThemeAnalysis;
import io.winloss.search.themes.ThemeReport;
import io.winloss.search.themes.Trend;

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
 *
 * <p>It also answers the themes questions over whole sets of deals ({@link #themes}, {@link #trends},
 * {@link #competitorAspects}) in one pass over doc values each, never reading a stored field but for the quotes shown.
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
        DrillDownQuery query = new DrillDownQuery(index.facetsConfig(), confined(workspaceId, text, request.from(), request.to()));
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
     * The themes of the workspace's deals with a focus outcome, ranked against those with a baseline outcome, as
     * {@link ThemeAnalysis#rank(List, List, ThemeAnalysis.Options)} ranks them: distinct deals per theme on each side,
     * Fisher's test, q-values, intervals, verdicts and three quotes per shown theme. A deal counts when one of its
     * sentences matches the request's filters and dates (the sentence's {@link Fields#DATE}, as in search, so a theme's
     * numbers and a search with the same filters show the same quotes); its themes are the criteria, competitors and
     * key phrases of those sentences. A quote's score is how strongly the buyer felt: 1 for a positive or negative
     * sentence, 0.5 for a neutral one. The index holds buyer speech only, so every sentence counts.
     *
     * <p>One pass over doc values, in parallel slices; stored fields are read for the quotes shown only.
     *
     * <pre>{@code
     * ThemeReport report = search.themes("ws-1",
     *         new ThemeRequest(List.of("lost"), List.of("won"), Map.of(Fields.SEGMENT, List.of("enterprise")), null, null),
     *         ThemeAnalysis.Options.defaults());
     * report.themes().get(0);   // the theme that sets lost enterprise deals apart most clearly, with its quotes
     * }</pre>
     *
     * @throws InvalidQuery             when the workspace is missing
     * @throws IllegalArgumentException when a deal has sentences with a focus and with a baseline outcome
     */
    public ThemeReport themes(String workspaceId, ThemeRequest request, ThemeAnalysis.Options options) {
        Query query = themeQuery(workspaceId, request, request.allOutcomes());
        FacetedSearcher searcher = index.acquire();
        try {
            if (searcher.getIndexReader().numDocs() == 0) {
                return ThemeAnalysis.rank(List.of(), List.of(), options);
            }
            return ThemeScan.rank(searcher, query, request, options);
        } finally {
            index.release(searcher);
        }
    }

    /**
     * Each of {@code themes}' rate per quarter of close date over the request's FOCUS deals, as {@link Trend#of(Collection,
     * List)} computes it: in each quarter, the distinct focus deals that closed and those of them with a matching
     * sentence mentioning the theme; deals without a close date in {@code undatedDeals} only. In the order of
     * {@code themes}; one pass over doc values.
     *
     * @throws InvalidQuery when the workspace is missing
     */
    public List<Trend> trends(String workspaceId, ThemeRequest request, Collection<Theme> themes) {
        List<Theme> wanted = themes.stream().distinct().toList();
        Query query = themeQuery(workspaceId, request, request.focusOutcomes());
        FacetedSearcher searcher = index.acquire();
        try {
            if (searcher.getIndexReader().numDocs() == 0) {
                return Trend.of(themes, List.of());
            }
            List<Trend> trends = TrendScan.trends(searcher, query, wanted);
            return themes.stream().map(theme -> trends.get(wanted.indexOf(theme))).toList();
        } finally {
            index.release(searcher);
        }
    }

    /**
     * What buyers of the request's focus and baseline deals together praise and criticise each competitor for, and
     * where a competitor beat us, as {@link CompetitorAspects#summarize} profiles them, counted over distinct deals
     * from doc values. Whom a sentence's criterion aspects are about follows from the competitors it names:
     * <ul>
     * <li>exactly one competitor: that competitor ("Acme's integration was smoother");</li>
     * <li>none: us, the workspace's own product, because buyers in a win-loss interview speak to the vendor about the
     *     vendor unless they name someone else ("your integration kept breaking");</li>
     * <li>two or more: nobody, as the sentence does not say which one it judges ("Acme and Globex both had better
     *     pricing" is left out rather than guessed at).</li>
     * </ul>
     * Competitor aspects (a sentiment about a competitor as a whole, with no criterion) are not counted: a profile is
     * made of criteria.
     *
     * @throws InvalidQuery when the workspace is missing
     */
    public List<CompetitorAspects.CompetitorProfile> competitorAspects(String workspaceId, ThemeRequest request) {
        Query query = themeQuery(workspaceId, request, request.allOutcomes());
        FacetedSearcher searcher = index.acquire();
        try {
            if (searcher.getIndexReader().numDocs() == 0) {
                return List.of();
            }
            return AspectScan.profiles(searcher, query);
        } finally {
            index.release(searcher);
        }
    }

    /** The workspace's sentences matching the request's filters and dates, of deals with one of {@code outcomes}. */
    private Query themeQuery(String workspaceId, ThemeRequest request, List<String> outcomes) {
        if (workspaceId == null || workspaceId.isBlank()) {
            throw new InvalidQuery("", "no workspace");
        }
        DrillDownQuery query = new DrillDownQuery(index.facetsConfig(),
                confined(workspaceId, new MatchAllDocsQuery(), request.from(), request.to()));
        request.filters().forEach((dim, values) -> values.forEach(value -> query.add(dim, value)));
        outcomes.forEach(outcome -> query.add(Fields.OUTCOME, outcome));
        return query;
    }

    /** The text query, FILTERed to the workspace and the date range: the base every facet count starts from. */
    private static Query confined(String workspaceId, Query text, LocalDate fromDay, LocalDate toDay) {
        BooleanQuery.Builder base = new BooleanQuery.Builder()
                .add(text, text instanceof MatchAllDocsQuery ? Occur.FILTER : Occur.MUST)
                .add(new TermQuery(new Term(Fields.WORKSPACE, workspaceId)), Occur.FILTER);
        if (fromDay != null || toDay != null) {
            long from = fromDay == null ? Long.MIN_VALUE : fromDay.toEpochDay();
            long to = toDay == null ? Long.MAX_VALUE : toDay.toEpochDay();
            base.add(LongPoint.newRangeQuery(Fields.DATE, from, to), Occur.FILTER);
        }
        return base.build();
    }

    private static List<Hit> hits(FacetedSearcher searcher, Query text, ScoreDoc[] page) throws IOException {
        Map<Integer, Document> stored = storedDocuments(searcher, page);
        int[] docIds = Arrays.stream(page).mapToInt(hit -> hit.doc).toArray();
        String[] highlights = text instanceof MatchAllDocsQuery
                ? new String[docIds.length]
                : QuoteHighlighter.over(searcher, doc -> stored.get(doc).get(Fields.TEXT)).highlight(text, docIds);
        List<Hit> hits = new ArrayList<>(docIds.length);
        for (int i = 0; i < docIds.length; i++) {
            Document document = stored.get(docIds[i]);
            String highlight = highlights[i] != null ? highlights[i] : QuoteHighlighter.escape(document.get(Fields.TEXT));
            hits.add(QuoteDocument.hit(document, highlight));
        }
        return hits;
    }

    /**
     * The page's stored documents, read once through one {@link StoredFields} in doc id order, so that neighbours in
     * one compressed block are decompressed once.
     */
    private static Map<Integer, Document> storedDocuments(FacetedSearcher searcher, ScoreDoc[] page) throws IOException {
        int[] inOrder = Arrays.stream(page).mapToInt(hit -> hit.doc).sorted().toArray();
        StoredFields fields = searcher.storedFields();
        Map<Integer, Document> stored = new HashMap<>(inOrder.length * 2);
        for (int doc : inOrder) {
            stored.put(doc, fields.document(doc));
        }
        return stored;
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
