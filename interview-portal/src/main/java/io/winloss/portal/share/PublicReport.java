package io.winloss.portal.share;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.winloss.portal.invitation.ResponseRates.ResponseRate;
import io.winloss.search.themes.CompetitorAspects.Advantage;
import io.winloss.search.themes.CompetitorAspects.CompetitorProfile;
import io.winloss.search.themes.CompetitorAspects.CriterionCount;
import io.winloss.search.themes.DealQuote;
import io.winloss.search.themes.ThemeReport;
import io.winloss.search.themes.ThemeStats;
import io.winloss.search.themes.Trend;

/**
 * What the public page of a shared report shows, already cut so that no buyer can be singled out: every breakdown
 * (the sample's sides, a theme, a quarter of a trend, a competitor or one of its criteria, a response rate) covering
 * fewer than {@code minDeals} deals carries no number, only "fewer than N deals"; quotes appear only under themes
 * that {@code minDeals} focus deals mention, with the buyers' names taken out ({@link BuyerNames}); and nothing here
 * holds a deal id, a sentence id, a speaker or a link. Built from the live statistics; it computes none itself.
 *
 * @param breakdowns false when either side of the sample has fewer than {@code minDeals} deals: then no theme, trend
 *                   or competitor is shown at all
 */
record PublicReport(String title, String workspace, String computedAt, ReportFilters filters, int minDeals,
        Side focus, Side baseline, String verdict, boolean breakdowns, List<ThemeLine> themes, int hiddenKeyPhrases,
        List<String> quarters, List<TrendLine> trends, List<RateLine> rates, List<ProfileLine> competitors) {

    /** Trend lines drawn for the top themes shown, as on the themes page. */
    static final int TRENDS = 5;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /** One side of the comparison: its outcomes and its deals, null when fewer than the minimum. */
    record Side(String outcomes, Integer deals) {
    }

    /** A quote with nothing that names its buyer, its company or its deal. */
    record QuoteLine(String text, String outcome) {
    }

    /**
     * A theme: with its statistics when {@code shown}, else only its name (criteria and competitors; key phrases
     * below the minimum are only counted, as a phrase may be a name).
     */
    record ThemeLine(String kind, String theme, boolean shown, int focusDeals, int baselineDeals, double focusRate,
            double baselineRate, String focusPercent, String focusInterval, String baselinePercent, String lift,
            String p, String q, String verdict, List<QuoteLine> quotes) {
    }

    /** One quarter of a trend; {@code rate} is null when fewer than the minimum deals closed in it. */
    record Cell(String quarter, boolean shown, Double rate, String percent, int themeDeals, int deals) {
    }

    record TrendLine(String theme, List<Cell> cells) {
    }

    /** How many invited buyers of one outcome answered; numbers only when {@code shown}. */
    record RateLine(String outcome, boolean shown, int invitedDeals, int answeredDeals, String percent, String interval) {
    }

    /**
     * A competitor as buyers see it: when {@code shown}, the criteria it was praised and criticised for and those on
     * which it beat us, each listed only when enough deals are behind it ({@code *Withheld}: some were left out).
     */
    record ProfileLine(String competitor, boolean shown, int deals, List<String> praised, boolean praisedWithheld,
            List<String> criticised, boolean criticisedWithheld, List<String> betterThanUs, boolean betterWithheld) {
    }

    /** The report as readers may see it at {@code now}. */
    static PublicReport of(SharedReport report, String workspace, ThemeReport themes, List<ResponseRate> rates,
            List<Trend> trends, List<CompetitorProfile> profiles, BuyerNames names, int minDeals, Instant now) {
        ReportFilters filters = report.filters();
        boolean breakdowns = sampleShown(themes, minDeals);
        Side focus = side(filters.focus(), themes.sample().focus(), minDeals);
        Side baseline = side(filters.baseline(), themes.sample().baseline(), minDeals);
        String verdict = breakdowns ? themes.verdict().message()
                : "Fewer than %d deals on a side: this report shows no breakdown, so that no buyer can be singled out."
                        .formatted(minDeals);
        List<ThemeLine> lines = new ArrayList<>();
        int hiddenKeyPhrases = 0;
        if (breakdowns) {
            for (ThemeStats stats : themes.themes()) {
                if (shown(stats, minDeals)) {
                    lines.add(shownLine(stats, names, minDeals));
                } else if ("keyPhrase".equals(stats.kind())) {
                    hiddenKeyPhrases++;
                } else {
                    lines.add(new ThemeLine(stats.kind(), stats.theme(), false, 0, 0, 0, 0, null, null, null, null,
                            null, null, null, List.of()));
                }
            }
        }
        List<TrendLine> trendLines = new ArrayList<>();
        List<String> quarters = List.of();
        if (breakdowns && !trends.isEmpty() && !trends.get(0).quarters().isEmpty()) {
            quarters = trends.get(0).quarters().stream().map(Trend.QuarterRate::quarter).toList();
            for (Trend trend : trends) {
                List<Cell> cells = trend.quarters().stream().map(q -> q.deals() >= minDeals
                        ? new Cell(q.quarter(), true, q.rate(), percent(q.rate()), q.themeDeals(), q.deals())
                        : new Cell(q.quarter(), false, null, null, 0, 0)).toList();
                trendLines.add(new TrendLine(themeName(trend.kind(), trend.theme(), names), cells));
            }
        }
        List<RateLine> rateLines = rates.stream().map(r -> r.invitedDeals() >= minDeals
                ? new RateLine(r.outcome(), true, r.invitedDeals(), r.answeredDeals(), percent(r.rate()), interval(r.ci()))
                : new RateLine(r.outcome(), false, 0, 0, null, null)).toList();
        List<ProfileLine> competitors = breakdowns
                ? profiles.stream().map(p -> profile(p, minDeals)).toList() : List.of();
        return new PublicReport(report.title(), workspace, WHEN.format(now), filters, minDeals, focus, baseline,
                verdict, breakdowns, lines, hiddenKeyPhrases, quarters, trendLines, rateLines, competitors);
    }

    /** Whether both sides of the sample are large enough for any breakdown to be shown. */
    static boolean sampleShown(ThemeReport themes, int minDeals) {
        return themes.sample().focus() >= minDeals && themes.sample().baseline() >= minDeals;
    }

    /** A theme is shown when at least {@code minDeals} deals, focus and baseline together, mention it. */
    static boolean shown(ThemeStats stats, int minDeals) {
        return stats.focusDeals() + stats.baselineDeals() >= minDeals;
    }

    /** Quotes are shown under a theme only when at least {@code minDeals} focus deals mention it (they come from those). */
    static boolean quoted(ThemeStats stats, int minDeals) {
        return shown(stats, minDeals) && stats.focusDeals() >= minDeals;
    }

    /** The themes whose numbers the report shows, in rank order: what its trends and anonymisation are computed for. */
    static List<ThemeStats> shownThemes(ThemeReport themes, int minDeals) {
        return sampleShown(themes, minDeals)
                ? themes.themes().stream().filter(t -> shown(t, minDeals)).toList() : List.of();
    }

    /** The quotes the report shows, whose buyers' names must be taken out. */
    static List<DealQuote> shownQuotes(ThemeReport themes, int minDeals) {
        return shownThemes(themes, minDeals).stream().filter(t -> quoted(t, minDeals))
                .flatMap(t -> t.quotes().stream()).toList();
    }

    private static ThemeLine shownLine(ThemeStats t, BuyerNames names, int minDeals) {
        List<QuoteLine> quotes = quoted(t, minDeals)
                ? t.quotes().stream().map(q -> new QuoteLine(names.anonymise(q.text()), q.outcome())).toList()
                : List.of();
        String lift = t.lift() == null ? (t.focusDeals() > 0 ? "only in the focus set" : "")
                : String.format(Locale.ROOT, "%.1f×", t.lift());
        return new ThemeLine(t.kind(), themeName(t.kind(), t.theme(), names), true, t.focusDeals(), t.baselineDeals(),
                t.focusRate(), t.baselineRate(), percent(t.focusRate()), interval(t.ci()), percent(t.baselineRate()),
                lift, probability(t.pValue()), probability(t.qValue()), t.verdict().message(), quotes);
    }

    /** Key phrases are words buyers said, which may be a name; criteria and competitors are the vendor's vocabulary. */
    private static String themeName(String kind, String theme, BuyerNames names) {
        return "keyPhrase".equals(kind) ? names.anonymise(theme) : theme;
    }

    private static ProfileLine profile(CompetitorProfile p, int minDeals) {
        if (p.deals() < minDeals) {
            return new ProfileLine(p.competitor(), false, 0, List.of(), false, List.of(), false, List.of(), false);
        }
        List<String> praised = counts(p.praised(), minDeals);
        List<String> criticised = counts(p.criticised(), minDeals);
        List<String> better = new ArrayList<>();
        for (Advantage a : p.beatUs()) {
            if (a.competitor().deals() >= minDeals && a.us().deals() >= minDeals) {
                better.add(String.format(Locale.ROOT, "%s: %.2f against our %.2f", a.criterion(), a.competitor().net(),
                        a.us().net()));
            }
        }
        return new ProfileLine(p.competitor(), true, p.deals(), praised, praised.size() < p.praised().size(),
                criticised, criticised.size() < p.criticised().size(), better, better.size() < p.beatUs().size());
    }

    private static List<String> counts(List<CriterionCount> counts, int minDeals) {
        return counts.stream().filter(c -> c.deals() >= minDeals).map(c -> c.criterion() + " (" + c.deals() + ")").toList();
    }

    private static Side side(List<String> outcomes, int deals, int minDeals) {
        return new Side(String.join(" or ", outcomes), deals >= minDeals ? deals : null);
    }

    private static String percent(double rate) {
        return Math.round(rate * 100) + "%";
    }

    private static String interval(List<Double> ci) {
        return "(" + percent(ci.get(0)) + " to " + percent(ci.get(1)) + ")";
    }

    /** Three decimals, or "< 0.001", as on the themes page. */
    private static String probability(double value) {
        return value < 0.001 ? "< 0.001" : String.format(Locale.ROOT, "%.3f", value);
    }
}
