package io.winloss.portal.gap;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.commons.statistics.interval.BinomialConfidenceInterval;
import org.apache.commons.statistics.interval.Interval;

/**
 * How often the rep's reason for a deal matches the buyer's (API.md, {@code GET /api/insights/perception-gap}),
 * counted in distinct deals that have both. Per reason:
 * <ul>
 * <li>{@code agreementRate}: of the deals whose buyer named the reason, the share whose rep named it too (do reps
 *     know when buyers decide on price?), with its Wilson 95% interval;</li>
 * <li>{@code confirmedRate}: of the deals the rep put down to the reason, the share whose buyer agreed (is "price"
 *     in the CRM really price?), with its interval.</li>
 * </ul>
 * A rep reason that could not be read counts as {@code other} and in {@code unmapped}; {@code other} against
 * {@code other} counts as agreement (both say it was none of the criteria). Fewer than {@link #MINIMUM_DEALS} deals
 * behind a rate are too few to conclude anything, and {@code enough} says so.
 *
 * @param deals     deals with both a rep reason and a buyer answer
 * @param agreed    of those, deals where both name the same reason
 * @param agreement {@code agreed / deals}, null without deals
 * @param needed    how many more deals are needed before the overall rate means anything (0 when enough)
 */
record PerceptionGap(int deals, int agreed, Double agreement, List<Double> ci, boolean enough, int needed, String verdict,
        int unmapped, int minimumDeals, List<ReasonGap> reasons, List<Cell> matrix) {

    /** The rule of thumb the themes page uses too: fewer deals than this, and a rate is mostly noise. */
    static final int MINIMUM_DEALS = 10;

    /**
     * One reason: how many reps and buyers named it, on how many deals both did, and the two rates.
     *
     * @param enough whether at least {@link #MINIMUM_DEALS} buyers named it, so its agreement rate means something
     */
    record ReasonGap(String reason, String label, int repSaid, int buyerSaid, int agreed, Double agreementRate,
            List<Double> ci, Double confirmedRate, List<Double> confirmedCi, boolean enough) {
    }

    /** One cell of the rep-by-buyer table: deals where the rep said {@code rep} and the buyer said {@code buyer}. */
    record Cell(String rep, String buyer, int deals) {
    }

    static PerceptionGap of(List<PairedDeal> pairs) {
        int n = Reasons.ALL.size();
        int[] repSaid = new int[n];
        int[] buyerSaid = new int[n];
        int[][] cells = new int[n][n];
        int agreed = 0;
        int unmapped = 0;
        for (PairedDeal pair : pairs) {
            int rep = Reasons.order(pair.repReason());
            int buyer = Reasons.order(pair.buyerReason());
            repSaid[rep]++;
            buyerSaid[buyer]++;
            cells[rep][buyer]++;
            if (rep == buyer) {
                agreed++;
            }
            if (!pair.repUnderstood()) {
                unmapped++;
            }
        }
        List<ReasonGap> reasons = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (repSaid[i] == 0 && buyerSaid[i] == 0) {
                continue;
            }
            String reason = Reasons.ALL.get(i);
            int both = cells[i][i];
            reasons.add(new ReasonGap(reason, Reasons.label(reason), repSaid[i], buyerSaid[i], both,
                    rate(both, buyerSaid[i]), wilson(both, buyerSaid[i]), rate(both, repSaid[i]), wilson(both, repSaid[i]),
                    buyerSaid[i] >= MINIMUM_DEALS));
        }
        // what buyers name most first; "other" last, as in the survey
        reasons.sort(Comparator.comparing((ReasonGap r) -> r.reason().equals(Reasons.OTHER))
                .thenComparing(Comparator.comparingInt(ReasonGap::buyerSaid).reversed())
                .thenComparing(Comparator.comparingInt(ReasonGap::repSaid).reversed())
                .thenComparingInt(r -> Reasons.order(r.reason())));
        List<Cell> matrix = new ArrayList<>();
        for (ReasonGap row : reasons) {
            for (ReasonGap column : reasons) {
                int count = cells[Reasons.order(row.reason())][Reasons.order(column.reason())];
                if (count > 0) {
                    matrix.add(new Cell(row.reason(), column.reason(), count));
                }
            }
        }
        int deals = pairs.size();
        int needed = Math.max(0, MINIMUM_DEALS - deals);
        return new PerceptionGap(deals, agreed, rate(agreed, deals), wilson(agreed, deals), needed == 0, needed,
                verdict(deals, needed), unmapped, MINIMUM_DEALS, List.copyOf(reasons), List.copyOf(matrix));
    }

    private static String verdict(int deals, int needed) {
        if (deals == 0) {
            return "No deal has both a rep's reason and a buyer's answer yet: nothing to compare.";
        }
        if (needed > 0) {
            return "Too few deals to conclude anything: " + deals + (deals == 1 ? " deal has" : " deals have")
                    + " both a rep's reason and a buyer's answer; " + needed + " more are needed before the rates mean much.";
        }
        return deals + " deals have both a rep's reason and a buyer's answer. Rates over fewer than " + MINIMUM_DEALS
                + " deals are marked too few to conclude anything.";
    }

    private static Double rate(int part, int whole) {
        return whole == 0 ? null : (double) part / whole;
    }

    private static List<Double> wilson(int part, int whole) {
        if (whole == 0) {
            return null;
        }
        Interval interval = BinomialConfidenceInterval.WILSON_SCORE.fromErrorRate(whole, part, 0.05);
        return List.of(interval.getLowerBound(), interval.getUpperBound());
    }
}
