package io.winloss.nlp.tagging;

/** A workspace's own vocabulary for tagging: its competitors and its criteria patterns. */
public record TaggingRules(CompetitorList competitors, CriteriaPatterns criteria) {

    /** No competitors and the shipped criteria patterns. */
    public static TaggingRules defaults() {
        return new TaggingRules(CompetitorList.empty(), CriteriaPatterns.defaults());
    }

    public TaggingRules withCompetitors(CompetitorList list) {
        return new TaggingRules(list, criteria);
    }
}
