package io.winloss.nlp.cli;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import io.winloss.nlp.Pipeline;
import io.winloss.nlp.Progress;
import io.winloss.nlp.TaggedSentence;
import io.winloss.nlp.tagging.CompetitorList;
import io.winloss.nlp.tagging.TaggingRules;
import io.winloss.nlp.transcript.Transcript;
import io.winloss.nlp.transcript.TranscriptReader;
import io.winloss.nlp.transcript.Turn;
import io.winloss.nlp.transcript.UnreadableTranscript;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * {@code bench}: times the pipeline on a one-hour interview after warm-up, then CoreNLP's default full
 * pipeline ({@code tokenize,ssplit,pos,lemma,ner,parse,sentiment}, default settings) on the same text,
 * and prints sentences and tokens per second, model load times and peak heap for both.
 */
final class BenchCommand {

    private static final String INTERVIEW = "one-hour-interview.txt";
    /** The JIT needs about two passes over an interview before times settle (13.5 s, 10.2 s, then 5.5 s). */
    private static final int WARM_UP_RUNS = 3;
    private static final String COMPETITORS = """
            Salesforce: SFDC, Sales Cloud
            HubSpot
            Microsoft Dynamics 365: Dynamics, MS Dynamics, D365
            Pipedrive
            Gong
            Outreach
            Zendesk
            """;

    private BenchCommand() {
    }

    static int run(Arguments args, PrintStream out, PrintStream err, Supplier<Pipeline> pipelines) {
        args.allowOnly("text", "runs", "no-baseline");
        int runs = Integer.parseInt(args.option("runs").orElse("3"));
        Transcript transcript;
        TaggingRules rules;
        try {
            transcript = TranscriptReader.read(interview(args.option("text")), INTERVIEW, Optional.empty(), List.of());
            rules = TaggingRules.defaults().withCompetitors(CompetitorList.parse(new StringReader(COMPETITORS)));
        } catch (IOException | UnreadableTranscript e) {
            err.println("cannot read the interview: " + e.getMessage());
            return Main.UNREADABLE_INPUT;
        }
        String text = transcript.turns().stream().map(Turn::text).collect(Collectors.joining("\n\n"));
        out.printf(Locale.ROOT, "interview: %d turns, %d words, %d cores%n", transcript.turns().size(),
                text.split("\\s+").length, Runtime.getRuntime().availableProcessors());

        resetPeakHeap();
        Pipeline pipeline = pipelines.get();
        out.printf(Locale.ROOT, "pipeline: model load %.1f s%n", pipeline.loadTime().toMillis() / 1000.0);
        for (int warmUp = 0; warmUp < WARM_UP_RUNS; warmUp++) {
            pipeline.analyze(transcript, rules, Progress.NONE);
        }
        for (int run = 1; run <= runs; run++) {
            long started = System.nanoTime();
            List<TaggedSentence> sentences = pipeline.analyze(transcript, rules, Progress.NONE);
            double seconds = (System.nanoTime() - started) / 1e9;
            long tagged = sentences.stream().filter(TaggedSentence::tagged).count();
            int tokens = sentences.stream().mapToInt(TaggedSentence::tokens).sum();
            out.printf(Locale.ROOT, "pipeline run %d: %.2f s for the interview, %d sentences (%d buyer sentences tagged), "
                            + "%.0f sentences/s, %.0f tokens/s%n",
                    run, seconds, sentences.size(), tagged, sentences.size() / seconds, tokens / seconds);
        }
        out.printf(Locale.ROOT, "pipeline: peak heap %d MB%n", peakHeapMegabytes());
        if (args.flag("no-baseline")) {
            return 0;
        }
        if (BenchCommand.class.getClassLoader().getResource("edu/stanford/nlp/models/lexparser/englishPCFG.ser.gz") == null) {
            out.println("baseline skipped: CoreNLP's full models jar is not on the class path (mvn package copies it to nlp-pipeline/target/lib)");
            return 0;
        }
        System.gc();
        resetPeakHeap();
        Properties defaults = new Properties();
        defaults.setProperty("annotators", "tokenize,ssplit,pos,lemma,ner,parse,sentiment");
        long loading = System.nanoTime();
        StanfordCoreNLP corenlp = new StanfordCoreNLP(defaults);
        out.printf(Locale.ROOT, "default CoreNLP: model load %.1f s%n", (System.nanoTime() - loading) / 1e9);
        corenlp.annotate(new Annotation(text.substring(0, Math.min(text.length(), 3000))));
        long started = System.nanoTime();
        Annotation document = new Annotation(text);
        corenlp.annotate(document);
        double seconds = (System.nanoTime() - started) / 1e9;
        int sentences = document.get(CoreAnnotations.SentencesAnnotation.class).size();
        int tokens = document.get(CoreAnnotations.TokensAnnotation.class).size();
        out.printf(Locale.ROOT, "default CoreNLP run: %.2f s for the interview, %d sentences, %.0f sentences/s, %.0f tokens/s%n",
                seconds, sentences, sentences / seconds, tokens / seconds);
        out.printf(Locale.ROOT, "default CoreNLP: peak heap %d MB%n", peakHeapMegabytes());
        return 0;
    }

    private static InputStream interview(Optional<String> file) throws IOException {
        if (file.isPresent()) {
            return new ByteArrayInputStream(Files.readAllBytes(Path.of(file.get())));
        }
        InputStream bundled = BenchCommand.class.getResourceAsStream(INTERVIEW);
        if (bundled == null) {
            throw new IOException(INTERVIEW + " is missing from the jar");
        }
        return bundled;
    }

    private static void resetPeakHeap() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeapMegabytes() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed())
                .sum() >> 20;
    }
}
