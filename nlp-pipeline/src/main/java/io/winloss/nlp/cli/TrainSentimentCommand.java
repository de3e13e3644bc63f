package io.winloss.nlp.cli;

import io.winloss.nlp.Pipeline;
import io.winloss.nlp.evaluation.LabelledSentence;
import io.winloss.nlp.evaluation.Evaluation;
import io.winloss.nlp.tagging.Sentiment;
import io.winloss.nlp.tagging.SentimentClassifier;
import io.winloss.nlp.tagging.SentimentFeatures;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * {@code train-sentiment}: trains the sentiment classifier on labelled buyer sentences and writes its weights (the
 * classifier of whole sentences, which reads their embeddings, and of parts of sentences, which does not).
 * It first cross-validates each candidate prior on {@link HeldOutFolds} (consecutive blocks, so one interview's
 * sentences stay together and the score is for wording not seen in training, or one fold per file), prints the
 * mean and each fold's accuracy of the classifier of whole sentences, and trains the final classifier on everything with the best one.
 */
final class TrainSentimentCommand {

    static final List<Double> SIGMAS = List.of(0.3, 1.0, 3.0, 10.0);

    private TrainSentimentCommand() {
    }

    static int run(Arguments args, PrintStream out, PrintStream err, Supplier<Pipeline> pipelines) {
        args.allowOnly("out", "sigma", "folds");
        String target = args.option("out").orElseThrow(() -> new Arguments.Invalid("train-sentiment needs --out FILE"));
        if (args.positional().isEmpty()) {
            throw new Arguments.Invalid("train-sentiment needs at least one labelled JSON Lines file");
        }
        List<Double> sigmas;
        try {
            sigmas = args.option("sigma").map(s -> List.of(Double.parseDouble(s))).orElse(SIGMAS);
        } catch (NumberFormatException e) {
            throw new Arguments.Invalid("--sigma must be a number");
        }
        List<LabelledSentence> items = new ArrayList<>();
        List<Integer> sentencesPerFile = new ArrayList<>();
        for (String file : args.positional()) {
            try {
                List<LabelledSentence> read = Evaluation.read(Path.of(file));
                items.addAll(read);
                sentencesPerFile.add(read.size());
            } catch (IOException e) {
                err.println("cannot read " + file + ": " + e.getMessage());
                return Main.UNREADABLE_INPUT;
            }
        }
        HeldOutFolds folds = HeldOutFolds.of(args.option("folds").orElse(null), args.positional(), sentencesPerFile);
        if (folds.smallest() == 0) {
            err.println("train-sentiment needs at least one labelled sentence in each of its " + folds.count() + " folds, found "
                    + items.size() + " sentences");
            return Main.UNREADABLE_INPUT;
        }
        List<SentimentFeatures> features = pipelines.get().sentimentFeatures(items.stream().map(LabelledSentence::text).toList());
        List<SentimentClassifier.Example> examples = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Sentiment label = Sentiment.byId(items.get(i).sentiment()).orElseThrow(
                    () -> new Arguments.Invalid("unknown sentiment label in the labelled set"));
            examples.add(new SentimentClassifier.Example(features.get(i), label));
        }
        double best = sigmas.get(0);
        double bestAccuracy = -1;
        for (double sigma : sigmas) {
            List<Double> perFold = crossValidated(examples, sigma, folds);
            double accuracy = perFold.stream().mapToDouble(Double::doubleValue).average().orElse(0);
            out.printf(Locale.ROOT, "sigma %.2f: %d-fold cross-validated accuracy %.3f on %d sentences (%s: %s)%n", sigma,
                    folds.count(), accuracy, examples.size(), String.join(", ", folds.names()),
                    perFold.stream().map(f -> String.format(Locale.ROOT, "%.3f", f)).collect(java.util.stream.Collectors.joining(" ")));
            if (accuracy > bestAccuracy) {
                bestAccuracy = accuracy;
                best = sigma;
            }
        }
        SentimentClassifier classifier = SentimentClassifier.train(examples, best);
        try (Writer writer = Files.newBufferedWriter(Path.of(target), StandardCharsets.UTF_8)) {
            classifier.write(writer);
        } catch (IOException e) {
            err.println("cannot write " + target + ": " + e.getMessage());
            return Main.UNREADABLE_INPUT;
        }
        out.printf(Locale.ROOT, "trained on all %d sentences with sigma %.2f, weights in %s%n", examples.size(), best, target);
        return 0;
    }

    /** The accuracy on each fold, held out of training in turn. */
    static List<Double> crossValidated(List<SentimentClassifier.Example> examples, double sigma, HeldOutFolds folds) {
        List<Double> accuracies = new ArrayList<>();
        for (int fold = 0; fold < folds.count(); fold++) {
            int correct = 0;
            List<SentimentClassifier.Example> training = folds.indexes(fold, false).stream().map(examples::get).toList();
            List<SentimentClassifier.Example> heldOut = folds.indexes(fold, true).stream().map(examples::get).toList();
            SentimentClassifier classifier = SentimentClassifier.train(training, sigma);
            for (SentimentClassifier.Example held : heldOut) {
                if (Sentiment.of(classifier.score(held.features())) == held.label()) {
                    correct++;
                }
            }
            accuracies.add((double) correct / Math.max(1, heldOut.size()));
        }
        return accuracies;
    }
}
