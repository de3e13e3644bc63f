package io.winloss.search.themes;

import java.util.Locale;
import java.util.Objects;

/**
 * One buyer's sentiment about one criterion of one product in one deal, as tagged in a
 * sentence's aspects. Aspects about the interviewed vendor's own product have
 * {@code competitor} null or {@link #US}.
 */
public record AspectSentiment(String competitor, String criterion, Sentiment sentiment, String dealId) {

    /** Marks an aspect about the workspace's own product; null means the same. */
    public static final String US = "us";

    /** The API's sentiment vocabulary. */
    public enum Sentiment {
        POSITIVE, NEUTRAL, NEGATIVE;

        /** The sentiment named {@code positive}, {@code neutral} or {@code negative}. */
        public static Sentiment of(String name) {
            return valueOf(name.toUpperCase(Locale.ROOT));
        }
    }

    public AspectSentiment {
        Objects.requireNonNull(criterion, "criterion");
        Objects.requireNonNull(sentiment, "sentiment");
        Objects.requireNonNull(dealId, "dealId");
        if (competitor == null) {
            competitor = US;
        }
    }

    public static AspectSentiment aboutUs(String criterion, Sentiment sentiment, String dealId) {
        return new AspectSentiment(US, criterion, sentiment, dealId);
    }

    public boolean aboutUs() {
        return US.equals(competitor);
    }
}
