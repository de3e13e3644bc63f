package io.winloss.nlp.tagging;

import edu.stanford.nlp.classify.LinearClassifier;
import edu.stanford.nlp.classify.LinearClassifierFactory;
import edu.stanford.nlp.classify.RVFDataset;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.RVFDatum;
import edu.stanford.nlp.stats.Counter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which criteria a sentence is about: one binary logistic regression per criterion (CoreNLP's
 * {@link LinearClassifier}) over {@link CriteriaFeatures}, each with its own decision threshold, trained on
 * labelled buyer sentences with {@link #train} and shipped as readable weights ({@code criteria-model.tsv},
 * one {@code criterion<TAB>feature<TAB>weight} a line, and {@code criterion<TAB>@threshold<TAB>p}).
 * Weights are those of P(about the criterion) = 1 / (1 + e^-(w . x)).
 */
public final class CriteriaModel {

    static final String RESOURCE = "criteria-model.tsv";
    static final String THRESHOLD = "@threshold";
    /** A word, pair or phrase seen in fewer training examples than this carries no weight: one sentence proves nothing. */
    static final int MIN_EXAMPLES = 2;
    /** Thresholds are chosen on predictions for sentences held out of training, in this many consecutive folds. */
    static final int THRESHOLD_FOLDS = 4;

    private static final String YES = "yes";
    private static final String NO = "no";

    /** A labelled example for training: an utterance's features and the criteria a person gave it. */
    public record Example(CriteriaFeatures features, Set<Criterion> labels) {
    }

    private final Map<Criterion, Map<String, Double>> weights;
    private final Map<Criterion, Double> thresholds;

    private CriteriaModel(Map<Criterion, Map<String, Double>> weights, Map<Criterion, Double> thresholds) {
        this.weights = weights;
        this.thresholds = thresholds;
    }

