package io.winloss.search.themes;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.commons.statistics.inference.FisherExactTest;
import org.apache.commons.statistics.interval.BinomialConfidenceInterval;
import org.apache.commons.statistics.interval.Interval;

/**
 * Ranks themes by how much more (or less) often they come up in a focus set of deals than in
 * a baseline, counting distinct deals, never sentences. For each theme: deal counts and rates,
 * Fisher's exact test (two-sided), Benjamini-Hochberg q-value across every theme tested, a
 * Wilson 95% interval for the focus rate, the lift, three representative quotes and a plain
 * {@link Verdict}. Themes are sorted by p-value, then by focus rate minus baseline rate
 * (largest first), then by kind and name.
 *
 * <pre>{@code
 * List<DealThemes> lost = List.of(
 *         DealThemes.builder("d1", "lost")
 *                 .quote(Theme.criterion("price"), new Quote("s1", "Too expensive for us.", 1.8))
 *                 .build(), ...);
 * List<DealThemes> won = ...;
 * ThemeReport report = ThemeAnalysis.rank(lost, won, ThemeAnalysis.Options.defaults());
 * if (report.verdict().tooSmall()) show(report.verdict().message());
 * for (ThemeStats theme : report.themes()) show(theme.theme(), theme.focusRate(), theme.qValue(), theme.quotes());
 * }</pre>
 *
 * <p>A deal listed twice in one set is merged into one deal; a deal in both sets is refused.
 * Quotes come from focus deals, or from baseline deals when no focus deal mentions the theme.
 */
public final class ThemeAnalysis {

    private static final int QUOTES_PER_THEME = 3;
    private static final double CONFIDENCE_ERROR_RATE = 0.05;

    private ThemeAnalysis() {
    }

    /**
     * Which themes to show.
     *
     * @param minDeals  a theme is tested and shown only when at least this many distinct deals
     *                  (focus and baseline together) mention it; default 2
     * @param maxThemes at most this many themes are shown, the best ranked; default 50
     * @param kinds     the kinds of theme to include; default all
     */
    public record Options(int minDeals, int maxThemes, Set<Theme.Kind> kinds) {

        public Options {
            if (minDeals < 1) {
                throw new IllegalArgumentException("minDeals must be at least 1, was " + minDeals);
            }
            if (maxThemes < 0) {
                throw new IllegalArgumentException("maxThemes must not be negative, was " + maxThemes);
            }
            kinds = kinds == null || kinds.isEmpty() ? EnumSet.allOf(Theme.Kind.class) : Set.copyOf(kinds);
        }

        public static Options defaults() {
            return new Options(2, 50, EnumSet.allOf(Theme.Kind.class));
        }

        public Options withMinDeals(int minDeals) {
            return new Options(minDeals, maxThemes, kinds);
        }

        public Options withMaxThemes(int maxThemes) {
            return new Options(minDeals, maxThemes, kinds);
        }

        public Options withKinds(Collection<Theme.Kind> kinds) {
            return new Options(minDeals, maxThemes, kinds == null ? null : Set.copyOf(kinds));
        }
    }

    /** {@link #rank(List, List, Options)} with {@link Options#defaults()}. */
    public static ThemeReport rank(List<DealThemes> focus, List<DealThemes> baseline) {
        return rank(focus, baseline, Options.defaults());
    }

