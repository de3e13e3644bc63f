package io.winloss.nlp.tagging;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.stats.ClassicCounter;
import edu.stanford.nlp.stats.Counter;
import edu.stanford.nlp.trees.Tree;
import java.util.List;
import java.util.Locale;

/**
 * What the {@link SentimentClassifier} sees of a part of a sentence: the domain {@link SentimentLexicon}'s score,
 * the general English lexicon's score (VADER's words, for wording the domain lexicon lacks), how many opinion
 * words of either occur (none: likely a plain fact), the
 * expected class of CoreNLP's sentiment model, the part's words as lower-case lemmas, marked {@code not_}
 * inside a negation ("never had an issue" gives {@code not_issue}), and pairs of neighbouring words
 * ("take forever", "go down"). Names and numbers are left out: a
 * vendor's name or a figure says nothing about the buyer's attitude in the next interview.
 */
public final class SentimentFeatures {

    static final String BIAS = "bias";
    /**
     * An embedding dimension's value as a feature is its value times this (a word's is 1; the embedding has unit
     * length over 384 dimensions): 3, the best of 2 and 3 in cross-validation one writer at a time.
     */
    static final double EMBEDDING_SCALE = 3;
    static final String LEXICON = "lexicon";
    static final String MODEL = "model";
    static final String GENERAL = "general";
    static final String OPINIONS = "opinions";
    private static final SentimentLexicon GENERAL_LEXICON = SentimentLexicon.general();

    private final Counter<String> values;

    private SentimentFeatures(Counter<String> values) {
        this.values = values;
    }

    static SentimentFeatures of(SentimentLexicon lexicon, Tree node, List<CoreLabel> tokens, int start, int end) {
        Counter<String> values = new ClassicCounter<>();
        values.setCount(BIAS, 1);
        values.setCount(LEXICON, lexicon.score(tokens, start, end));
        values.setCount(MODEL, node == null ? 0 : SentimentScorer.modelScore(node));
        values.setCount(GENERAL, GENERAL_LEXICON.score(tokens, start, end));
        int opinions = lexicon.count(tokens, start, end) + GENERAL_LEXICON.count(tokens, start, end);
        values.setCount(OPINIONS, opinions);
        String previous = "<s>";
        for (int i = start; i < end; i++) {
            String word = word(tokens.get(i));
            if (word != null) {
                values.setCount((SentimentLexicon.negated(tokens, start, i) ? "not_" : "w_") + word, 1);
                values.setCount("b_" + previous + "_" + word, 1);
                previous = word;
            } else {
                previous = "<x>";
            }
        }
        return new SentimentFeatures(values);
    }

    /**
     * These features with the sentence's {@link SentenceEmbeddings embedding}, dimension {@code i} as feature
     * {@code e<i>}, times {@link #EMBEDDING_SCALE}. Added to a sentence's or an utterance's features
     * once they are merged.
     */
    public SentimentFeatures withEmbedding(float[] embedding) {
        return new SentimentFeatures(SentenceEmbeddings.withFeatures(values, embedding, EMBEDDING_SCALE));
    }

    /** These features without the embedding: what the classifier of a part of a sentence sees. */
    SentimentFeatures withoutEmbedding() {
        return new SentimentFeatures(SentenceEmbeddings.withoutFeatures(values));
    }

    /**
     * The features of several sentences read as one utterance: lexicon scores and opinion counts add up, the model's scores
     * average, a word is present if any sentence has it.
     */
    public static SentimentFeatures merge(List<SentimentFeatures> sentences) {
        Counter<String> values = new ClassicCounter<>();
        values.setCount(BIAS, 1);
        for (SentimentFeatures sentence : sentences) {
            for (String feature : sentence.values.keySet()) {
                double value = sentence.values.getCount(feature);
                switch (feature) {
                    case BIAS -> { }
                    case LEXICON -> values.incrementCount(LEXICON, value);
                    case MODEL -> values.incrementCount(MODEL, value / sentences.size());
                    case GENERAL, OPINIONS -> values.incrementCount(feature, value);
                    default -> values.setCount(feature, 1);
                }
            }
        }
        return new SentimentFeatures(values);
    }

    Counter<String> values() {
        return values;
    }

    private static String word(CoreLabel token) {
        String tag = token.tag();
        if (tag == null || tag.startsWith("NNP") || tag.equals("CD")) {
            return null;
        }
        String lemma = token.lemma() != null ? token.lemma() : token.word();
        String lower = lemma.toLowerCase(Locale.ROOT);
        return lower.chars().anyMatch(Character::isLetter) ? lower : null;
    }
}
