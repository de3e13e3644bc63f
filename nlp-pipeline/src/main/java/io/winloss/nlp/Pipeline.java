package io.winloss.nlp;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.sentiment.SentimentCoreAnnotations;
import edu.stanford.nlp.sentiment.SentimentModel;
import edu.stanford.nlp.util.ArrayCoreMap;
import edu.stanford.nlp.util.CoreMap;
import io.winloss.nlp.tagging.CriteriaFeatures;
import io.winloss.nlp.tagging.CriteriaPatterns;
import io.winloss.nlp.tagging.CriteriaTagger;
import io.winloss.nlp.tagging.EnglishWords;
import io.winloss.nlp.tagging.SentenceEmbeddings;
import io.winloss.nlp.tagging.SentenceTagger;
import io.winloss.nlp.tagging.SentimentFeatures;
import io.winloss.nlp.tagging.SentimentScorer;
import io.winloss.nlp.tagging.TaggingRules;
import io.winloss.nlp.transcript.Role;
import io.winloss.nlp.transcript.Transcript;
import io.winloss.nlp.transcript.Turn;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The one entry point of the NLP pipeline: a transcript or buyer answers in, tagged sentences out.
 * Loading reads the CoreNLP models (about 7 seconds); load one pipeline per process and share it, since
 * {@code analyze} is safe to call from any number of threads. CoreNLP work runs on the pipeline's own pool
 * of {@code threads} threads, so the process never runs more CoreNLP work at once than that, whoever calls.
 *
 * <pre>{@code
 * try (Pipeline pipeline = Pipeline.load()) {
 *     TaggingRules rules = TaggingRules.defaults().withCompetitors(CompetitorList.parse(reader));
 *     for (TaggedSentence s : pipeline.analyze(transcript, rules, Progress.NONE)) {
 *         System.out.println(s.role() + " " + s.text() + " " + s.criteria() + " " + s.sentiment());
 *     }
 * }
 * }</pre>
 */
public final class Pipeline implements AutoCloseable {

    /** Longer sentences (spoken run-ons) get a flat tree instead of a parse: parsing time grows with length. */
    public static final int MAX_PARSED_TOKENS = 80;

    private final StanfordCoreNLP splitter;
    private final StanfordCoreNLP annotator;
    /** Lower-case words of the sentiment model's vocabulary and of an English dictionary: names that need a name's reading. */
    private final Set<String> ordinaryWords;
    private final ExecutorService pool;
    private final SentenceEmbeddings embeddings;
    private final Duration loadTime;

    private Pipeline(int threads, ThreadFactory threadFactory) {
        long started = System.nanoTime();
        this.splitter = new StanfordCoreNLP(splitterSettings());
        this.annotator = new StanfordCoreNLP(annotatorSettings());
        this.ordinaryWords = Stream.concat(
                        SentimentModel.loadSerialized(SENTIMENT_MODEL).wordVectors.keySet().stream()
                                .filter(w -> w.equals(w.toLowerCase(Locale.ROOT))),
                        EnglishWords.all().stream())
                .collect(Collectors.toUnmodifiableSet());
        this.pool = Executors.newFixedThreadPool(threads, threadFactory);
        this.embeddings = SentenceEmbeddings.load();
        this.loadTime = Duration.ofNanos(System.nanoTime() - started);
    }

    /** Loads the models, with one CoreNLP thread per core. */
    public static Pipeline load() {
        return load(Runtime.getRuntime().availableProcessors());
    }