    /** The model shipped in the jar, or empty when there is none (then the rules alone tag criteria). */
    static Optional<CriteriaModel> shipped() {
        var stream = CriteriaModel.class.getResourceAsStream(RESOURCE);
        if (stream == null) {
            return Optional.empty();
        }
        try (Reader reader = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
            return Optional.of(read(reader));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Trains each criterion's regression on all examples; its threshold is the one that gives the best F1 on
     * predictions for examples held out of training ({@value #THRESHOLD_FOLDS} consecutive folds). {@code sigma}
     * is the Gaussian prior's standard deviation: smaller keeps weights near zero, larger fits more closely.
     */
    public static CriteriaModel train(List<Example> examples, double sigma) {
        Map<Criterion, Map<String, Double>> weights = new EnumMap<>(Criterion.class);
        Map<Criterion, Double> thresholds = new EnumMap<>(Criterion.class);
        List.of(Criterion.values()).parallelStream().forEach(criterion -> {
            double[] heldOut = new double[examples.size()];
            for (int fold = 0; fold < THRESHOLD_FOLDS; fold++) {
                int from = examples.size() * fold / THRESHOLD_FOLDS;
                int to = examples.size() * (fold + 1) / THRESHOLD_FOLDS;
                List<Example> training = new ArrayList<>(examples.subList(0, from));
                training.addAll(examples.subList(to, examples.size()));
                Map<String, Double> foldWeights = fit(training, criterion, sigma);
                for (int i = from; i < to; i++) {
                    heldOut[i] = probability(foldWeights, examples.get(i).features());
                }
            }
            double threshold = bestThreshold(examples, criterion, heldOut);
            Map<String, Double> fitted = fit(examples, criterion, sigma);
            synchronized (weights) {
                weights.put(criterion, fitted);
                thresholds.put(criterion, threshold);
            }
        });
        return new CriteriaModel(weights, thresholds);
    }

    /** The criteria whose probability reaches their threshold. */
    public Set<Criterion> criteria(CriteriaFeatures features) {
        Set<Criterion> criteria = EnumSet.noneOf(Criterion.class);
        for (Criterion criterion : Criterion.values()) {
            if (probability(criterion, features) >= threshold(criterion)) {
                criteria.add(criterion);
            }
        }
        return criteria;
    }

    public double probability(Criterion criterion, CriteriaFeatures features) {
        return probability(weights.getOrDefault(criterion, Map.of()), features);
    }

    double threshold(Criterion criterion) {
        return thresholds.getOrDefault(criterion, 1.0);
    }

    /** The token whose word weighs most for {@code criterion}, where a mention found by the model is placed. */
    int strongestWord(Criterion criterion, List<CoreLabel> tokens) {
        Map<String, Double> byFeature = weights.getOrDefault(criterion, Map.of());
        int best = 0;
        double bestWeight = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < tokens.size(); i++) {
            String feature = CriteriaFeatures.wordFeature(tokens, i);
            double weight = feature == null ? Double.NEGATIVE_INFINITY : byFeature.getOrDefault(feature, 0.0);
            if (weight > bestWeight) {
                best = i;
                bestWeight = weight;
            }
        }
        return best;
    }

    /** Writes thresholds and the weights that are not zero, sorted, so a retrained model diffs line by line. */
    public void write(Writer out) {
        PrintWriter writer = new PrintWriter(out);
        writer.println("# Criteria model: criterion<TAB>feature<TAB>weight and criterion<TAB>@threshold<TAB>probability"
                + " (written by `train-criteria`).");
        writer.println("# P(about the criterion) = 1 / (1 + exp(-sum of the weights of the sentence's features)).");
        List<String> lines = new ArrayList<>();
        for (Criterion criterion : Criterion.values()) {
            lines.add(criterion.id() + "\t" + THRESHOLD + "\t" + String.format(Locale.ROOT, "%.4f", threshold(criterion)));
            weights.getOrDefault(criterion, Map.of()).forEach((feature, weight) -> {
                if (Math.abs(weight) >= 1e-4) {
                    lines.add(criterion.id() + "\t" + feature + "\t" + String.format(Locale.ROOT, "%.4f", weight));
                }
            });
        }
        lines.stream().sorted().forEach(writer::println);
        writer.flush();
    }

    static CriteriaModel read(Reader in) throws IOException {
        Map<Criterion, Map<String, Double>> weights = new EnumMap<>(Criterion.class);
        Map<Criterion, Double> thresholds = new EnumMap<>(Criterion.class);
        BufferedReader reader = new BufferedReader(in);
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\t");
            Optional<Criterion> criterion = fields.length == 3 ? Criterion.byId(fields[0]) : Optional.empty();
            if (criterion.isEmpty()) {
                throw new InvalidTaggingRules(number, "expected 'criterion<TAB>feature<TAB>weight'");
            }
            double value;
            try {
                value = Double.parseDouble(fields[2]);
            } catch (NumberFormatException e) {
                throw new InvalidTaggingRules(number, "'" + fields[2] + "' is not a number");
            }
            if (fields[1].equals(THRESHOLD)) {
                thresholds.put(criterion.get(), value);
            } else {
                weights.computeIfAbsent(criterion.get(), c -> new HashMap<>()).put(fields[1], value);
            }
        }
        return new CriteriaModel(weights, thresholds);
    }

    /** One criterion's weights, collapsed from the two-class classifier to w(yes) - w(no). */
    private static Map<String, Double> fit(List<Example> examples, Criterion criterion, double sigma) {
        RVFDataset<String, String> dataset = new RVFDataset<>();
        boolean anyYes = false;
        boolean anyNo = false;
        for (Example example : examples) {
            boolean yes = example.labels().contains(criterion);
            anyYes |= yes;
            anyNo |= !yes;
            dataset.add(new RVFDatum<>(example.features().values(), yes ? YES : NO));
        }
        Map<String, Double> weights = new HashMap<>();
        if (!anyYes || !anyNo) {
            weights.put(CriteriaFeatures.BIAS, anyYes ? 10.0 : -10.0);
            return weights;
        }
        dataset.applyFeatureCountThreshold(MIN_EXAMPLES);
        LinearClassifierFactory<String, String> factory = new LinearClassifierFactory<>();
        factory.setSigma(sigma);
        factory.setVerbose(false);
        LinearClassifier<String, String> classifier = factory.trainClassifier(dataset);
        Map<String, Counter<String>> byLabel = classifier.weightsAsMapOfCounters();
        Counter<String> yes = byLabel.get(YES);
        Counter<String> no = byLabel.get(NO);
        for (String feature : yes.keySet()) {
            weights.put(feature, yes.getCount(feature) - no.getCount(feature));
        }
        for (String feature : no.keySet()) {
            weights.putIfAbsent(feature, -no.getCount(feature));
        }
        return weights;
    }

    private static double probability(Map<String, Double> weights, CriteriaFeatures features) {
        double sum = 0;
        Counter<String> values = features.values();
        for (String feature : values.keySet()) {
            Double weight = weights.get(feature);
            if (weight != null) {
                sum += weight * values.getCount(feature);
            }
        }
        return 1 / (1 + Math.exp(-sum));
    }

    /** The threshold in 0.05 .. 0.95 that gives the best F1 on held-out predictions; ties go to the middle. */
    private static double bestThreshold(List<Example> examples, Criterion criterion, double[] heldOut) {
        double best = 0.5;
        double bestF1 = -1;
        for (int step = 1; step <= 19; step++) {
            double threshold = step * 0.05;
            int truePositives = 0;
            int predicted = 0;
            int actual = 0;
            for (int i = 0; i < heldOut.length; i++) {
                boolean yes = examples.get(i).labels().contains(criterion);
                boolean tagged = heldOut[i] >= threshold;
                actual += yes ? 1 : 0;
                predicted += tagged ? 1 : 0;
                truePositives += yes && tagged ? 1 : 0;
            }
            double f1 = actual + predicted == 0 ? 0 : 2.0 * truePositives / (actual + predicted);
            if (f1 > bestF1 + 1e-9 || (Math.abs(f1 - bestF1) <= 1e-9 && Math.abs(threshold - 0.5) < Math.abs(best - 0.5))) {
                best = threshold;
                bestF1 = f1;
            }
        }
        return best;
    }
}
