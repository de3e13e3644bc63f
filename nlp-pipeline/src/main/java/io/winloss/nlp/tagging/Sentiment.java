package io.winloss.nlp.tagging;

import java.util.Locale;
import java.util.Optional;

/** Three-way sentiment, as the API names it. */
public enum Sentiment {
    NEGATIVE,
    NEUTRAL,
    POSITIVE;

    /**
     * Scores at or beyond these are opinions. Buyers state complaints mildly and praise warmly, so the band
     * is asymmetric; it was chosen on the development split of the evaluation set.
     */
    static final double NEGATIVE_AT = -0.05;
    static final double POSITIVE_AT = 0.25;

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
