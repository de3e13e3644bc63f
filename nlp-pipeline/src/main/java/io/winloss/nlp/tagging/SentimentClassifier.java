package io.winloss.nlp.tagging;

import edu.stanford.nlp.classify.LinearClassifier;
import edu.stanford.nlp.classify.LinearClassifierFactory;
import edu.stanford.nlp.classify.RVFDataset;
import edu.stanford.nlp.ling.RVFDatum;
import edu.stanford.nlp.stats.ClassicCounter;
import edu.stanford.nlp.stats.Counter;
import edu.stanford.nlp.util.Pair;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Three-way sentiment of buyer speech: multinomial logistic regressions (CoreNLP's {@link LinearClassifier}) over
 * {@link SentimentFeatures}, trained on labelled buyer sentences with {@link #train} and shipped as readable weights
 * ({@code sentiment-classifier.tsv}, one {@code label<TAB>feature<TAB>weight} a line). There are two: one for
 * whole sentences, which also reads the sentence's embedding, and one for the parts of a sentence that aspects
 * take their sentiment from, which reads the same features without it (embedding every part of every sentence
 * would cost more than the rest of the tagging); its labels are written {@code part.negative} and so on.
 * The score in [-2, 2] is {@code 2 * (P(positive) - P(negative))}.
 */
public final class SentimentClassifier {

    static final String RESOURCE = "sentiment-classifier.tsv";
    /** A word or pair seen in fewer training examples than this carries no weight: one sentence proves nothing. */
    static final int MIN_EXAMPLES = 2;
    /** Before a label of the classifier of parts of sentences, in the weights file. */
    static final String PART = "part.";

    /** A labelled example for training. */
    public record Example(SentimentFeatures features, Sentiment label) {
    }

    private final LinearClassifier<String, String> sentences;
    private final LinearClassifier<String, String> parts;

    private SentimentClassifier(LinearClassifier<String, String> sentences, LinearClassifier<String, String> parts) {
        this.sentences = sentences;
        this.parts = parts;
    }

    static SentimentClassifier defaults() {
        var stream = SentimentClassifier.class.getResourceAsStream(RESOURCE);
        if (stream == null) {
            throw new IllegalStateException(RESOURCE + " is missing from the pipeline's jar");
        }
        try (Reader reader = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
            return read(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Trains on labelled examples. {@code sigma} is the Gaussian prior's standard deviation: smaller keeps the
     * weights closer to zero (steadier on unseen wording), larger fits the examples more closely.
     */
    public static SentimentClassifier train(List<Example> examples, double sigma) {
        return new SentimentClassifier(fit(examples, Function.identity(), sigma),
                fit(examples, SentimentFeatures::withoutEmbedding, sigma));
    }

    private static LinearClassifier<String, String> fit(List<Example> examples,
                                                        Function<SentimentFeatures, SentimentFeatures> seen, double sigma) {
        RVFDataset<String, String> dataset = new RVFDataset<>();
        for (Example example : examples) {
            dataset.add(new RVFDatum<>(seen.apply(example.features()).values(), example.label().id()));
        }
        dataset.applyFeatureCountThreshold(MIN_EXAMPLES);
        LinearClassifierFactory<String, String> factory = new LinearClassifierFactory<>();
        factory.setSigma(sigma);
        factory.setVerbose(false);
        return factory.trainClassifier(dataset);
    }

    /** {@code 2 * (P(positive) - P(negative))} of a whole sentence, whose features carry its embedding. */
    public double score(SentimentFeatures features) {
        return score(sentences, features);
    }

    /** {@code 2 * (P(positive) - P(negative))} of a part of a sentence, by the features other than the embedding. */
    public double partScore(SentimentFeatures features) {
        return score(parts, features);
    }

    private static double score(LinearClassifier<String, String> classifier, SentimentFeatures features) {
        Counter<String> probabilities = classifier.probabilityOf(new RVFDatum<>(features.values()));
        return 2 * (probabilities.getCount(Sentiment.POSITIVE.id()) - probabilities.getCount(Sentiment.NEGATIVE.id()));
    }

    /** Writes the weights that are not zero, sorted, so a retrained model diffs line by line. */
    public void write(Writer out) {
        PrintWriter writer = new PrintWriter(out);
        writer.println("# Sentiment classifier weights: label<TAB>feature<TAB>weight (written by `train-sentiment`).");
        List<String> lines = new ArrayList<>();
        lines(sentences, "", lines);
        lines(parts, PART, lines);
        lines.stream().sorted().forEach(writer::println);
        writer.flush();
    }

    private static void lines(LinearClassifier<String, String> classifier, String prefix, List<String> lines) {
        for (Map.Entry<String, Counter<String>> byLabel : classifier.weightsAsMapOfCounters().entrySet()) {
            for (String feature : byLabel.getValue().keySet()) {
                double weight = byLabel.getValue().getCount(feature);
                if (Math.abs(weight) >= 1e-4) {
                    lines.add(prefix + byLabel.getKey() + "\t" + feature + "\t" + String.format(Locale.ROOT, "%.4f", weight));
                }
            }
        }
    }

    static SentimentClassifier read(Reader in) throws IOException {
        Counter<Pair<String, String>> sentenceWeights = new ClassicCounter<>();
        Counter<Pair<String, String>> partWeights = new ClassicCounter<>();
        BufferedReader reader = new BufferedReader(in);
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\t");
            boolean part = fields[0].startsWith(PART);
            String label = part ? fields[0].substring(PART.length()) : fields[0];
            if (fields.length != 3 || Sentiment.byId(label).isEmpty()) {
                throw new InvalidTaggingRules(number, "expected 'label<TAB>feature<TAB>weight'");
            }
            double weight;
            try {
                weight = Double.parseDouble(fields[2]);
            } catch (NumberFormatException e) {
                throw new InvalidTaggingRules(number, "'" + fields[2] + "' is not a number");
            }
            (part ? partWeights : sentenceWeights).setCount(new Pair<>(fields[1], label), weight);
        }
        return new SentimentClassifier(classifier(sentenceWeights), classifier(partWeights));
    }

    private static LinearClassifier<String, String> classifier(Counter<Pair<String, String>> weights) {
        for (Sentiment label : Sentiment.values()) {
            weights.incrementCount(new Pair<>(SentimentFeatures.BIAS, label.id()), 0);
        }
        return new LinearClassifier<>(weights);
    }
}
