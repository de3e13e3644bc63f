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

/**
 * Three-way sentiment of buyer speech: a multinomial logistic regression (CoreNLP's
 * {@link LinearClassifier}) over {@link SentimentFeatures}, trained on labelled buyer sentences with
 * {@link #train} and shipped as readable weights ({@code sentiment-classifier.tsv}, one
 * {@code label<TAB>feature<TAB>weight} a line). The score in [-2, 2] is {@code 2 * (P(positive) - P(negative))}.
 */
public final class SentimentClassifier {

    static final String RESOURCE = "sentiment-classifier.tsv";
    /** A word or pair seen in fewer training examples than this carries no weight: one sentence proves nothing. */
    static final int MIN_EXAMPLES = 2;

    /** A labelled example for training. */
    public record Example(SentimentFeatures features, Sentiment label) {
    }

    private final LinearClassifier<String, String> classifier;

    private SentimentClassifier(LinearClassifier<String, String> classifier) {
        this.classifier = classifier;
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
        RVFDataset<String, String> dataset = new RVFDataset<>();
        for (Example example : examples) {
            dataset.add(new RVFDatum<>(example.features().values(), example.label().id()));
        }
        dataset.applyFeatureCountThreshold(MIN_EXAMPLES);
        LinearClassifierFactory<String, String> factory = new LinearClassifierFactory<>();
        factory.setSigma(sigma);
        factory.setVerbose(false);
        return new SentimentClassifier(factory.trainClassifier(dataset));
    }

    /** {@code 2 * (P(positive) - P(negative))} for these features. */
    public double score(SentimentFeatures features) {
        Counter<String> probabilities = classifier.probabilityOf(new RVFDatum<>(features.values()));
        return 2 * (probabilities.getCount(Sentiment.POSITIVE.id()) - probabilities.getCount(Sentiment.NEGATIVE.id()));
    }

    /** Writes the weights that are not zero, sorted, so a retrained model diffs line by line. */
    public void write(Writer out) {
        PrintWriter writer = new PrintWriter(out);
        writer.println("# Sentiment classifier weights: label<TAB>feature<TAB>weight (written by `train-sentiment`).");
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, Counter<String>> byLabel : classifier.weightsAsMapOfCounters().entrySet()) {
            for (String feature : byLabel.getValue().keySet()) {
                double weight = byLabel.getValue().getCount(feature);
                if (Math.abs(weight) >= 1e-4) {
                    lines.add(byLabel.getKey() + "\t" + feature + "\t" + String.format(Locale.ROOT, "%.4f", weight));
                }
            }
        }
        lines.stream().sorted().forEach(writer::println);
        writer.flush();
    }

    static SentimentClassifier read(Reader in) throws IOException {
        Counter<Pair<String, String>> weights = new ClassicCounter<>();
        BufferedReader reader = new BufferedReader(in);
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\t");
            if (fields.length != 3 || Sentiment.byId(fields[0]).isEmpty()) {
                throw new InvalidTaggingRules(number, "expected 'label<TAB>feature<TAB>weight'");
            }
            weights.setCount(new Pair<>(fields[1], fields[0]), Double.parseDouble(fields[2]));
        }
        for (Sentiment label : Sentiment.values()) {
            weights.incrementCount(new Pair<>(SentimentFeatures.BIAS, label.id()), 0);
        }
        return new SentimentClassifier(new LinearClassifier<>(weights));
    }
}
