package io.winloss.nlp.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import io.winloss.nlp.Pipeline;
import io.winloss.nlp.SharedPipeline;
import io.winloss.nlp.TaggedSentence;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped criteria model, on real CoreNLP annotations: it loads, it tags, and workspace patterns still add their criterion. */
class CriteriaModelIT {

    private final Pipeline pipeline = SharedPipeline.get();

    private List<Criterion> criteria(String sentence, TaggingRules rules) {
        return pipeline.analyzeUtterances(List.of(sentence), rules).get(0).criteria();
    }

    @Test
    void theShippedModelLoadsAndTagsPrice() {
        assertThat(TaggingRules.defaults().criteriaModel()).isPresent();

        assertThat(criteria("the per-seat fees were twice what we budgeted", TaggingRules.defaults())).contains(Criterion.PRICE);
    }

    @Test
    void aWorkspaceAddedPatternStillAddsItsCriterion() throws IOException {
        String sentence = "Honestly the widgetry was what mattered to us.";
        TaggingRules shipped = TaggingRules.defaults();
        TaggingRules extended = shipped.withCriteria(CriteriaPatterns.defaults().extendedWith(new StringReader("roi_value: widgetry")));

        assertThat(criteria(sentence, shipped)).doesNotContain(Criterion.ROI_VALUE);
        assertThat(criteria(sentence, extended)).contains(Criterion.ROI_VALUE);
    }

    @Test
    void theRulesAloneRemainAvailable() {
        TaggedSentence tagged = pipeline.analyzeUtterances(List.of("It wasn't about price at all."),
                TaggingRules.defaults().withoutCriteriaModel()).get(0);

        assertThat(tagged.criteria()).containsExactly(Criterion.PRICE);
    }
}
