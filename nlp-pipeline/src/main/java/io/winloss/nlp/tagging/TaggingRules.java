package io.winloss.nlp.tagging;

import java.util.Optional;

/**
 * A workspace's own vocabulary for tagging, its competitors and its criteria patterns, and the learned models:
 * the sentiment classifier and the criteria model (the shipped ones unless an evaluation trains others). With a
 * criteria model the model decides and the patterns a workspace added still add their criterion; without one
 * ({@link #withoutCriteriaModel}, or no {@code criteria-model.tsv} in the jar) the patterns alone decide.
 */
public record TaggingRules(CompetitorList competitors, CriteriaPatterns criteria, SentimentClassifier sentiment,
                           Optional<CriteriaModel> criteriaModel) {

    /** No competitors, the shipped criteria patterns and the shipped models. */
    public static TaggingRules defaults() {
        return new TaggingRules(CompetitorList.empty(), CriteriaPatterns.defaults(), Shipped.CLASSIFIER, Shipped.CRITERIA);
    }

    public TaggingRules withCompetitors(CompetitorList list) {
        return new TaggingRules(list, criteria, sentiment, criteriaModel);
    }

    /** These rules with {@code patterns} for criteria, for a workspace that extends the shipped patterns. */
    public TaggingRules withCriteria(CriteriaPatterns patterns) {
        return new TaggingRules(competitors, patterns, sentiment, criteriaModel);
    }

    public TaggingRules withSentiment(SentimentClassifier classifier) {
        return new TaggingRules(competitors, criteria, classifier, criteriaModel);
    }

    public TaggingRules withCriteriaModel(CriteriaModel model) {
        return new TaggingRules(competitors, criteria, sentiment, Optional.of(model));
    }

    /** These rules with criteria tagged by the patterns alone, as before there was a model. */
    public TaggingRules withoutCriteriaModel() {
        return new TaggingRules(competitors, criteria, sentiment, Optional.empty());
    }

    /** Read once per process, on first use. */
    private static final class Shipped {
        static final SentimentClassifier CLASSIFIER = SentimentClassifier.defaults();
        static final Optional<CriteriaModel> CRITERIA = CriteriaModel.shipped();
    }
}
