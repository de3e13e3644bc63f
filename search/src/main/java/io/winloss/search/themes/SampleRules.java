package io.winloss.search.themes;

import java.util.Locale;

/**
 * The plain rules behind every {@link Verdict}, kept in one place so they can be quoted.
 * <ul>
 * <li>Too small overall: fewer than {@value #MIN_DEALS_PER_SIDE} distinct deals in the focus or
 *     in the baseline. Nothing is concluded then, whatever the p-values say.</li>
 * <li>A theme is significant when its q-value is below {@value #SIGNIFICANCE}.</li>
 * <li>Otherwise it is too small when any expected count of its 2x2 table (row total times
 *     column total over all deals) is below {@value #MIN_EXPECTED}: too few deals mention it.</li>
 * <li>Deals needed to detect a difference d between rates p1 and p2, per side, by Lehr's rule:
 *     {@code n = 2.8^2 (p1(1-p1) + p2(1-p2)) / d^2} (2.8 = 1.96 + 0.84: 5% two-sided,
 *     80% power), at least {@value #MIN_DEALS_PER_SIDE}; "more needed" is what each side lacks
 *     of n, added up. The smallest detectable difference with nf and nb deals is
 *     {@code 2.8 sqrt(p(1-p)(1/nf + 1/nb))}, with p the theme's pooled rate, or 0.5 for the
 *     sample as a whole (the worst case).</li>
 * <li>For the whole sample, "more needed" is what it takes to tell apart rates
 *     {@value #TARGET_DIFFERENCE} apart around 50% (95 deals per side).</li>
 * </ul>
 */
final class SampleRules {

    static final int MIN_DEALS_PER_SIDE = 10;
    static final double MIN_EXPECTED = 5;
    static final double SIGNIFICANCE = 0.05;
    static final double TARGET_DIFFERENCE = 0.20;
    private static final double Z_ALPHA_PLUS_Z_POWER = 2.8;

    private SampleRules() {
    }

    static boolean tooSmall(int focus, int baseline) {
        return focus < MIN_DEALS_PER_SIDE || baseline < MIN_DEALS_PER_SIDE;
    }

    static Verdict overall(int focus, int baseline) {
        double detectable = detectableDifference(0.5, focus, baseline);
        if (tooSmall(focus, baseline)) {
            int more = shortfall(MIN_DEALS_PER_SIDE, focus, baseline);
            return new Verdict(Verdict.Conclusion.TOO_SMALL,
                    "Too few deals to conclude anything: %d focus and %d baseline deals; at least %d on each side are needed (%d more)."
                            .formatted(focus, baseline, MIN_DEALS_PER_SIDE, more),
                    detectable, more);
        }
        int perSide = dealsPerSide(0.5 + TARGET_DIFFERENCE / 2, 0.5 - TARGET_DIFFERENCE / 2);
        int more = shortfall(perSide, focus, baseline);
        String reach = more == 0
                ? "rates %s apart can be told from chance.".formatted(points(TARGET_DIFFERENCE))
                : "telling rates %s apart needs about %d more deals.".formatted(points(TARGET_DIFFERENCE), more);
        return new Verdict(Verdict.Conclusion.ENOUGH_DEALS,
                "%d focus and %d baseline deals: differences smaller than about %s cannot be told from chance; %s"
                        .formatted(focus, baseline, points(detectable), reach),
                detectable, more);
    }

    static Verdict theme(int focus, int baseline, int focusWith, int baselineWith, double qValue) {
        double focusRate = rate(focusWith, focus);
        double baselineRate = rate(baselineWith, baseline);
        double pooled = rate(focusWith + baselineWith, focus + baseline);
        double detectable = detectableDifference(pooled, focus, baseline);
        Integer more = focusRate == baselineRate ? null : shortfall(dealsPerSide(focusRate, baselineRate), focus, baseline);
        String rates = "%s of focus deals against %s of baseline deals".formatted(percent(focusRate), percent(baselineRate));
        String needed = more == null
                ? "the rates are equal, so more deals would not show a difference."
                : "about %d more deals would be needed to tell a difference this size from chance.".formatted(more);
        if (tooSmall(focus, baseline)) {
            int atLeast = shortfall(MIN_DEALS_PER_SIDE, focus, baseline);
            return new Verdict(Verdict.Conclusion.TOO_SMALL,
                    "Too few deals to conclude anything (%d focus, %d baseline): %s; %s".formatted(focus, baseline, rates, needed),
                    detectable, more == null ? null : Math.max(more, atLeast));
        }
        if (qValue < SIGNIFICANCE) {
            return new Verdict(Verdict.Conclusion.SIGNIFICANT,
                    "%s; unlikely to be chance (q = %s).".formatted(capitalize(rates), number(qValue)), detectable, 0);
        }
        if (smallestExpected(focus, baseline, focusWith + baselineWith) < MIN_EXPECTED) {
            return new Verdict(Verdict.Conclusion.TOO_SMALL,
                    "Too few deals mention this theme to tell (%d of %d); %s"
                            .formatted(focusWith + baselineWith, focus + baseline, needed),
                    detectable, more);
        }
        return new Verdict(Verdict.Conclusion.NO_CLEAR_DIFFERENCE,
                "No clear difference: %s (q = %s); %s".formatted(rates, number(qValue), needed), detectable, more);
    }

    static double smallestExpected(int focus, int baseline, int with) {
        int all = focus + baseline;
        if (all == 0) {
            return 0;
        }
        int without = all - with;
        return Math.min(Math.min(focus, baseline) * (double) with, Math.min(focus, baseline) * (double) without) / all;
    }

    static double detectableDifference(double rate, int focus, int baseline) {
        if (focus == 0 || baseline == 0) {
            return 1.0;
        }
        double spread = Math.max(rate * (1 - rate), 0.0);
        return Math.min(1.0, Z_ALPHA_PLUS_Z_POWER * Math.sqrt(spread * (1.0 / focus + 1.0 / baseline)));
    }

    static int dealsPerSide(double focusRate, double baselineRate) {
        double difference = focusRate - baselineRate;
        double spread = focusRate * (1 - focusRate) + baselineRate * (1 - baselineRate);
        double n = Z_ALPHA_PLUS_Z_POWER * Z_ALPHA_PLUS_Z_POWER * spread / (difference * difference);
        return Math.max(MIN_DEALS_PER_SIDE, (int) Math.ceil(n - 1e-9));
    }

    static double rate(int count, int total) {
        return total == 0 ? 0.0 : (double) count / total;
    }

    private static int shortfall(int perSide, int focus, int baseline) {
        return Math.max(0, perSide - focus) + Math.max(0, perSide - baseline);
    }

    private static String percent(double rate) {
        return Math.round(rate * 100) + "%";
    }

    private static String points(double difference) {
        return Math.round(difference * 100) + " points";
    }

    private static String number(double value) {
        return value < 0.001 ? "<0.001" : String.format(Locale.ROOT, "%.3f", value);
    }

    private static String capitalize(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
