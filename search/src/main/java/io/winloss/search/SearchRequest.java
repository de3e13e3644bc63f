package io.winloss.search;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a product manager asks for: query text, facet filters (OR within a dimension, AND across dimensions), a date
 * range on when the buyer said it, an order, and a page. Rejects what cannot be served with {@link InvalidQuery}.
 *
 * <pre>{@code
 * SearchRequest request = SearchRequest.of("integration \"per seat\"")
 *         .withFilter(Fields.OUTCOME, "lost")
 *         .withFilter(Fields.COMPETITOR, "Acme", "Globex")
 *         .withDates(LocalDate.of(2026, 1, 1), null)
 *         .sortedBy(SearchRequest.Order.DATE)
 *         .withPage(0, 20);
 * }</pre>
 *
 * @param query   Lucene classic syntax: words (all required), "phrases", prefix*, AND/OR/NOT, +/-, ( ); blank matches all
 * @param filters facet dimension (one of {@link Fields#FACET_DIMS}) to the values accepted for it
 * @param from    first day included, or {@code null}
 * @param to      last day included, or {@code null}
 * @param page    0-based page number
 * @param size    hits per page, 1 to {@value #MAX_SIZE}
 */
public record SearchRequest(
        String query, Map<String, List<String>> filters, LocalDate from, LocalDate to, Order order, int page, int size) {

    /** Largest page size. */
    public static final int MAX_SIZE = 100;
    /** Deepest hit a page may reach: deeper paging is a crawl, not a search. */
    public static final int MAX_WINDOW = 10_000;
    /** Page size of {@link #of(String)}. */
    public static final int DEFAULT_SIZE = 20;

    /** Order of the hits. */
    public enum Order {
        /** Best match first (BM25), newest first among equals. */
        RELEVANCE,
        /** Newest sentence first; also the order of a blank query, where nothing is more relevant. */
        DATE
    }

    public SearchRequest {
        query = query == null ? "" : query;
        order = order == null ? Order.RELEVANCE : order;
        LinkedHashMap<String, List<String>> copy = new LinkedHashMap<>();
        if (filters != null) {
            for (Map.Entry<String, List<String>> filter : filters.entrySet()) {
                if (!Fields.FACET_DIMS.contains(filter.getKey())) {
                    throw new InvalidQuery(query, "unknown filter '" + filter.getKey() + "'; filters are "
                            + String.join(", ", Fields.FACET_DIMS));
                }
                List<String> values = filter.getValue() == null ? List.of()
                        : filter.getValue().stream().filter(v -> v != null && !v.isBlank()).toList();
                if (!values.isEmpty()) {
                    copy.put(filter.getKey(), values);
                }
            }
        }
        filters = java.util.Collections.unmodifiableMap(copy);
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidQuery(query, "the date range starts (" + from + ") after it ends (" + to + ")");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidQuery(query, "page size must be between 1 and " + MAX_SIZE + ", was " + size);
        }
        if (page < 0) {
            throw new InvalidQuery(query, "page must be 0 or more, was " + page);
        }
        if ((long) page * size + size > MAX_WINDOW) {
            throw new InvalidQuery(query, "pages end at hit " + MAX_WINDOW + "; narrow the search instead");
        }
    }

    /** The first page of {@link #DEFAULT_SIZE} hits for {@code query}, best match first, no filters. */
    public static SearchRequest of(String query) {
        return new SearchRequest(query, Map.of(), null, null, Order.RELEVANCE, 0, DEFAULT_SIZE);
    }

    /** This request also requiring one of {@code values} in facet dimension {@code dim} (replacing earlier values of dim). */
    public SearchRequest withFilter(String dim, String... values) {
        LinkedHashMap<String, List<String>> next = new LinkedHashMap<>(filters);
        next.put(dim, Arrays.asList(values));
        return new SearchRequest(query, next, from, to, order, page, size);
    }

    /** This request limited to sentences said from {@code from} to {@code to}, both included; either may be null. */
    public SearchRequest withDates(LocalDate from, LocalDate to) {
        return new SearchRequest(query, filters, from, to, order, page, size);
    }

    /** This request in another order. */
    public SearchRequest sortedBy(Order order) {
        return new SearchRequest(query, filters, from, to, order, page, size);
    }

    /** This request asking for another page. */
    public SearchRequest withPage(int page, int size) {
        return new SearchRequest(query, filters, from, to, order, page, size);
    }
}
