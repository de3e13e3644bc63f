package io.winloss.search;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Which deals to compare in a themes analysis: the focus outcomes against the baseline outcomes, with the same filters
 * and date range applied to both sets, so the question stays "what do these buyers say more often than those".
 * Rejects what cannot be served with {@link InvalidQuery}.
 *
 * <pre>{@code
 * ThemeRequest lostToAcme = new ThemeRequest(List.of("lost"), List.of("won"),
 *         Map.of(Fields.COMPETITOR, List.of("Acme")), LocalDate.of(2026, 1, 1), null);
 * }</pre>
 *
 * @param focusOutcomes    the outcomes of the deals whose themes stand out, at least one
 * @param baselineOutcomes the outcomes they are compared with, at least one, none also a focus outcome
 * @param filters          facet dimension (one of {@link Fields#FACET_DIMS} but {@link Fields#OUTCOME}) to the values
 *                         accepted, as in {@link SearchRequest}: OR within a dimension, AND across; a sentence must
 *                         match them to count for its deal
 * @param from             first day a sentence was said ({@link Fields#DATE}) to count, included, or {@code null}
 * @param to               last day, included, or {@code null}
 */
public record ThemeRequest(List<String> focusOutcomes, List<String> baselineOutcomes,
                           Map<String, List<String>> filters, LocalDate from, LocalDate to) {

    public ThemeRequest {
        focusOutcomes = outcomes("focus", focusOutcomes);
        baselineOutcomes = outcomes("baseline", baselineOutcomes);
        List<String> both = focusOutcomes.stream().filter(baselineOutcomes::contains).toList();
        if (!both.isEmpty()) {
            throw new InvalidQuery("", "an outcome cannot be in both the focus and the baseline: " + String.join(", ", both));
        }
        LinkedHashMap<String, List<String>> copy = new LinkedHashMap<>();
        if (filters != null) {
            for (Map.Entry<String, List<String>> filter : filters.entrySet()) {
                String dim = filter.getKey();
                if (Fields.OUTCOME.equals(dim)) {
                    throw new InvalidQuery("", "outcomes are chosen as focus and baseline, not as a filter");
                }
                if (!Fields.FACET_DIMS.contains(dim)) {
                    throw new InvalidQuery("", "unknown filter '" + dim + "'; filters are "
                            + String.join(", ", Fields.FACET_DIMS.stream().filter(d -> !d.equals(Fields.OUTCOME)).toList()));
                }
                List<String> values = filter.getValue() == null ? List.of()
                        : filter.getValue().stream().filter(v -> v != null && !v.isBlank()).toList();
                if (!values.isEmpty()) {
                    copy.put(dim, values);
                }
            }
        }
        filters = Collections.unmodifiableMap(copy);
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidQuery("", "the date range starts (" + from + ") after it ends (" + to + ")");
        }
    }

    /** Focus and baseline outcomes together: the deals a scan reads. */
    List<String> allOutcomes() {
        return Stream.concat(focusOutcomes.stream(), baselineOutcomes.stream()).toList();
    }

    private static List<String> outcomes(String side, List<String> outcomes) {
        List<String> values = outcomes == null ? List.of()
                : outcomes.stream().filter(v -> v != null && !v.isBlank()).distinct().toList();
        if (values.isEmpty()) {
            throw new InvalidQuery("", "the " + side + " needs at least one outcome");
        }
        return values;
    }
}
