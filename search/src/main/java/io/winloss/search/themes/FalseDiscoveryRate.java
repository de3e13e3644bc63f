package io.winloss.search.themes;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Benjamini-Hochberg q-values, because Commons Statistics 1.2 offers no multiple-comparison
 * adjustment. The documented step-up procedure: with m p-values sorted ascending,
 * {@code q(i) = min over j >= i of min(1, p(j) * m / j)}, the same as R's
 * {@code p.adjust(p, "BH")}. Every q is at least its p, and q never falls as p rises.
 */
final class FalseDiscoveryRate {

    private FalseDiscoveryRate() {
    }

    /** The q-values of {@code pValues}, in the same order. */
    static double[] benjaminiHochberg(double[] pValues) {
        int m = pValues.length;
        Integer[] order = IntStream.range(0, m).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> pValues[i]));
        double[] q = new double[m];
        double runningMin = 1.0;
        for (int rank = m; rank >= 1; rank--) {
            int i = order[rank - 1];
            runningMin = Math.min(runningMin, pValues[i] * m / rank);
            q[i] = runningMin;
        }
        return q;
    }
}
