package io.winloss.nlp.cli;

import io.winloss.nlp.Pipeline;
import io.winloss.nlp.TaggedSentence;
import io.winloss.nlp.evaluation.Evaluation;
import io.winloss.nlp.evaluation.LabelScores;
import io.winloss.nlp.evaluation.LabelledSentence;
import io.winloss.nlp.tagging.TaggingRules;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code evaluate}: tags each labelled set's sentences and prints precision, recall and F1 per competitor and
 * per criterion and the sentiment accuracy; {@code --errors} also lists every sentence the tagger got wrong, and
 * {@code --rules-only} tags criteria by the patterns alone, without the criteria model.
 */
final class EvaluateCommand {

    private EvaluateCommand() {
    }

    static int run(Arguments args, PrintStream out, PrintStream err, Supplier<Pipeline> pipelines) {
        args.allowOnly("competitors", "errors", "rules-only");
        if (args.positional().isEmpty()) {
            throw new Arguments.Invalid("evaluate needs at least one labelled JSON Lines file");
        }
        TaggingRules rules;
        try {
            rules = TaggingRules.defaults().withCompetitors(AnalyzeCommand.competitors(args.option("competitors").orElse(null)));
            if (args.flag("rules-only")) {
                rules = rules.withoutCriteriaModel();
            }
        } catch (IOException | RuntimeException e) {
            err.println("cannot read the competitor list: " + e.getMessage());
            return Main.UNREADABLE_INPUT;
        }
        Pipeline pipeline = pipelines.get();
        for (String file : args.positional()) {
            List<LabelledSentence> items;
            try {
                items = Evaluation.read(Path.of(file));
            } catch (IOException e) {
                err.println("cannot read " + file + ": " + e.getMessage());
                return Main.UNREADABLE_INPUT;
            }
            List<TaggedSentence> tagged = pipeline.analyzeUtterances(items.stream().map(LabelledSentence::text).toList(), rules);
            Evaluation evaluation = new Evaluation();
            for (int i = 0; i < items.size(); i++) {
                evaluation.add(items.get(i), tagged.get(i));
            }
            print(file, evaluation, out);
            if (args.flag("errors")) {
                printDisagreements(evaluation, out);
            }
        }
        return 0;
    }

    static void print(String file, Evaluation evaluation, PrintStream out) {
        out.printf(Locale.ROOT, "%s: %d sentences%n", file, evaluation.sentences());
        table("competitor", evaluation.competitors(), out);
        table("criterion", evaluation.criteria(), out);
        out.printf(Locale.ROOT, "sentiment accuracy %.3f (%d of %d)%n", evaluation.sentimentAccuracy(),
                evaluation.sentimentCorrect(), evaluation.sentences());
        out.println("  expected \\ tagged   negative  neutral  positive");
        for (String expected : List.of("negative", "neutral", "positive")) {
            Map<String, Integer> row = evaluation.sentimentConfusion().getOrDefault(expected, Map.of());
            out.printf(Locale.ROOT, "  %-18s %8d %8d %9d%n", expected, row.getOrDefault("negative", 0),
                    row.getOrDefault("neutral", 0), row.getOrDefault("positive", 0));
        }
        out.println();
    }

    private static void table(String kind, LabelScores scores, PrintStream out) {
        out.printf(Locale.ROOT, "  %-28s %9s %6s %6s %8s%n", kind, "precision", "recall", "F1", "support");
        scores.byLabel().forEach((label, counts) -> row(label, counts, out));
        row("micro average", scores.micro(), out);
    }

    private static void row(String label, LabelScores.Counts counts, PrintStream out) {
        out.printf(Locale.ROOT, "  %-28s %9.3f %6.3f %6.3f %8d%n", label, counts.precision(), counts.recall(),
                counts.f1(), counts.support());
    }

    private static void printDisagreements(Evaluation evaluation, PrintStream out) {
        for (Evaluation.Disagreement d : evaluation.disagreements()) {
            LabelledSentence e = d.expected();
            TaggedSentence a = d.actual();
            out.printf(Locale.ROOT, "%s %s%n  expected %s %s %s%n  tagged   %s %s %s (%.2f)%n", e.id(), e.text(),
                    e.competitors(), e.criteria(), e.sentiment(), a.competitors(),
                    a.criteria().stream().map(c -> c.id()).toList(), a.sentiment().id(), a.score());
        }
    }
}
