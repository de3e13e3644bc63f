package io.winloss.nlp.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeyPhrasesTests {

    @Test
    void keyPhrasesAreLemmatisedNounPhrasesWithoutStopWords() {
        var tokens = Tokens.of("the/DT audit/NN logs/NNS/log and/CC a/DT lot/NN of/IN custom/JJ dashboards/NNS/dashboard were/VBD/be great/JJ");
        assertThat(KeyPhrases.of(tokens, new boolean[tokens.size()])).containsExactly("audit log", "custom dashboard");
    }

    @Test
    void competitorWordsAreLeftOut() {
        var tokens = Tokens.of("HubSpot/NNP/HubSpot reporting/NN");
        boolean[] competitor = {true, false};
        assertThat(KeyPhrases.of(tokens, competitor)).containsExactly("reporting");
    }
}
