package io.winloss.nlp.cli;

import io.winloss.nlp.Pipeline;
import io.winloss.nlp.evaluation.Evaluation;
import io.winloss.nlp.evaluation.LabelScores;
import io.winloss.nlp.evaluation.LabelledSentence;
import io.winloss.nlp.tagging.CriteriaFeatures;
import io.winloss.nlp.tagging.CriteriaModel;
import io.winloss.nlp.tagging.Criterion;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * {@code train-criteria}: trains the criteria model on labelled buyer sentences and writes its weights. It first
 * cross-validates each candidate prior on {@link HeldOutFolds} (consecutive blocks, so one interview's sentences
 * stay together and the score is for wording not seen in training, or one fold per file; each fold's thresholds
 * are chosen on its training folds only), prints micro-F1 per fold for the rules alone and for the model, and F1
 * per criterion, then trains the final model on everything with the best prior.
 */
final class TrainCriteriaCommand {

    static final List<Double> SIGMAS = List.of(0.3, 1.0, 3.0);

    /** Cross-validated scores of the rules alone and of the model, per fold and pooled over folds. */
    record CrossValidation(double sigma, List<Double> ruleFolds, List<Double> modelFolds, LabelScores rules, LabelScores model) {

        double modelMean() {
            return modelFolds.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        }
    }

    private TrainCriteriaCommand() {
    }

