package io.winloss.nlp.cli;

import io.winloss.nlp.Pipeline;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * The command line: {@code analyze} tags a transcript, {@code evaluate} scores the tagger against a labelled
 * set, {@code bench} times it against CoreNLP's default pipeline, {@code train-sentiment} trains the sentiment
 * classifier and {@code train-criteria} the criteria model. Exit status 0 on success, 2 for input
 * that cannot be read, 64 for a command line that cannot be understood.
 */
public final class Main {

    static final int UNREADABLE_INPUT = 2;
    static final int USAGE = 64;

    static final String USAGE_TEXT = """
            usage: java -jar nlp-pipeline.jar analyze [--competitors FILE] [--format auto|txt|vtt|srt|docx|lines] [--interviewer NAME]... FILE|-
                   java -jar nlp-pipeline.jar evaluate [--competitors FILE] [--rules-only] [--errors] LABELLED.jsonl...
                   java -jar nlp-pipeline.jar bench [--text FILE] [--runs N] [--no-baseline]
                   java -jar nlp-pipeline.jar train-sentiment --out FILE [--sigma S] [--folds N|files] LABELLED.jsonl...
                   java -jar nlp-pipeline.jar train-criteria --out FILE [--sigma S] [--folds N|files] LABELLED.jsonl...""";

    private Main() {
    }

    public static void main(String[] args) {
        // No logging backend ships with the tool: its jar's manifest class path would put one beside the
        // portal's. POI's Log4j calls go to Log4j's own simple logger (errors only); CoreNLP's SLF4J calls are dropped.
        System.setProperty("log4j2.loggerContextFactory", "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, Pipeline::load);
    }

    /** Runs a command; {@code pipeline} is asked only once the input has been read, and is left open. */
    static int run(String[] args, PrintStream out, PrintStream err, Supplier<Pipeline> pipeline) {
        if (args.length == 0) {
            err.println(USAGE_TEXT);
            return USAGE;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        try {
            return switch (args[0]) {
                case "analyze" -> AnalyzeCommand.run(Arguments.parse(rest), out, err, pipeline);
                case "evaluate" -> EvaluateCommand.run(Arguments.parse(rest), out, err, pipeline);
                case "bench" -> BenchCommand.run(Arguments.parse(rest), out, err, pipeline);
                case "train-sentiment" -> TrainSentimentCommand.run(Arguments.parse(rest), out, err, pipeline);
                case "train-criteria" -> TrainCriteriaCommand.run(Arguments.parse(rest), out, err, pipeline);
                default -> {
                    err.println("unknown command '" + args[0] + "'");
                    err.println(USAGE_TEXT);
                    yield USAGE;
                }
            };
        } catch (Arguments.Invalid e) {
            err.println(e.getMessage());
            err.println(USAGE_TEXT);
            return USAGE;
        }
    }
}
