package io.winloss.nlp.evaluation;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Precision, recall and F1 per label of a multi-label tag (competitors, or criteria), and micro-averaged. */
public final class LabelScores {

    /** Counts for one label; {@code support} is how often people gave it. */
    public record Counts(int truePositives, int falsePositives, int falseNegatives) {
        public double precision() {
            return ratio(truePositives, truePositives + falsePositives);
        }

        public double recall() {
            return ratio(truePositives, truePositives + falseNegatives);
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        public int support() {
            return truePositives + falseNegatives;
        }

        Counts plus(Counts other) {
            return new Counts(truePositives + other.truePositives, falsePositives + other.falsePositives,
                    falseNegatives + other.falseNegatives);
        }

        /** No predictions and nothing to find counts as perfect, so an unused label never drags an average down. */
        private static double ratio(int hits, int total) {
            return total == 0 ? 1 : (double) hits / total;
        }
    }

    private final Map<String, Counts> byLabel = new TreeMap<>();

    /** Counts one item: the labels people gave it and the labels the tagger gave it. */
    public void add(Set<String> expected, Set<String> predicted) {
        for (String label : expected) {
            Counts one = predicted.contains(label) ? new Counts(1, 0, 0) : new Counts(0, 0, 1);
            byLabel.merge(label, one, Counts::plus);
        }
        for (String label : predicted) {
            if (!expected.contains(label)) {
                byLabel.merge(label, new Counts(0, 1, 0), Counts::plus);
            }
        }
    }

    public Map<String, Counts> byLabel() {
        return byLabel;
    }

    public Counts micro() {
        return byLabel.values().stream().reduce(new Counts(0, 0, 0), Counts::plus);
    }
}
