package io.winloss.nlp.tagging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CompetitorTaggerTests {

    private static final Set<String> ORDINARY = Set.of("close", "gong", "notion", "box");

    private final CompetitorTagger tagger = new CompetitorTagger(list("""
            # canonical: aliases
            Salesforce: SFDC, Sales Cloud
            HubSpot
            Microsoft Dynamics 365: Dynamics, MS Dynamics
            Gong
            Close
            Monday.com: Monday
            """), ORDINARY::contains);

    private List<String> found(String tagged) {
        return tagger.tag(Tokens.of(tagged)).stream().map(Mention::target).toList();
    }

    @Test
    void matchesNamesAndAliasesWhateverTheirCase() {
        assertThat(found("we/PRP moved/VBD off/RP sfdc/NN and/CC onto/IN hubspot/NN")).containsExactly("Salesforce", "HubSpot");
    }

    @Test
    void matchesPossessivesAndPlurals() {
        assertThat(found("HubSpot/NNP 's/POS integration/NN beat/VBD the/DT Gongs/NNPS of/IN this/DT world/NN"))
                .containsExactly("HubSpot", "Gong");
    }

    @Test
    void matchesMultiWordAliasesAsOneMention() {
        List<Mention> mentions = tagger.tag(Tokens.of("Sales/NNP Cloud/NNP and/CC MS/NNP Dynamics/NNP were/VBD close/JJ"));
        assertThat(mentions).extracting(Mention::target).containsExactly("Salesforce", "Microsoft Dynamics 365");
        assertThat(mentions.get(0).start()).isZero();
        assertThat(mentions.get(0).end()).isEqualTo(2);
        assertThat(mentions.get(1).start()).isEqualTo(3);
    }

    @Test
    void neverMatchesInsideAnotherWord() {
        assertThat(found("the/DT ongoing/JJ hubspotting/NN of/IN salesforces-ish/JJ things/NNS")).isEmpty();
    }

    @Test
    void ordinaryWordAliasesCountOnlyWhenReadAsNames() {
        assertThat(found("we/PRP had/VBD a/DT close/JJ look/NN")).isEmpty();
        assertThat(found("we/PRP went/VBD with/IN Close/NN in/IN the/DT end/NN")).containsExactly("Close");
        assertThat(found("Gong/NNP 's/POS recording/NN was/VBD better/JJR")).containsExactly("Gong");
        assertThat(found("someone/NN hit/VBD a/DT gong/NN")).isEmpty();
    }

    @Test
    void aliasWithPunctuationMatchesAsCoreNlpSplitsIt() {
        assertThat(found("we/PRP tried/VBD Monday.com/NNP first/RB")).containsExactly("Monday.com");
    }

    @Test
    void competitorListReadsCanonicalNamesAndAliases() {
        CompetitorList list = list("Salesforce: SFDC, Sales Cloud\n\n# comment\nHubSpot\n");
        assertThat(list.competitors()).extracting(CompetitorList.Competitor::name).containsExactly("Salesforce", "HubSpot");
        assertThat(list.competitors().get(0).aliases()).containsExactly("SFDC", "Sales Cloud");
        assertThat(list.canonicalName("sales cloud")).contains("Salesforce");
        assertThat(list.canonicalName("Pipedrive")).isEmpty();
    }

    @Test
    void competitorWithoutANameIsRejectedWithItsLine() {
        assertThatThrownBy(() -> list("HubSpot\n: alias only\n"))
                .isInstanceOf(InvalidTaggingRules.class)
                .hasMessage("line 2: a competitor needs a name before the colon");
    }

    private static CompetitorList list(String text) {
        return CompetitorList.parse(text);
    }
}
