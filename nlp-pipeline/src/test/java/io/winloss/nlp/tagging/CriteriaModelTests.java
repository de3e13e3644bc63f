package io.winloss.nlp.tagging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** The model learns a criterion from labelled features, keeps its weights through writing and reading, and rejects bad weight files. */
class CriteriaModelTests {

    private static final CriteriaTagger RULES = new CriteriaTagger(CriteriaPatterns.defaults());

    private static CriteriaFeatures features(String tagged) {
        return RULES.features(Tokens.of(tagged));
    }

    /** "Onboarding" and "rollout" are implementation here; nothing in the patterns says "kickstart" is. */
    static List<CriteriaModel.Example> examples() {
        List<CriteriaModel.Example> examples = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            examples.add(new CriteriaModel.Example(features("the/DT kickstart/NN dragged/VBD/drag on/RP"), Set.of(Criterion.IMPLEMENTATION)));
            examples.add(new CriteriaModel.Example(features("their/PRP$ kickstart/NN was/VBD/be quick/JJ"), Set.of(Criterion.IMPLEMENTATION)));
            examples.add(new CriteriaModel.Example(features("we/PRP met/VBD/meet on/IN Tuesday/NNP"), Set.of()));
            examples.add(new CriteriaModel.Example(features("the/DT team/NN was/VBD/be small/JJ"), Set.of()));
        }
        return examples;
    }

    @Test
    void learnsASeparableCriterionFromWordsThePatternsDoNotKnow() {
        CriteriaModel model = CriteriaModel.train(examples(), 1.0);

        assertThat(model.criteria(features("honestly/RB the/DT kickstart/NN was/VBD/be rough/JJ"))).containsExactly(Criterion.IMPLEMENTATION);
        assertThat(model.criteria(features("we/PRP met/VBD/meet the/DT team/NN"))).isEmpty();
    }

    @Test
    void aCriterionNeverLabelledIsNeverTagged() {
        CriteriaModel model = CriteriaModel.train(examples(), 1.0);

        assertThat(model.criteria(features("the/DT price/NN was/VBD/be too/RB high/JJ"))).doesNotContain(Criterion.PRICE);
    }

    @Test
    void thePatternsAreFeaturesNotTheDecision() {
        CriteriaFeatures features = features("the/DT per/IN -/HYPH seat/NN fees/NNS/fee were/VBD/be high/JJ");

        assertThat(features.ruleCriteria()).containsExactly(Criterion.PRICE);
        assertThat(features.values().keySet()).contains("r_price", "w_fee", "b_seat_fee")
                .noneMatch(f -> f.startsWith("r_") && !f.equals("r_price"));
    }

    @Test
    void writtenWeightsReadBackToTheSameProbabilities() throws IOException {
        CriteriaModel trained = CriteriaModel.train(examples(), 1.0);
        StringWriter written = new StringWriter();
        trained.write(written);

        CriteriaModel read = CriteriaModel.read(new StringReader(written.toString()));

        CriteriaFeatures sentence = features("the/DT kickstart/NN was/VBD/be small/JJ");
        for (Criterion criterion : Criterion.values()) {
            assertThat(read.probability(criterion, sentence)).isCloseTo(trained.probability(criterion, sentence), Offset.offset(1e-3));
            assertThat(read.threshold(criterion)).isCloseTo(trained.threshold(criterion), Offset.offset(1e-4));
        }
        assertThat(written.toString().lines().filter(line -> !line.startsWith("#"))).allMatch(line -> line.split("\t").length == 3);
    }

    @Test
    void aBadWeightLineIsRejectedWithItsNumber() {
        assertThatThrownBy(() -> CriteriaModel.read(new StringReader("# weights\nprice\tw_fee\n")))
                .isInstanceOf(InvalidTaggingRules.class)
                .hasMessageContaining("line 2");
        assertThatThrownBy(() -> CriteriaModel.read(new StringReader("vibes\tw_fee\t1.0\n"))).hasMessageContaining("line 1");
        assertThatThrownBy(() -> CriteriaModel.read(new StringReader("price\tw_fee\tlots\n"))).hasMessageContaining("line 1");
    }
}
