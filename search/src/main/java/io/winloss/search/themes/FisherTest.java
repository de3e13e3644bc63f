package io.winloss.search.themes;

import org.apache.commons.statistics.distribution.HypergeometricDistribution;

/**
 * Fisher's exact test, two-sided, as Commons Statistics' {@code FisherExactTest} computes it: the same mode, the same
 * boundary of the far tail found on Commons' hypergeometric log-probabilities, the same sum of the two tails. Only the
 * tail sums differ: Commons adds every term from the end of the support with a saddle-point evaluation each, O(n)
 * costly steps; here each tail is summed outward from its boundary by the ratio of neighbouring terms until a term no
 * longer changes the sum, a few hundred multiplications. On 100,000 deals that turns about a second of a themes
 * computation into a few milliseconds; p-values agree with Commons to a relative 1e-9 (see the tests).
 */
final class FisherTest {

    /** A term this much smaller than the sum so far cannot change it, nor can the geometric rest of the tail. */
    private static final double NEGLIGIBLE = 0x1p-60;

    private FisherTest() {
    }

    /**
     * The two-sided p-value of the table {@code {{focusWith, focus - focusWith}, {baselineWith, baseline - baselineWith}}}.
     */
    static double twoSided(int focusWith, int focus, int baselineWith, int baseline) {
        int population = focus + baseline;
        int successes = focusWith + baselineWith;
        if (population == 0) {
            return 1.0;
        }
        // parameters in Commons' order (successes = first row, sample = first column): rounding, and so ties, match
        HypergeometricDistribution distribution = HypergeometricDistribution.of(population, focus, successes);
        int k = focusWith;
        double mode = (successes + 1.0) * (focus + 1.0) / (population + 2.0);
        int lowMode = (int) Math.ceil(mode) - 1;
        int highMode = (int) Math.floor(mode);
        if (k < lowMode) {
            double logP = distribution.logProbability(k);
            int far = lowestAtOrBelow(highMode, distribution.getSupportUpperBound(), logP, distribution);
            return Math.min(1.0, lowerTail(distribution, k) + upperTail(distribution, far));
        }
        if (k > highMode) {
            double logP = distribution.logProbability(k);
            int far = highestAtOrBelow(distribution.getSupportLowerBound(), lowMode, logP, distribution);
            return Math.min(1.0, lowerTail(distribution, far) + upperTail(distribution, k));
        }
        double pk = distribution.probability(k);
        double other = distribution.probability(k == lowMode ? highMode : lowMode);
        return other > pk ? 1 - other : 1;
    }

    /** The lowest x in [from, to] with logProbability(x) at most {@code logP}, or to + 1; descending on the range. */
    private static int lowestAtOrBelow(int from, int to, double logP, HypergeometricDistribution distribution) {
        int low = from;
        int high = to + 1;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (distribution.logProbability(middle) <= logP) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low;
    }

    /** The highest x in [from, to] with logProbability(x) at most {@code logP}, or from - 1; ascending on the range. */
    private static int highestAtOrBelow(int from, int to, double logP, HypergeometricDistribution distribution) {
        int low = from - 1;
        int high = to;
        while (low < high) {
            int middle = (low + high + 1) >> 1;
            if (distribution.logProbability(middle) <= logP) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return low;
    }

    /** P(X <= x), x below the mode: terms fall going down. */
    private static double lowerTail(HypergeometricDistribution distribution, int x) {
        int lower = distribution.getSupportLowerBound();
        if (x < lower) {
            return 0;
        }
        double n = distribution.getSampleSize();
        double successes = distribution.getNumberOfSuccesses();
        double failures = distribution.getPopulationSize() - successes;
        double term = 1;
        double sum = 1;
        for (int i = x; i > lower; i--) {
            // P(i - 1) / P(i) = i (failures - n + i) / ((successes - i + 1)(n - i + 1))
            term *= i * (failures - n + i) / ((successes - i + 1) * (n - i + 1));
            sum += term;
            if (term < sum * NEGLIGIBLE) {
                break;
            }
        }
        return Math.exp(distribution.logProbability(x) + Math.log(sum));
    }

    /** P(X >= x), x above the mode: terms fall going up. */
    private static double upperTail(HypergeometricDistribution distribution, int x) {
        int upper = distribution.getSupportUpperBound();
        if (x > upper) {
            return 0;
        }
        double n = distribution.getSampleSize();
        double successes = distribution.getNumberOfSuccesses();
        double failures = distribution.getPopulationSize() - successes;
        double term = 1;
        double sum = 1;
        for (int i = x; i < upper; i++) {
            // P(i + 1) / P(i) = (successes - i)(n - i) / ((i + 1)(failures - n + i + 1))
            term *= (successes - i) * (n - i) / ((i + 1) * (failures - n + i + 1));
            sum += term;
            if (term < sum * NEGLIGIBLE) {
                break;
            }
        }
        return Math.exp(distribution.logProbability(x) + Math.log(sum));
    }
}
