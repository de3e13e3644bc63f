package io.winloss.nlp.tagging;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.stats.ClassicCounter;
import edu.stanford.nlp.stats.Counter;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the {@link CriteriaModel} sees of a sentence: its words as lower-case lemmas, pairs of neighbouring words
 * ("per seat", "go live"), and which criteria the shipped {@link CriteriaPatterns} find, so the hand-written rules
 * are evidence the model weighs, not the decision. Names and numbers are left out, as in {@link SentimentFeatures}:
 * a vendor's name or a figure says nothing about what the next buyer talks about. Words are not marked for
 * negation, unlike sentiment's: "not about price" is still about price (and cross-validation preferred it so).
 */
public final class CriteriaFeatures {

    static final String BIAS = "bias";
    /**
     * An embedding dimension's value as a feature is its value times this (a word's is 1; the embedding has unit
     * length over 384 dimensions): 4, the best of 2, 3 and 4 in cross-validation one writer at a time.
     */
    static final double EMBEDDING_SCALE = 4;

    private final Counter<String> values;

    private CriteriaFeatures(Counter<String> values) {
        this.values = values;
    }

    static CriteriaFeatures of(List<CoreLabel> tokens, List<CriteriaTagger.Match> matches) {
        Counter<String> values = new ClassicCounter<>();
        values.setCount(BIAS, 1);
        String previous = "<s>";
        for (int i = 0; i < tokens.size(); i++) {
            String word = word(tokens.get(i));
            if (word != null) {
                values.setCount(wordFeature(tokens, i, word), 1);
                values.setCount("b_" + previous + "_" + word, 1);
                previous = word;
            } else {
                previous = "<x>";
            }
        }
        for (CriteriaTagger.Match match : matches) {
            if (match.phrase().shipped()) {
                values.setCount(ruleFeature(match.phrase().criterion()), 1);
            }
        }
        return new CriteriaFeatures(values);
    }

    /**
     * These features with the sentence's {@link SentenceEmbeddings embedding}, dimension {@code i} as feature
     * {@code e<i>}, times {@link #EMBEDDING_SCALE}. Added to a sentence's or an utterance's features
     * once they are merged.
     */
    public CriteriaFeatures withEmbedding(float[] embedding) {
        return new CriteriaFeatures(SentenceEmbeddings.withFeatures(values, embedding, EMBEDDING_SCALE));
    }

    /** The features of several sentences read as one utterance: a feature is present if any sentence has it. */
    public static CriteriaFeatures merge(List<CriteriaFeatures> sentences) {
        Counter<String> values = new ClassicCounter<>();
        values.setCount(BIAS, 1);
        sentences.forEach(sentence -> sentence.values.keySet().forEach(feature -> values.setCount(feature, 1)));
        return new CriteriaFeatures(values);
    }

    /** The criteria the shipped patterns alone would tag, for comparing the model with the rules. */
    public Set<Criterion> ruleCriteria() {
        Set<Criterion> criteria = EnumSet.noneOf(Criterion.class);
        for (Criterion criterion : Criterion.values()) {
            if (values.containsKey(ruleFeature(criterion))) {
                criteria.add(criterion);
            }
        }
        return criteria;
    }

    Counter<String> values() {
        return values;
    }

    /** The feature of token {@code i}, or null for a name, a number or punctuation. */
    static String wordFeature(List<CoreLabel> tokens, int i) {
        String word = word(tokens.get(i));
        return word == null ? null : wordFeature(tokens, i, word);
    }

    private static String wordFeature(List<CoreLabel> tokens, int i, String word) {
        return "w_" + word;
    }

    private static String ruleFeature(Criterion criterion) {
        return "r_" + criterion.id();
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
