package io.winloss.nlp.cli;

import io.winloss.nlp.Pipeline;
import io.winloss.nlp.Progress;
import io.winloss.nlp.TaggedSentence;
import io.winloss.nlp.tagging.CompetitorList;
import io.winloss.nlp.tagging.InvalidTaggingRules;
import io.winloss.nlp.tagging.TaggingRules;
import io.winloss.nlp.transcript.Role;
import io.winloss.nlp.transcript.Transcript;
import io.winloss.nlp.transcript.TranscriptFormat;
import io.winloss.nlp.transcript.TranscriptReader;
import io.winloss.nlp.transcript.Turn;
import io.winloss.nlp.transcript.UnreadableTranscript;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * {@code analyze}: one JSON line per sentence on stdout, then the summary as the last line on stderr.
 * The input is read before the models load, so unreadable input fails at once with exit status 2.
 */
final class AnalyzeCommand {

    private AnalyzeCommand() {
    }

    static int run(Arguments args, PrintStream out, PrintStream err, Supplier<Pipeline> pipelines) {
        args.allowOnly("competitors", "format", "interviewer");
        if (args.positional().size() != 1) {
            throw new Arguments.Invalid("analyze needs exactly one FILE, or - for standard input");
        }
        String file = args.positional().get(0);
        Optional<TranscriptFormat> format = format(args.option("format").orElse("auto"));
        TaggingRules rules;
        String competitorFile = args.option("competitors").orElse(null);
        try {
            rules = TaggingRules.defaults().withCompetitors(competitors(competitorFile));
        } catch (IOException | InvalidTaggingRules e) {
            err.println("cannot read " + competitorFile + ": " + describe(e));
            return Main.UNREADABLE_INPUT;
        }
        Transcript transcript;
        try {
            transcript = read(file, format, args.all("interviewer"));
        } catch (UnreadableTranscript e) {
            err.println("cannot read " + file + ": " + e.getMessage());
            return Main.UNREADABLE_INPUT;
        } catch (IOException e) {
            err.println("cannot read " + file + ": " + describe(e));
            return Main.UNREADABLE_INPUT;
        }
        if (transcript.rolesInferred()) {
            err.println("roles inferred, no --interviewer given: " + interviewers(transcript));
        }
        Pipeline pipeline = pipelines.get();
        try {
            long started = System.nanoTime();
            List<TaggedSentence> sentences = format.filter(f -> f == TranscriptFormat.LINES).isPresent()
                    ? pipeline.analyzeUtterances(transcript.turns().stream().map(Turn::text).toList(), rules)
                    : pipeline.analyze(transcript, rules, Progress.NONE);
            double seconds = (System.nanoTime() - started) / 1e9;
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            for (TaggedSentence sentence : sentences) {
                writer.write(SentenceJson.line(sentence));
                writer.write('\n');
            }
            writer.flush();
            int tokens = sentences.stream().mapToInt(TaggedSentence::tokens).sum();
            err.printf(Locale.ROOT, "analyzed %d sentences, %d tokens in %.1f s (model load %.1f s)%n",
                    sentences.size(), tokens, seconds, pipeline.loadTime().toMillis() / 1000.0);
            return 0;
        } catch (IOException e) {
            err.println("cannot write the results: " + e.getMessage());
            return 1;
        }
    }

    private static Optional<TranscriptFormat> format(String name) {
        if (name.equalsIgnoreCase("auto")) {
            return Optional.empty();
        }
        return Optional.of(TranscriptFormat.byName(name)
                .orElseThrow(() -> new Arguments.Invalid("unknown format '" + name + "': use auto, txt, vtt, srt, docx or lines")));
    }

    static CompetitorList competitors(String file) throws IOException {
        if (file == null) {
            return CompetitorList.empty();
        }
        try (Reader reader = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
            return CompetitorList.parse(reader);
        }
    }

    private static Transcript read(String file, Optional<TranscriptFormat> format, List<String> interviewers)
            throws IOException, UnreadableTranscript {
        if (file.equals("-")) {
            return TranscriptReader.read(System.in, null, format, interviewers);
        }
        Path path = Path.of(file);
        if (Files.isDirectory(path)) {
            throw new UnreadableTranscript("it is a folder, not a file");
        }
        try (InputStream in = Files.newInputStream(path)) {
            return TranscriptReader.read(in, path.getFileName().toString(), format, interviewers);
        }
    }

    private static String interviewers(Transcript transcript) {
        String names = transcript.turns().stream().filter(t -> t.role() == Role.INTERVIEWER && !t.speaker().isEmpty())
                .map(Turn::speaker).distinct().collect(Collectors.joining(", "));
        return names.isEmpty() ? "each unnamed turn that is mostly questions is the interviewer's"
                : "the interviewer is " + names + " (asked the most questions)";
    }

    private static String describe(Exception e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
