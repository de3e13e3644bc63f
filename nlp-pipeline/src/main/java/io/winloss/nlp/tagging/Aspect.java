package io.winloss.nlp.tagging;

/**
 * The sentiment toward one thing a sentence mentions: "HubSpot's integration was great but the price hurt"
 * is positive for integration and negative for price.
 *
 * @param kind      what the target is
 * @param target    a competitor's canonical name or a criterion id
 * @param sentiment the label of {@code score}
 * @param score     in [-2, 2]
 */
public record Aspect(Kind kind, String target, Sentiment sentiment, double score) {

    public enum Kind {
        COMPETITOR,
        CRITERION;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
