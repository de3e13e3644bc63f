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
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.commons.statistics.inference.FisherExactTest;
import org.apache.commons.statistics.interval.BinomialConfidenceInterval;
import org.apache.commons.statistics.interval.Interval;

/**
 * Ranks themes by how much more (or less) often they come up in a focus set of deals than in
 * a baseline, counting distinct deals, never sentences. For each theme: deal counts and rates,
 * Fisher's exact test (two-sided), Benjamini-Hochberg q-value across every theme tested (all criteria and competitors, the key phrases most deals mention), a
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
 *
 * <p>Callers that count deals themselves (the index's one-pass scan, {@code QuoteSearch.themes})
 * pass counts to {@link #rank(int, int, Collection, Options, Function)} and choose quotes with
 * {@link #representativeQuotes}: the statistics, verdicts, order and quote rule live here only.
 */
public final class ThemeAnalysis {

    /** Quotes shown per theme. */
    public static final int QUOTES_PER_THEME = 3;
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
     * @param maxKeyPhrases at most this many key phrases are tested: those mentioned by the most deals (focus and
     *                  baseline together), ties by name; default 100. Criteria and competitors are always tested.
     *                  Key phrases are open-ended (thousands in a large workspace); a rare one cannot be a recurring
     *                  theme, and every extra test weakens the Benjamini-Hochberg correction of all the others
     *                  (and costs an exact test: on 100,000 deals, most of the time of a themes computation).
     */
    public record Options(int minDeals, int maxThemes, Set<Theme.Kind> kinds, int maxKeyPhrases) {

        public Options {
            if (minDeals < 1) {
                throw new IllegalArgumentException("minDeals must be at least 1, was " + minDeals);
            }
            if (maxThemes < 0) {
                throw new IllegalArgumentException("maxThemes must not be negative, was " + maxThemes);
            }
            if (maxKeyPhrases < 0) {
                throw new IllegalArgumentException("maxKeyPhrases must not be negative, was " + maxKeyPhrases);
            }
            kinds = kinds == null || kinds.isEmpty() ? EnumSet.allOf(Theme.Kind.class) : Set.copyOf(kinds);
        }

        public static Options defaults() {
            return new Options(2, 50, EnumSet.allOf(Theme.Kind.class), 100);
        }

        public Options withMinDeals(int minDeals) {
            return new Options(minDeals, maxThemes, kinds, maxKeyPhrases);
        }

        public Options withMaxThemes(int maxThemes) {
            return new Options(minDeals, maxThemes, kinds, maxKeyPhrases);
        }

        public Options withKinds(Collection<Theme.Kind> kinds) {
            return new Options(minDeals, maxThemes, kinds == null ? null : Set.copyOf(kinds), maxKeyPhrases);
        }

        public Options withMaxKeyPhrases(int maxKeyPhrases) {
            return new Options(minDeals, maxThemes, kinds, maxKeyPhrases);
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
        Map<Theme, int[]> counts = new HashMap<>();
        count(focusDeals.values(), counts, 0, options.kinds());
        count(baselineDeals.values(), counts, 1, options.kinds());
        List<ThemeCount> themeCounts = new ArrayList<>(counts.size());
        counts.forEach((theme, c) -> themeCounts.add(new ThemeCount(theme, c[0], c[1])));
        return rank(focusDeals.size(), baselineDeals.size(), themeCounts, options, shown -> {
            Map<Theme, List<DealThemes>> quoted = quotedDeals(shown, focusDeals.values(), baselineDeals.values());
            Map<Theme, List<DealQuote>> quotes = new HashMap<>();
            for (ThemeCount count : shown) {
                Theme theme = count.theme();
                quotes.put(theme, representativeQuotes(quoted.getOrDefault(theme, List.of()).stream()
                        .map(deal -> deal.quotesFor(theme).stream().map(quote -> DealQuote.of(deal, quote)).toList())
                        .toList()));
            }
            return quotes;
        });
    }

    /**
     * Distinct deals that mention one theme, in the focus and in the baseline: what {@link #rank(int, int, Collection,
     * Options, Function)} needs of each theme, however it was counted.
     */
    public record ThemeCount(Theme theme, int focusDeals, int baselineDeals) {

        public ThemeCount {
            Objects.requireNonNull(theme, "theme");
            if (focusDeals < 0 || baselineDeals < 0) {
                throw new IllegalArgumentException("deal counts of " + theme + " must not be negative");
            }
        }
    }

