package io.winloss.search.themes;

import java.util.List;

/**
 * One ranked theme with its honest statistics; field names are those of {@code /api/themes}.
 * Counts are distinct deals.
 *
 * @param kind     {@code criterion}, {@code competitor} or {@code keyPhrase}
 * @param theme    the theme's name
 * @param pValue   Fisher's exact test, two-sided, on focus/baseline by with/without
 * @param qValue   Benjamini-Hochberg across every theme tested
 * @param ci       Wilson 95% interval of the focus rate, {@code [lower, upper]}
 * @param lift     focus rate / baseline rate; null when the baseline rate is 0
 * @param quotes   up to three representative quotes, distinct deals first
 */
public record ThemeStats(String kind, String theme, int focusDeals, int baselineDeals,
                         double focusRate, double baselineRate, double pValue, double qValue,
                         List<Double> ci, Double lift, List<DealQuote> quotes, Verdict verdict) {

    public ThemeStats {
        ci = List.copyOf(ci);
        quotes = List.copyOf(quotes);
    }

    public Theme asTheme() {
        return new Theme(Theme.Kind.ofId(kind), theme);
    }

    /** Focus rate minus baseline rate. */
    public double rateDifference() {
        return focusRate - baselineRate;
    }
}
