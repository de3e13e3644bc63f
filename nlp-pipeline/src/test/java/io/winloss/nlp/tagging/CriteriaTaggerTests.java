package io.winloss.nlp.tagging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class CriteriaTaggerTests {

    private final CriteriaTagger shipped = new CriteriaTagger(CriteriaPatterns.defaults());

    private List<String> criteria(CriteriaTagger tagger, String tagged) {
        return tagger.tag(Tokens.of(tagged), Tokens.NO_EMBEDDING).stream().map(Mention::target).toList();
    }

    @Test
    void negationKeepsTheCriterion() {
        assertThat(criteria(shipped, "it/PRP was/VBD/be not/RB about/IN price/NN at/IN all/DT")).containsExactly("price");
    }

    @Test
    void oneSentenceCanCarrySeveralCriteria() {
        assertThat(criteria(shipped, "the/DT integration/NN was/VBD/be great/JJ but/CC the/DT pricing/NN killed/VBD/kill it/PRP"))
                .containsExactly("integration", "price");
    }

    @Test
    void eachCriterionIsTaggedOnceAtItsFirstPhrase() {
        List<Mention> mentions = shipped.tag(Tokens.of("expensive/JJ and/CC the/DT discount/NN was/VBD/be tiny/JJ"), Tokens.NO_EMBEDDING);
        assertThat(mentions).hasSize(1);
        assertThat(mentions.get(0).start()).isZero();
    }

    @Test
    void aWiseWordIsAboutTheNounBeforeIt() {
        assertThat(criteria(shipped, "Support-wise/RB I/PRP never/RB called/VBD/call them/PRP")).containsExactly("support");
        assertThat(criteria(shipped, "Contract-wise/RB ,/, it/PRP was/VBD/be fine/JJ")).containsExactly("contract_terms");
        assertThat(criteria(shipped, "otherwise/RB it/PRP was/VBD/be fine/JJ")).isEmpty();
    }

    @Test
    void partOfSpeechLimitsAPattern() throws IOException {
        CriteriaTagger tagger = new CriteriaTagger(CriteriaPatterns.parse(new StringReader("support: support/nn")));
        assertThat(criteria(tagger, "their/PRP$ support/NN was/VBD/be slow/JJ")).containsExactly("support");
        assertThat(criteria(tagger, "it/PRP supports/VBZ/support SSO/NNP")).isEmpty();
    }

    @Test
    void prefixAndWildcardElementsMatch() throws IOException {
        CriteriaTagger tagger = new CriteriaTagger(CriteriaPatterns.parse(new StringReader(
                "integration: integrat*\ncontract_terms: locked * contract")));
        assertThat(criteria(tagger, "integrating/VBG/integrate with/IN SAP/NNP")).containsExactly("integration");
        assertThat(criteria(tagger, "we/PRP were/VBD/be locked/VBN/lock into/IN contract/NN"))
                .as("a phrase matches words as well as lemmas").containsExactly("contract_terms");
    }

    @Test
    void adminLinesExtendTheShippedPatterns() throws IOException {
        String sentence = "the/DT widgetry/NN was/VBD/be lacking/VBG/lack";
        assertThat(criteria(shipped, sentence)).doesNotContain("roi_value");
        CriteriaTagger extended = new CriteriaTagger(CriteriaPatterns.defaults().extendedWith(new StringReader("roi_value: widgetry")));
        assertThat(criteria(extended, sentence)).contains("roi_value");
    }

    @Test
    void withAModelTheModelDecidesAndAdminLinesStillAddTheirCriterion() throws IOException {
        CriteriaModel model = CriteriaModel.train(CriteriaModelTests.examples(), 1.0);
        String sentence = "the/DT widgetry/NN and/CC the/DT kickstart/NN";
        CriteriaPatterns extended = CriteriaPatterns.defaults().extendedWith(new StringReader("roi_value: widgetry"));

        assertThat(criteria(new CriteriaTagger(CriteriaPatterns.defaults(), model), sentence)).containsExactly("implementation");
        assertThat(criteria(new CriteriaTagger(extended, model), sentence)).containsExactly("roi_value", "implementation");
        assertThat(criteria(new CriteriaTagger(extended), sentence)).as("the rules alone").containsExactly("roi_value");
    }

    @Test
    void aCriterionTheModelFoundWithoutAPhraseIsPlacedAtItsStrongestWord() {
        CriteriaModel model = CriteriaModel.train(CriteriaModelTests.examples(), 1.0);

        List<Mention> mentions = new CriteriaTagger(CriteriaPatterns.defaults(), model)
                .tag(Tokens.of("so/RB the/DT kickstart/NN was/VBD/be rough/JJ"), Tokens.NO_EMBEDDING);

        assertThat(mentions).containsExactly(new Mention(Aspect.Kind.CRITERION, "implementation", 2, 3));
    }

    @Test
    void unknownCriterionIsRejectedWithItsLine() {
        assertThatThrownBy(() -> CriteriaPatterns.parse(new StringReader("price: cost\nvibes: vibe")))
                .isInstanceOf(InvalidTaggingRules.class)
                .hasMessage("line 2: unknown criterion 'vibes'");
    }
}
