package io.winloss.nlp.tagging;

import java.util.Locale;
import java.util.Optional;

/** Three-way sentiment, as the API names it. */
public enum Sentiment {
    NEGATIVE,
    NEUTRAL,
    POSITIVE;

    /**
     * Scores at or beyond these are opinions. The score is {@code 2 * (P(positive) - P(negative))} of the
     * {@link SentimentClassifier}; the band was chosen by cross-validation on the development split.
     */
    static final double NEGATIVE_AT = -0.4;
    static final double POSITIVE_AT = 0.4;

    /** The label for a score in [-2, 2]. */
    public static Sentiment of(double score) {
        if (score <= NEGATIVE_AT) {
            return NEGATIVE;
        }
        return score >= POSITIVE_AT ? POSITIVE : NEUTRAL;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Sentiment> byId(String id) {
        for (Sentiment sentiment : values()) {
            if (sentiment.id().equals(id)) {
                return Optional.of(sentiment);
            }
        }
        return Optional.empty();
    }
}
