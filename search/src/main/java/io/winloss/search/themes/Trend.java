package io.winloss.search.themes;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A theme's rate per quarter of close date, to see whether it is getting better: in each
 * quarter, how many distinct deals closed and how many of them mention the theme. Quarters
 * run from the first to the last one with a deal; a quarter in between with no deal is kept
 * with zero deals, so a chart does not hide the gap. Deals without a close date are counted
 * in {@link #undatedDeals()} only.
 *
 * @param kind  {@code criterion}, {@code competitor} or {@code keyPhrase}
 * @param theme the theme's name
 */
public record Trend(String kind, String theme, List<QuarterRate> quarters, int undatedDeals) {

    /**
     * One quarter of a trend.
     *
     * @param quarter    for example {@code 2026-Q1}
     * @param deals      distinct deals that closed in the quarter
     * @param themeDeals those of them that mention the theme
     * @param rate       themeDeals / deals; 0 when no deal closed
     * @param ci         Wilson 95% interval of the rate, {@code [lower, upper]}
     */
    public record QuarterRate(String quarter, int deals, int themeDeals, double rate, List<Double> ci) {

        public QuarterRate {
            ci = List.copyOf(ci);
        }
    }

    public Trend {
        quarters = List.copyOf(quarters);
    }

    /** The quarter of a date, for example {@code 2026-Q1} for 2026-03-31. */
    public static String quarterOf(LocalDate date) {
        return date.getYear() + "-Q" + ((date.getMonthValue() - 1) / 3 + 1);
    }

    /** The trend of one theme over {@code deals} (typically the focus set). */
    public static Trend of(Theme theme, List<DealThemes> deals) {
        return of(List.of(theme), deals).get(0);
    }

    /** The trends of several themes over the same deals, in the order of {@code themes}. */
    public static List<Trend> of(Collection<Theme> themes, List<DealThemes> deals) {
        Map<String, DealThemes> distinct = ThemeAnalysis.distinctDeals(deals);
        Map<LocalDate, Integer> closed = new HashMap<>();
        int undated = 0;
        for (DealThemes deal : distinct.values()) {
            if (deal.closeDate() == null) {
                undated++;
            } else {
                closed.merge(quarterStart(deal.closeDate()), 1, Integer::sum);
            }
        }
        List<Trend> trends = new ArrayList<>();
        for (Theme theme : themes) {
            Map<LocalDate, Integer> mentioning = new HashMap<>();
            for (DealThemes deal : distinct.values()) {
                if (deal.closeDate() != null && deal.mentions(theme)) {
                    mentioning.merge(quarterStart(deal.closeDate()), 1, Integer::sum);
                }
            }
            trends.add(of(theme, closed, mentioning, undated));
        }
        return trends;
    }

    /**
     * The trend of one theme from distinct-deal counts, however they were counted: {@code closed} maps any day of a
     * quarter to the deals that closed in it, {@code mentioning} to those of them that mention the theme (a quarter
     * missing there has none), {@code undated} the deals without a close date. Fills the quarters in between as
     * {@link #of(Collection, List)} does, which calls this.
     */
    public static Trend of(Theme theme, Map<LocalDate, Integer> closed, Map<LocalDate, Integer> mentioning, int undated) {
        TreeMap<LocalDate, Integer> byQuarterStart = new TreeMap<>();
        closed.forEach((day, count) -> byQuarterStart.merge(quarterStart(day), count, Integer::sum));
        Map<LocalDate, Integer> withTheme = new HashMap<>();
        mentioning.forEach((day, count) -> withTheme.merge(quarterStart(day), count, Integer::sum));
        List<QuarterRate> quarters = new ArrayList<>();
        if (!byQuarterStart.isEmpty()) {
            for (LocalDate q = byQuarterStart.firstKey(); !q.isAfter(byQuarterStart.lastKey()); q = q.plusMonths(3)) {
                int deals = byQuarterStart.getOrDefault(q, 0);
                int with = withTheme.getOrDefault(q, 0);
                quarters.add(new QuarterRate(quarterOf(q), deals, with, SampleRules.rate(with, deals),
                        ThemeAnalysis.wilson(with, deals)));
            }
        }
        return new Trend(theme.kind().id(), theme.name(), quarters, undated);
    }

    /** The first day of the quarter of {@code date}. */
    public static LocalDate quarterStart(LocalDate date) {
        return LocalDate.of(date.getYear(), (date.getMonthValue() - 1) / 3 * 3 + 1, 1);
    }
}
