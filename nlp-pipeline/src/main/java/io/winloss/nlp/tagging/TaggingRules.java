package io.winloss.nlp.tagging;

/**
 * A workspace's own vocabulary for tagging, its competitors and its criteria patterns, and the sentiment
 * classifier (the shipped one unless an evaluation trains another).
 */
public record TaggingRules(CompetitorList competitors, CriteriaPatterns criteria, SentimentClassifier sentiment) {

    /** No competitors, the shipped criteria patterns and the shipped sentiment classifier. */
    public static TaggingRules defaults() {
        return new TaggingRules(CompetitorList.empty(), CriteriaPatterns.defaults(), Shipped.CLASSIFIER);
    }

    public TaggingRules withCompetitors(CompetitorList list) {
        return new TaggingRules(list, criteria, sentiment);
    }

    /** These rules with {@code patterns} for criteria, for a workspace that extends the shipped patterns. */
    public TaggingRules withCriteria(CriteriaPatterns patterns) {
        return new TaggingRules(competitors, patterns, sentiment);
    }

    public TaggingRules withSentiment(SentimentClassifier classifier) {
        return new TaggingRules(competitors, criteria, classifier);
    }

    /** Read once per process, on first use. */
    private static final class Shipped {
        static final SentimentClassifier CLASSIFIER = SentimentClassifier.defaults();
    }
}