    /** Ranks the themes of {@code focus} against {@code baseline}; see the class comment. */
    public static ThemeReport rank(List<DealThemes> focus, List<DealThemes> baseline, Options options) {
        Map<String, DealThemes> focusDeals = distinctDeals(focus);
        Map<String, DealThemes> baselineDeals = distinctDeals(baseline);
        for (String dealId : focusDeals.keySet()) {
            if (baselineDeals.containsKey(dealId)) {
                throw new IllegalArgumentException("deal " + dealId + " is in both the focus and the baseline");
            }
        }
        int focusSize = focusDeals.size();
        int baselineSize = baselineDeals.size();
        Map<Theme, int[]> counts = new HashMap<>();
        count(focusDeals.values(), counts, 0, options.kinds());
        count(baselineDeals.values(), counts, 1, options.kinds());

        List<Theme> tested = new ArrayList<>();
        counts.forEach((theme, c) -> {
            if (c[0] + c[1] >= options.minDeals()) {
                tested.add(theme);
            }
        });
        Map<Long, Double> pByTable = fisherPValues(tested.stream().map(counts::get).toList(), focusSize, baselineSize);
        List<double[]> rows = new ArrayList<>();
        for (Theme theme : tested) {
            int[] c = counts.get(theme);
            rows.add(new double[] {pByTable.get(table(c)),
                    SampleRules.rate(c[0], focusSize) - SampleRules.rate(c[1], baselineSize)});
        }
        double[] q = FalseDiscoveryRate.benjaminiHochberg(rows.stream().mapToDouble(r -> r[0]).toArray());

        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < tested.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.<Integer>comparingDouble(i -> rows.get(i)[0])
                .thenComparing(i -> -rows.get(i)[1])
                .thenComparing(i -> tested.get(i).kind())
                .thenComparing(i -> tested.get(i).name()));
        List<Integer> shown = order.subList(0, Math.min(options.maxThemes(), order.size()));