    static int run(Arguments args, PrintStream out, PrintStream err, Supplier<Pipeline> pipelines) {
        args.allowOnly("out", "sigma", "folds");
        String target = args.option("out").orElseThrow(() -> new Arguments.Invalid("train-criteria needs --out FILE"));
        if (args.positional().isEmpty()) {
            throw new Arguments.Invalid("train-criteria needs at least one labelled JSON Lines file");
        }
        List<Double> sigmas;
        try {
            sigmas = args.option("sigma").map(s -> List.of(Double.parseDouble(s))).orElse(SIGMAS);
        } catch (NumberFormatException e) {
            throw new Arguments.Invalid("--sigma must be a number");
        }
        if (sigmas.stream().anyMatch(s -> !(s > 0) || s.isInfinite())) {
            throw new Arguments.Invalid("--sigma must be a positive number");
        }
        List<LabelledSentence> items = new ArrayList<>();
        List<Set<Criterion>> labels = new ArrayList<>();
        List<Integer> sentencesPerFile = new ArrayList<>();
        for (String file : args.positional()) {
            try {
                List<LabelledSentence> read = Evaluation.read(Path.of(file));
                for (LabelledSentence item : read) {
                    items.add(item);
                    labels.add(criteria(item));
                }
                sentencesPerFile.add(read.size());
            } catch (IOException e) {
                err.println("cannot read " + file + ": " + e.getMessage());
                return Main.UNREADABLE_INPUT;
            } catch (UnknownCriterion e) {
                err.println(file + ": " + e.getMessage());
                return Main.UNREADABLE_INPUT;
            }
        }
        HeldOutFolds folds = HeldOutFolds.of(args.option("folds").orElse(null), args.positional(), sentencesPerFile);
        if (folds.smallest() == 0) {
            err.println("train-criteria needs at least one labelled sentence in each of its " + folds.count() + " folds, found "
                    + items.size() + " sentences");
            return Main.UNREADABLE_INPUT;
        }
        List<CriteriaFeatures> features = pipelines.get().criteriaFeatures(items.stream().map(LabelledSentence::text).toList());
        List<CriteriaModel.Example> examples = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            examples.add(new CriteriaModel.Example(features.get(i), labels.get(i)));
        }
        CrossValidation best = null;
        for (double sigma : sigmas) {
            CrossValidation result = crossValidate(examples, sigma, folds);
            out.printf(Locale.ROOT, "sigma %.2f: %d-fold cross-validated micro-F1 %.3f (folds %s) on %d sentences%n", sigma,
                    folds.count(), result.modelMean(), range(result.modelFolds()), examples.size());
            if (best == null || result.modelMean() > best.modelMean()) {
                best = result;
            }
        }
        print(best, folds, out);
        CriteriaModel model = CriteriaModel.train(examples, best.sigma());
        try (Writer writer = Files.newBufferedWriter(Path.of(target), StandardCharsets.UTF_8)) {
            model.write(writer);
        } catch (IOException e) {
            err.println("cannot write " + target + ": " + e.getMessage());
            return Main.UNREADABLE_INPUT;
        }
        out.printf(Locale.ROOT, "trained on all %d sentences with sigma %.2f, weights in %s%n", examples.size(), best.sigma(), target);
        return 0;
    }

    static CrossValidation crossValidate(List<CriteriaModel.Example> examples, double sigma, HeldOutFolds folds) {
        List<Double> ruleFolds = new ArrayList<>();
        List<Double> modelFolds = new ArrayList<>();
        LabelScores rules = new LabelScores();
        LabelScores model = new LabelScores();
        for (int fold = 0; fold < folds.count(); fold++) {
            List<CriteriaModel.Example> training = folds.indexes(fold, false).stream().map(examples::get).toList();
            CriteriaModel trained = CriteriaModel.train(training, sigma);
            LabelScores foldRules = new LabelScores();
            LabelScores foldModel = new LabelScores();
            for (CriteriaModel.Example held : folds.indexes(fold, true).stream().map(examples::get).toList()) {
                Set<String> expected = ids(held.labels());
                for (LabelScores scores : List.of(foldRules, rules)) {
                    scores.add(expected, ids(held.features().ruleCriteria()));
                }
                Set<String> predicted = ids(trained.criteria(held.features()));
                for (LabelScores scores : List.of(foldModel, model)) {
                    scores.add(expected, predicted);
                }
            }
            ruleFolds.add(foldRules.micro().f1());
            modelFolds.add(foldModel.micro().f1());
        }
        return new CrossValidation(sigma, ruleFolds, modelFolds, rules, model);
    }

    private static void print(CrossValidation result, HeldOutFolds folds, PrintStream out) {
        out.printf(Locale.ROOT, "with sigma %.2f, micro-F1 per held-out fold (%s):%n", result.sigma(), String.join(", ", folds.names()));
        out.printf(Locale.ROOT, "  %-28s %s   mean %.3f%n", "rules alone", folds(result.ruleFolds()), mean(result.ruleFolds()));
        out.printf(Locale.ROOT, "  %-28s %s   mean %.3f%n", "model", folds(result.modelFolds()), mean(result.modelFolds()));
        out.printf(Locale.ROOT, "  %-28s %9s %9s %8s   (pooled over the held-out folds)%n", "criterion F1", "rules", "model", "support");
        for (Criterion criterion : Criterion.values()) {
            LabelScores.Counts rules = result.rules().byLabel().get(criterion.id());
            LabelScores.Counts model = result.model().byLabel().get(criterion.id());
            out.printf(Locale.ROOT, "  %-28s %9.3f %9.3f %8d%n", criterion.id(), rules == null ? 0 : rules.f1(),
                    model == null ? 0 : model.f1(), model == null ? 0 : model.support());
        }
        out.printf(Locale.ROOT, "  %-28s %9.3f %9.3f %8d%n", "micro average", result.rules().micro().f1(),
                result.model().micro().f1(), result.model().micro().support());
    }

    private static Set<Criterion> criteria(LabelledSentence item) {
        Set<Criterion> criteria = EnumSet.noneOf(Criterion.class);
        for (String id : item.criteria()) {
            criteria.add(Criterion.byId(id).orElseThrow(() -> new UnknownCriterion(item.id() + ": unknown criterion '" + id + "'")));
        }
        return criteria;
    }

    private static Set<String> ids(Set<Criterion> criteria) {
        return criteria.stream().map(Criterion::id).collect(Collectors.toSet());
    }

    private static String folds(List<Double> values) {
        return values.stream().map(v -> String.format(Locale.ROOT, "%.3f", v)).collect(Collectors.joining(" "));
    }

    private static String range(List<Double> values) {
        return String.format(Locale.ROOT, "%.3f to %.3f", values.stream().mapToDouble(Double::doubleValue).min().orElse(0),
                values.stream().mapToDouble(Double::doubleValue).max().orElse(0));
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }

    private static final class UnknownCriterion extends RuntimeException {
        UnknownCriterion(String message) {
            super(message);
        }
    }
}
