package io.winloss.portal.insight;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.web.util.UriComponentsBuilder;

import io.winloss.portal.web.InvalidInput;
import io.winloss.search.Fields;
import io.winloss.search.SearchRequest;

/**
 * A quote search as the API, the page and the CSV export take it from the query string: free text, filters (a
 * repeated parameter is OR, different ones AND), a date range, the order and the page.
 */
record SearchForm(String q, List<String> outcome, List<String> competitor, List<String> criterion,
        List<String> sentiment, List<String> segment, List<String> source, List<String> quarter, String from,
        String to, Integer page, Integer size, String sort) {

    SearchRequest toRequest() {
        Map<String, List<String>> filters = filters();
        return new SearchRequest(q, filters, date("from", from), date("to", to), order(sort),
                page == null ? 0 : page, size == null ? SearchRequest.DEFAULT_SIZE : size);
    }

    /** The same search at another page and size, for paging through every hit. */
    SearchRequest toRequest(int otherPage, int otherSize) {
        return new SearchRequest(q, filters(), date("from", from), date("to", to), order(sort), otherPage, otherSize);
    }

    Map<String, List<String>> filters() {
        Map<String, List<String>> filters = new LinkedHashMap<>();
        filters.put(Fields.OUTCOME, outcome);
        filters.put(Fields.COMPETITOR, competitor);
        filters.put(Fields.CRITERION, criterion);
        filters.put(Fields.SENTIMENT, sentiment);
        filters.put(Fields.SEGMENT, segment);
        filters.put(Fields.SOURCE, source);
        filters.put(Fields.QUARTER, quarter);
        return filters;
    }

    /** Whether {@code value} is selected in facet {@code dim}, for the page's checkboxes. */
    public boolean selected(String dim, String value) {
        List<String> values = filters().get(dim);
        return values != null && values.contains(value);
    }

    /** This search's query string at another page (or for the CSV export with {@code page} null). */
    public String query(Integer otherPage) {
        UriComponentsBuilder uri = UriComponentsBuilder.newInstance();
        if (q != null && !q.isBlank()) {
            uri.queryParam("q", q);
        }
        filters().forEach((dim, values) -> {
            if (values != null) {
                values.forEach(v -> uri.queryParam(dim, v));
            }
        });
        if (from != null && !from.isBlank()) {
            uri.queryParam("from", from);
        }
        if (to != null && !to.isBlank()) {
            uri.queryParam("to", to);
        }
        if (sort != null && !sort.isBlank()) {
            uri.queryParam("sort", sort);
        }
        if (otherPage != null) {
            uri.queryParam("page", otherPage);
        }
        return uri.encode().build().getQuery() == null ? "" : uri.encode().build().getQuery();
    }

    private static LocalDate date(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInput(field, "must be a date like 2026-03-31");
        }
    }

    private static SearchRequest.Order order(String sort) {
        if (sort == null || sort.isBlank()) {
            return SearchRequest.Order.RELEVANCE;
        }
        return switch (sort.toLowerCase(Locale.ROOT)) {
            case "relevance" -> SearchRequest.Order.RELEVANCE;
            case "date" -> SearchRequest.Order.DATE;
            default -> throw new InvalidInput("sort", "sort is relevance or date, was " + sort);
        };
    }
}
