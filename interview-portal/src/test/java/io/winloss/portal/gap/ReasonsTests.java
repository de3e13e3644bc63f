package io.winloss.portal.gap;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How a rep's free-text reason is read. */
class ReasonsTests {

    private static String read(String text) {
        return Reasons.readRepReason(text).reason();
    }

    @Test
    void idsAndLabelsMatchWhateverTheCaseAndPunctuation() {
        assertThat(read("Price")).isEqualTo("price");
        assertThat(read("  PRICE ")).isEqualTo("price");
        assertThat(read("product_fit")).isEqualTo("product_fit");
        assertThat(read("Product fit")).isEqualTo("product_fit");
        assertThat(read("Security & Compliance")).isEqualTo("security_compliance");
        assertThat(read("ROI and value")).isEqualTo("roi_value");
        assertThat(read("Other")).isEqualTo("other");
        assertThat(Reasons.readRepReason("Other").understood()).isTrue();
    }

    @Test
    void commonCrmValuesMatchTheirCriterion() {
        assertThat(read("Pricing")).isEqualTo("price");
        assertThat(read("No Budget")).isEqualTo("timing_budget");
        assertThat(read("Product/Features")).isEqualTo("product_fit");
        assertThat(read("Relationship")).isEqualTo("sales_experience");
        assertThat(read("SOC 2")).isEqualTo("security_compliance");
    }

    @Test
    void anythingElseIsOtherAndNotUnderstood() {
        Reasons.Read sentence = Reasons.readRepReason("the price was fine, integration was not");
        assertThat(sentence.reason()).isEqualTo("other");
        assertThat(sentence.understood()).isFalse();
        assertThat(Reasons.readRepReason("Lost to competitor").understood()).isFalse();
        assertThat(Reasons.readRepReason("   ")).isNull();
        assertThat(Reasons.readRepReason(null)).isNull();
    }

    @Test
    void buyerAnswersOutsideTheVocabularyAreOther() {
        assertThat(Reasons.readBuyerAnswer("price")).isEqualTo("price");
        assertThat(Reasons.readBuyerAnswer(java.util.List.of("support"))).isEqualTo("support");
        assertThat(Reasons.readBuyerAnswer("something custom")).isEqualTo("other");
        assertThat(Reasons.readBuyerAnswer(4)).isNull();
        assertThat(Reasons.ALL).hasSize(14).endsWith("other");
    }
}
