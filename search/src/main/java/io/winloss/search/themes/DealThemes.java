package io.winloss.search.themes;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One deal's evidence for the themes analysis: which themes its buyers mentioned (a set, so a
 * theme mentioned ten times is still one deal) and the candidate quotes for each theme.
 * Every theme with quotes counts as mentioned.
 *
 * @param outcome   the deal's outcome as in the API ({@code won}, {@code lost}, ...)
 * @param segment   may be null
 * @param closeDate may be null; undated deals are left out of trends only
 */
public record DealThemes(String dealId, String outcome, String segment, LocalDate closeDate,
                         Set<Theme> themes, Map<Theme, List<Quote>> quotes) {

    public DealThemes {
        if (dealId == null || dealId.isBlank()) {
            throw new IllegalArgumentException("a deal needs an id");
        }
        Map<Theme, List<Quote>> quoteCopy = new LinkedHashMap<>();
        if (quotes != null) {
            quotes.forEach((theme, list) -> quoteCopy.put(Objects.requireNonNull(theme, "theme"), List.copyOf(list)));
        }
        Set<Theme> all = new LinkedHashSet<>(themes == null ? Set.of() : themes);
        all.addAll(quoteCopy.keySet());
        themes = Set.copyOf(all);
        quotes = Map.copyOf(quoteCopy);
    }

    public DealThemes(String dealId, String outcome, String segment, LocalDate closeDate, Set<Theme> themes) {
        this(dealId, outcome, segment, closeDate, themes, Map.of());
    }

    public boolean mentions(Theme theme) {
        return themes.contains(theme);
    }

    public List<Quote> quotesFor(Theme theme) {
        return quotes.getOrDefault(theme, List.of());
    }

    /** Starts a deal to which tagged sentences are added one by one. */
    public static Builder builder(String dealId, String outcome) {
        return new Builder(dealId, outcome);
    }

    /** Collects one deal's themes and quotes sentence by sentence; repeats are harmless. */
    public static final class Builder {
        private final String dealId;
        private final String outcome;
        private String segment;
        private LocalDate closeDate;
        private final Set<Theme> themes = new LinkedHashSet<>();
        private final Map<Theme, List<Quote>> quotes = new LinkedHashMap<>();

        private Builder(String dealId, String outcome) {
            this.dealId = dealId;
            this.outcome = outcome;
        }

        public Builder segment(String segment) {
            this.segment = segment;
            return this;
        }

        public Builder closeDate(LocalDate closeDate) {
            this.closeDate = closeDate;
            return this;
        }

        public Builder mention(Theme theme) {
            themes.add(theme);
            return this;
        }

        public Builder quote(Theme theme, Quote quote) {
            themes.add(theme);
            quotes.computeIfAbsent(theme, t -> new ArrayList<>()).add(quote);
            return this;
        }

        public DealThemes build() {
            return new DealThemes(dealId, outcome, segment, closeDate, themes, quotes);
        }
    }
}
