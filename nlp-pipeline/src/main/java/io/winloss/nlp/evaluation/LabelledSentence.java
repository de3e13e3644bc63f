package io.winloss.nlp.evaluation;

import java.util.List;
import java.util.Set;

/**
 * One buyer sentence with the tags a person gave it, a line of the evaluation set
 * ({@code {"id","text","competitors","criteria","sentiment",...}}).
 */
public record LabelledSentence(String id, String text, Set<String> competitors, Set<String> criteria, String sentiment) {

    public LabelledSentence {
        competitors = Set.copyOf(competitors);
        criteria = Set.copyOf(criteria);
    }

    static LabelledSentence of(String id, String text, List<String> competitors, List<String> criteria, String sentiment) {
        return new LabelledSentence(id, text, Set.copyOf(competitors), Set.copyOf(criteria), sentiment);
    }
}