    /**
     * Ranks themes from their distinct-deal counts: the statistics, verdicts and order of {@link #rank(List, List,
     * Options)}, which counts deals itself and calls this. {@code quotes} is asked once, with the shown themes in
     * display order, for their quotes; it should choose them with {@link #representativeQuotes}, from focus deals, or
     * from baseline deals for a theme no focus deal mentions.
     *
     * @param focusDeals    distinct deals in the focus
     * @param baselineDeals distinct deals in the baseline
     * @param counts        one count per theme; themes of kinds {@code options} leaves out are ignored
     */
    public static ThemeReport rank(int focusDeals, int baselineDeals, Collection<ThemeCount> counts, Options options,
            Function<List<ThemeCount>, Map<Theme, List<DealQuote>>> quotes) {
        int focusSize = focusDeals;
        int baselineSize = baselineDeals;
        List<ThemeCount> candidates = counts.stream()
                .filter(c -> options.kinds().contains(c.theme().kind()))
                .filter(c -> c.focusDeals() + c.baselineDeals() >= options.minDeals())
                .toList();
        List<ThemeCount> tested = new ArrayList<>(candidates.stream()
                .filter(c -> c.theme().kind() != Theme.Kind.KEY_PHRASE).toList());
        candidates.stream()
                .filter(c -> c.theme().kind() == Theme.Kind.KEY_PHRASE)
                .sorted(Comparator.comparingInt((ThemeCount c) -> -(c.focusDeals() + c.baselineDeals()))
                        .thenComparing(c -> c.theme().name()))
                .limit(options.maxKeyPhrases())
                .forEach(tested::add);
        Map<Long, Double> pByTable = fisherPValues(tested, focusSize, baselineSize);
        double[] p = new double[tested.size()];
        double[] difference = new double[tested.size()];
        for (int i = 0; i < tested.size(); i++) {
            ThemeCount c = tested.get(i);
            p[i] = pByTable.get(table(c));
            difference[i] = SampleRules.rate(c.focusDeals(), focusSize) - SampleRules.rate(c.baselineDeals(), baselineSize);
        }
        double[] q = FalseDiscoveryRate.benjaminiHochberg(p);

        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < tested.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.<Integer>comparingDouble(i -> p[i])
                .thenComparing(i -> -difference[i])
                .thenComparing(i -> tested.get(i).theme().kind())
                .thenComparing(i -> tested.get(i).theme().name()));
        List<Integer> shown = order.subList(0, Math.min(options.maxThemes(), order.size()));

        Map<Theme, List<DealQuote>> quoted = quotes.apply(shown.stream().map(tested::get).toList());
        List<ThemeStats> themes = new ArrayList<>();
        for (int i : shown) {
            ThemeCount c = tested.get(i);
            Theme theme = c.theme();
            double focusRate = SampleRules.rate(c.focusDeals(), focusSize);
            double baselineRate = SampleRules.rate(c.baselineDeals(), baselineSize);
            themes.add(new ThemeStats(theme.kind().id(), theme.name(), c.focusDeals(), c.baselineDeals(), focusRate,
                    baselineRate, p[i], q[i], wilson(c.focusDeals(), focusSize),
                    baselineRate == 0 ? null : focusRate / baselineRate,
                    quoted.getOrDefault(theme, List.of()),
                    SampleRules.theme(focusSize, baselineSize, c.focusDeals(), c.baselineDeals(), q[i])));
        }
        return new ThemeReport(new Sample(focusSize + baselineSize, focusSize, baselineSize), themes,
                SampleRules.overall(focusSize, baselineSize));
    }

    /**
     * Fisher's exact test, two-sided, by Commons Statistics, once per distinct table (themes with the same counts
     * share one), in parallel: on 100,000 deals it is most of the work.
     */
    private static Map<Long, Double> fisherPValues(List<ThemeCount> counts, int focusSize, int baselineSize) {
        FisherExactTest fisher = FisherExactTest.withDefaults();
        return counts.stream().map(ThemeAnalysis::table).distinct().toList().parallelStream()
                .collect(Collectors.toMap(table -> table, table -> {
                    int focusWith = (int) (table >>> 32);
                    int baselineWith = (int) (long) table;
                    return fisher.test(new int[][] {{focusWith, focusSize - focusWith},
                            {baselineWith, baselineSize - baselineWith}}).getPValue();
                }));
    }

    private static long table(ThemeCount count) {
        return ((long) count.focusDeals() << 32) | count.baselineDeals();
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
    private static Map<Theme, List<DealThemes>> quotedDeals(List<ThemeCount> shown, Collection<DealThemes> focus,
                                                            Collection<DealThemes> baseline) {
        Set<Theme> fromFocus = new HashSet<>();
        Set<Theme> fromBaseline = new HashSet<>();
        for (ThemeCount count : shown) {
            (count.focusDeals() > 0 ? fromFocus : fromBaseline).add(count.theme());
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
     * The most representative quotes of a theme, the one rule every entry point uses: each deal's best quote first
     * (highest score, then smallest id), best score first, then each deal's second best, and so on, so three quotes
     * come from three deals when they can. {@code perDeal} holds each deal's candidate quotes, in any order; the
     * deals' own top three quotes are all the rule can ever look at, so a caller may pass only those, and only for the
     * three deals whose best quotes rank first.
     */
    public static List<DealQuote> representativeQuotes(Collection<List<DealQuote>> perDeal) {
        Comparator<DealQuote> best = Comparator.comparingDouble(DealQuote::score).reversed().thenComparing(DealQuote::id);
        List<List<DealQuote>> sorted = new ArrayList<>();
        for (List<DealQuote> deal : perDeal) {
            if (!deal.isEmpty()) {
                sorted.add(deal.stream().sorted(best).toList());
            }
        }
        List<DealQuote> chosen = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int round = 0; chosen.size() < QUOTES_PER_THEME; round++) {
            int r = round;
            List<DealQuote> candidates = sorted.stream().filter(list -> list.size() > r).map(list -> list.get(r))
                    .sorted(best)
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