        Map<Theme, List<DealThemes>> quoted = quotedDeals(shown.stream().map(tested::get).toList(),
                focusDeals.values(), baselineDeals.values(), counts);
        List<ThemeStats> themes = new ArrayList<>();
        for (int i : shown) {
            Theme theme = tested.get(i);
            int[] c = counts.get(theme);
            double focusRate = SampleRules.rate(c[0], focusSize);
            double baselineRate = SampleRules.rate(c[1], baselineSize);
            themes.add(new ThemeStats(theme.kind().id(), theme.name(), c[0], c[1], focusRate, baselineRate,
                    rows.get(i)[0], q[i], wilson(c[0], focusSize),
                    baselineRate == 0 ? null : focusRate / baselineRate,
                    quotes(theme, quoted.getOrDefault(theme, List.of())),
                    SampleRules.theme(focusSize, baselineSize, c[0], c[1], q[i])));
        }
        return new ThemeReport(new Sample(focusSize + baselineSize, focusSize, baselineSize), themes,
                SampleRules.overall(focusSize, baselineSize));
    }

    /**
     * Fisher's exact test, two-sided, once per distinct table (themes with the same counts share
     * one), in parallel: on 100,000 deals it is most of the work.
     */
    private static Map<Long, Double> fisherPValues(List<int[]> counts, int focusSize, int baselineSize) {
        FisherExactTest fisher = FisherExactTest.withDefaults();
        return counts.stream().map(ThemeAnalysis::table).distinct().toList().parallelStream()
                .collect(Collectors.toMap(table -> table, table -> {
                    int focusWith = (int) (table >>> 32);
                    int baselineWith = (int) (long) table;
                    return fisher.test(new int[][] {{focusWith, focusSize - focusWith},
                            {baselineWith, baselineSize - baselineWith}}).getPValue();
                }));
    }

    private static long table(int[] counts) {
        return ((long) counts[0] << 32) | counts[1];
    }

    /** The Wilson score 95% interval of {@code successes} out of {@code trials}; [0, 1] when there are no trials. */
    static List<Double> wilson(int successes, int trials) {
        if (trials == 0) {
            return List.of(0.0, 1.0);
        }
        Interval interval = BinomialConfidenceInterval.WILSON_SCORE.fromErrorRate(trials, successes, CONFIDENCE_ERROR_RATE);
        return List.of(interval.getLowerBound(), interval.getUpperBound());
    }

    /** The deals by id, a deal listed more than once merged into one with all its themes and quotes. */
    static Map<String, DealThemes> distinctDeals(List<DealThemes> deals) {
        Map<String, DealThemes> byId = new LinkedHashMap<>();
        for (DealThemes deal : deals) {
            byId.merge(deal.dealId(), deal, ThemeAnalysis::merge);
        }
        return byId;
    }

    private static DealThemes merge(DealThemes first, DealThemes second) {
        Set<Theme> themes = new HashSet<>(first.themes());
        themes.addAll(second.themes());
        Map<Theme, List<Quote>> quotes = new HashMap<>();
        for (DealThemes deal : List.of(first, second)) {
            deal.quotes().forEach((theme, list) -> quotes.computeIfAbsent(theme, t -> new ArrayList<>()).addAll(list));
        }
        return new DealThemes(first.dealId(), first.outcome(),
                first.segment() != null ? first.segment() : second.segment(),
                first.closeDate() != null ? first.closeDate() : second.closeDate(), themes, quotes);
    }

    private static void count(Collection<DealThemes> deals, Map<Theme, int[]> counts, int side, Set<Theme.Kind> kinds) {
        for (DealThemes deal : deals) {
            for (Theme theme : deal.themes()) {
                if (kinds.contains(theme.kind())) {
                    counts.computeIfAbsent(theme, t -> new int[2])[side]++;
                }
            }
        }
    }

    /**
     * For each shown theme, the deals whose quotes may illustrate it, found in one pass: focus
     * deals, or baseline deals for a theme no focus deal mentions.
     */
    private static Map<Theme, List<DealThemes>> quotedDeals(List<Theme> shown, Collection<DealThemes> focus,
                                                            Collection<DealThemes> baseline, Map<Theme, int[]> counts) {
        Set<Theme> fromFocus = new HashSet<>();
        Set<Theme> fromBaseline = new HashSet<>();
        for (Theme theme : shown) {
            (counts.get(theme)[0] > 0 ? fromFocus : fromBaseline).add(theme);
        }
        Map<Theme, List<DealThemes>> quoted = new HashMap<>();
        collectQuoted(focus, fromFocus, quoted);
        collectQuoted(baseline, fromBaseline, quoted);
        return quoted;
    }

    private static void collectQuoted(Collection<DealThemes> deals, Set<Theme> wanted, Map<Theme, List<DealThemes>> quoted) {
        if (wanted.isEmpty()) {
            return;
        }
        for (DealThemes deal : deals) {
            for (Theme theme : deal.quotes().keySet()) {
                if (wanted.contains(theme)) {
                    quoted.computeIfAbsent(theme, t -> new ArrayList<>()).add(deal);
                }
            }
        }
    }

    /**
     * The most representative quotes: each deal's best quote first, best score first, then each
     * deal's second best, and so on, so three quotes come from three deals when they can.
     */
    private static List<DealQuote> quotes(Theme theme, Collection<DealThemes> deals) {
        List<List<DealQuote>> perDeal = new ArrayList<>();
        for (DealThemes deal : deals) {
            List<DealQuote> best = deal.quotesFor(theme).stream()
                    .sorted(Comparator.comparingDouble(Quote::score).reversed().thenComparing(Quote::id))
                    .map(quote -> DealQuote.of(deal, quote))
                    .toList();
            if (!best.isEmpty()) {
                perDeal.add(best);
            }
        }
        List<DealQuote> chosen = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int round = 0; chosen.size() < QUOTES_PER_THEME; round++) {
            int r = round;
            List<DealQuote> candidates = perDeal.stream().filter(list -> list.size() > r).map(list -> list.get(r))
                    .sorted(Comparator.comparingDouble(DealQuote::score).reversed().thenComparing(DealQuote::id))
                    .toList();
            if (candidates.isEmpty()) {
                break;
            }
            for (DealQuote candidate : candidates) {
                if (chosen.size() < QUOTES_PER_THEME && seen.add(candidate.id())) {
                    chosen.add(candidate);
                }
            }
        }
        return chosen;
    }
}
