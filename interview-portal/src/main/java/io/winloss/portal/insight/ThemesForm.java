package io.winloss.portal.insight;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.web.util.UriComponentsBuilder;

import io.winloss.portal.web.FieldError;
import io.winloss.portal.web.InvalidInput;
import io.winloss.search.Fields;
import io.winloss.search.ThemeRequest;

/**
 * A themes question as the API and the page take it from the query string: the focus outcomes ({@code outcome},
 * default {@code lost}) against the baseline outcomes ({@code versus}, default {@code won}), and filters that apply
 * to both sets alike (competitors and segments, OR within each; dates when the buyer said it, both inclusive).
 */
record ThemesForm(List<String> outcome, List<String> versus, List<String> competitor, List<String> segment,
        String from, String to) {

    /** The focus outcomes asked for, {@code lost} when none. */
    public List<String> focus() {
        return values(outcome, "lost");
    }

    /** The baseline outcomes asked for, {@code won} when none. */
    public List<String> baseline() {
        return values(versus, "won");
    }

    /** The competitors asked for; none means every sentence. */
    public List<String> competitors() {
        return values(competitor, null);
    }

    /** The question, validated: {@link InvalidInput} naming each bad field. */
    Question toQuestion() {
        List<String> focus = focus();
        List<String> baseline = baseline();
        List<FieldError> errors = new ArrayList<>();
        List<String> both = focus.stream().filter(baseline::contains).toList();
        if (!both.isEmpty()) {
            errors.add(new FieldError("versus", "an outcome cannot be in both sets: " + String.join(", ", both)));
        }
        LocalDate fromDate = date("from", from, errors);
        LocalDate toDate = date("to", to, errors);
        if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
            errors.add(new FieldError("to", "must not be before from"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        Map<String, List<String>> filters = new LinkedHashMap<>();
        filters.put(Fields.COMPETITOR, competitors());
        filters.put(Fields.SEGMENT, values(segment, null));
        return new Question(focus, baseline, filters, fromDate, toDate);
    }

    /** A validated themes question. {@code filters} maps facet dimensions to accepted values and applies to both sets. */
    record Question(List<String> focus, List<String> baseline, Map<String, List<String>> filters, LocalDate from,
            LocalDate to) {

        /**
         * The search page's query string for the sentences behind a number: those of deals with one of
         * {@code outcomes} that carry {@code kind}/{@code theme} (null for every sentence of the set), under this
         * question's filters. A competitor theme replaces the competitor filter: both live in one facet, where a
         * second value would widen the search (OR) instead of narrowing it.
         */
        public String searchQuery(List<String> outcomes, String kind, String theme) {
            UriComponentsBuilder uri = UriComponentsBuilder.newInstance();
            outcomes.forEach(o -> uri.queryParam(Fields.OUTCOME, o));
            filters.forEach((dim, values) -> {
                if (!(Fields.COMPETITOR.equals(dim) && "competitor".equals(kind))) {
                    values.forEach(v -> uri.queryParam(dim, v));
                }
            });
            if (theme != null) {
                switch (kind) {
                    case "criterion" -> uri.queryParam(Fields.CRITERION, theme);
                    case "competitor" -> uri.queryParam(Fields.COMPETITOR, theme);
                    default -> uri.queryParam("q", '"' + theme + '"');
                }
            }
            if (from != null) {
                uri.queryParam("from", from);
            }
            if (to != null) {
                uri.queryParam("to", to);
            }
            String query = uri.encode().build().getQuery();
            return query == null ? "" : query;
        }

        /** The question as the search library takes it. */
        ThemeRequest request() {
            return new ThemeRequest(focus, baseline, filters, from, to);
        }

        /** Focus and baseline outcomes together: what the competitor profiles are computed over. */
        public List<String> both() {
            List<String> both = new ArrayList<>(focus);
            both.addAll(baseline);
            return both;
        }

        public String focusQuery(String kind, String theme) {
            return searchQuery(focus, kind, theme);
        }

        public String baselineQuery(String kind, String theme) {
            return searchQuery(baseline, kind, theme);
        }
    }

    private static List<String> values(List<String> given, String fallback) {
        List<String> values = given == null ? List.of()
                : given.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).distinct().toList();
        return values.isEmpty() && fallback != null ? List.of(fallback) : values;
    }

    private static LocalDate date(String field, String text, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be a date like 2026-03-31"));
            return null;
        }
    }
}