    public static Pipeline load(int threads) {
        AtomicInteger count = new AtomicInteger();
        return load(threads, task -> {
            Thread thread = new Thread(task, "corenlp-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Loads the models, with {@code threads} CoreNLP threads made by {@code threadFactory} (an application may, say,
     * run them at a lower priority than its request threads). They should be daemon threads, or {@link #close} called.
     */
    public static Pipeline load(int threads, ThreadFactory threadFactory) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        return new Pipeline(threads, threadFactory);
    }

    /** How long {@link #load} took. */
    public Duration loadTime() {
        return loadTime;
    }

    /** Every sentence of the transcript in spoken order; buyer sentences tagged by {@code rules}. */
    public List<TaggedSentence> analyze(Transcript transcript, TaggingRules rules, Progress progress) {
        SentenceTagger tagger = new SentenceTagger(rules, ordinaryWords::contains);
        List<Future<TaggedSentence>> results = new ArrayList<>();
        List<Turn> turns = transcript.turns();
        List<List<CoreMap>> split = new ArrayList<>();
        int buyerSentences = 0;
        for (Turn turn : turns) {
            List<CoreMap> sentences = split(turn.text());
            split.add(sentences);
            if (turn.role() == Role.BUYER) {
                buyerSentences += sentences.size();
            }
        }
        int total = buyerSentences;
        AtomicInteger done = new AtomicInteger();
        for (int t = 0; t < turns.size(); t++) {
            Turn turn = turns.get(t);
            int index = t;
            for (CoreMap sentence : split.get(t)) {
                if (turn.role() == Role.BUYER) {
                    results.add(pool.submit(() -> {
                        TaggedSentence tagged = tag(index, turn, transcript.rolesInferred(), sentence, tagger);
                        progress.sentencesDone(done.incrementAndGet(), total);
                        return tagged;
                    }));
                } else {
                    results.add(java.util.concurrent.CompletableFuture.completedFuture(TaggedSentence.context(
                            index, turn.speaker(), turn.role(), transcript.rolesInferred(), turn.start(),
                            text(sentence), tokens(sentence).size())));
                }
            }
        }
        return collect(results);
    }

    /**
     * Exactly one result per utterance (a survey answer, a line of {@code --format lines}), in order: the
     * union of its sentences' tags and the sentiment of the whole, weighted by sentence length.
     */
    public List<TaggedSentence> analyzeUtterances(List<String> utterances, TaggingRules rules) {
        List<Turn> turns = utterances.stream().map(u -> new Turn("", Role.BUYER, null, u)).toList();
        List<TaggedSentence> sentences = analyze(new Transcript(turns, false), rules, Progress.NONE);
        List<List<TaggedSentence>> byTurn = new ArrayList<>();
        utterances.forEach(u -> byTurn.add(new ArrayList<>()));
        sentences.forEach(s -> byTurn.get(s.turn()).add(s));
        List<TaggedSentence> merged = new ArrayList<>();
        for (int i = 0; i < utterances.size(); i++) {
            merged.add(Utterance.merge(i, utterances.get(i), byTurn.get(i)));
        }
        return merged;
    }

    /**
     * What the sentiment classifier sees of each utterance (its sentences merged), for training a classifier
     * on labelled buyer answers ({@code train-sentiment}).
     */
    public List<SentimentFeatures> sentimentFeatures(List<String> utterances) {
        List<Future<SentimentFeatures>> results = new ArrayList<>();
        for (String utterance : utterances) {
            List<CoreMap> sentences = split(utterance);
            results.add(pool.submit(() -> SentimentFeatures.merge(sentences.stream()
                    .map(this::annotate)
                    .map(s -> SentimentScorer.features(
                            s.get(SentimentCoreAnnotations.SentimentAnnotatedTree.class), tokens(s)))
                    .toList()).withEmbedding(embeddings.embed(utterance))));
        }
        return collect(results);
    }

    /**
     * What the criteria model sees of each utterance (its sentences merged), by the shipped patterns, for
     * training a model on labelled buyer answers ({@code train-criteria}).
     */
    public List<CriteriaFeatures> criteriaFeatures(List<String> utterances) {
        CriteriaTagger rules = new CriteriaTagger(CriteriaPatterns.defaults());
        List<Future<CriteriaFeatures>> results = new ArrayList<>();
        for (String utterance : utterances) {
            List<CoreMap> sentences = split(utterance);
            results.add(pool.submit(() -> CriteriaFeatures.merge(sentences.stream()
                    .map(this::annotate)
                    .map(s -> rules.features(tokens(s)))
                    .toList()).withEmbedding(embeddings.embed(utterance))));
        }
        return collect(results);
    }

    private TaggedSentence tag(int turnIndex, Turn turn, boolean rolesInferred, CoreMap sentence, SentenceTagger tagger) {
        CoreMap annotated = annotate(sentence);
        SentenceTagger.Tags tags = tagger.tag(annotated, embeddings.embed(text(sentence)));
        return new TaggedSentence(turnIndex, turn.speaker(), turn.role(), rolesInferred, turn.start(), text(sentence),
                tokens(sentence).size(), tags.competitors(), tags.candidateCompetitors(), tags.criteria(),
                tags.sentiment(), tags.score(), tags.aspects(), tags.keyPhrases());
    }

    /** Runs the annotators on one sentence of the splitter's output, as a document of its own. */
    private CoreMap annotate(CoreMap sentence) {
        Annotation single = new Annotation(text(sentence));
        List<CoreLabel> tokens = tokens(sentence);
        CoreMap copy = new ArrayCoreMap(sentence);
        copy.set(CoreAnnotations.TokenBeginAnnotation.class, 0);
        copy.set(CoreAnnotations.TokenEndAnnotation.class, tokens.size());
        copy.set(CoreAnnotations.SentenceIndexAnnotation.class, 0);
        single.set(CoreAnnotations.TokensAnnotation.class, tokens);
        single.set(CoreAnnotations.SentencesAnnotation.class, List.of(copy));
        annotator.annotate(single);
        return copy;
    }

    private List<CoreMap> split(String text) {
        if (text.isBlank()) {
            return List.of();
        }
        Annotation document = new Annotation(text);
        splitter.annotate(document);
        return document.get(CoreAnnotations.SentencesAnnotation.class);
    }

    private static String text(CoreMap sentence) {
        return sentence.get(CoreAnnotations.TextAnnotation.class);
    }

    private static List<CoreLabel> tokens(CoreMap sentence) {
        return sentence.get(CoreAnnotations.TokensAnnotation.class);
    }

    private static <T> List<T> collect(List<Future<T>> results) {
        List<T> sentences = new ArrayList<>(results.size());
        try {
            for (Future<T> result : results) {
                sentences.add(result.get());
            }
        } catch (InterruptedException e) {
            results.forEach(r -> r.cancel(true));
            Thread.currentThread().interrupt();
            throw new IllegalStateException("analysis interrupted", e);
        } catch (ExecutionException e) {
            results.forEach(r -> r.cancel(true));
            throw new IllegalStateException("CoreNLP failed on a sentence: " + e.getCause(), e.getCause());
        }
        return sentences;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    private static final String SENTIMENT_MODEL = "edu/stanford/nlp/models/sentiment/sentiment.ser.gz";

    private static Properties splitterSettings() {
        Properties settings = new Properties();
        settings.setProperty("annotators", "tokenize,ssplit");
        return settings;
    }

    /**
     * Only what the tags need, each chosen by measurement (README, "Speed"): the fast left-to-right tagger,
     * the four-class CRF recogniser without fine-grained classes, SUTime or numeric classifiers (it only has
     * to find organisations), and the shift-reduce parser, which is about ten times faster than the default
     * PCFG parser and gives the sentiment model the binarised trees it needs.
     */
    private static Properties annotatorSettings() {
        Properties settings = new Properties();
        settings.setProperty("annotators", "pos,lemma,ner,parse,sentiment");
        settings.setProperty("enforceRequirements", "false");
        settings.setProperty("pos.model", "edu/stanford/nlp/models/pos-tagger/english-left3words-distsim.tagger");
        settings.setProperty("ner.model", "edu/stanford/nlp/models/ner/english.conll.4class.distsim.crf.ser.gz");
        settings.setProperty("ner.applyFineGrained", "false");
        settings.setProperty("ner.useSUTime", "false");
        settings.setProperty("ner.applyNumericClassifiers", "false");
        settings.setProperty("ner.buildEntityMentions", "false");
        settings.setProperty("parse.model", "edu/stanford/nlp/models/srparser/englishSR.ser.gz");
        settings.setProperty("parse.binaryTrees", "true");
        settings.setProperty("parse.maxlen", String.valueOf(MAX_PARSED_TOKENS));
        settings.setProperty("sentiment.model", SENTIMENT_MODEL);
        return settings;
    }
}
