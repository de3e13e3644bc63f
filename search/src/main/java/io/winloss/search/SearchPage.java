package io.winloss.search;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One page of a search: how many sentences matched in all, the hits of this page, and facet counts per dimension.
 * A filtered dimension's counts ignore its own filter (drill sideways), so its other values stay visible.
 * Immutable.
 *
 * @param total  sentences matching the query and filters in the workspace
 * @param facets dimension to value to number of matching sentences, values by count, most first
 */
public record SearchPage(long total, List<Hit> hits, Map<String, Map<String, Integer>> facets) {

    public SearchPage {
        hits = List.copyOf(hits);
        LinkedHashMap<String, Map<String, Integer>> copy = new LinkedHashMap<>();
        facets.forEach((dim, counts) -> copy.put(dim, Collections.unmodifiableMap(new LinkedHashMap<>(counts))));
        facets = Collections.unmodifiableMap(copy);
    }

    /** Counts of one dimension, empty when nothing matched or the dimension is unknown. */
    public Map<String, Integer> facet(String dim) {
        return facets.getOrDefault(dim, Map.of());
    }
}
