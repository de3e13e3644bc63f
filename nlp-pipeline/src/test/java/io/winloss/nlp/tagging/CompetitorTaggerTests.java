package io.winloss.nlp.tagging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CompetitorTaggerTests {

    private static final Set<String> ORDINARY = Set.of("close", "gong", "notion", "box", "ramp", "monday");

    private final CompetitorTagger tagger = new CompetitorTagger(list("""
            # canonical: aliases
            Salesforce: SFDC, Sales Cloud
            HubSpot
            Microsoft Dynamics 365: Dynamics, MS Dynamics
            Gong
            Close
            Monday.com: Monday
            Notion
            Ramp
            Manhattan Associates: Manhattan
            Atlassian: Jira
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
    void lowerCaseOrdinaryWordIsNeverAName() {
        assertThat(found("the/DT loading/NN ramp/NN was/VBD icy/JJ")).isEmpty();
        assertThat(found("they/PRP ramp/VBP up/RP hiring/NN in/IN spring/NN")).isEmpty();
    }

    @Test
    void sentenceFirstOrdinaryWordIsANameBeforeItsVerbOrPossessive() {
        assertThat(found("Notion/NN was/VBD the/DT wiki/NN everyone/NN wanted/VBD")).containsExactly("Notion");
        assertThat(found("Notion/NN 's/POS pricing/NN was/VBD fair/JJ")).containsExactly("Notion");
        assertThat(found("Close/NN we/PRP only/RB saw/VBD once/RB")).containsExactly("Close");
        assertThat(found("Ramp/NN and/CC Gong/NNP came/VBD up/RP")).containsExactly("Ramp", "Gong");
        assertThat(found("Close/RB ,/, but/CC no/DT cigar/NN")).isEmpty();
        assertThat(found("Close/RB to/TO half/NN the/DT team/NN left/VBD")).isEmpty();
    }

    @Test
    void capitalAfterACommaIsANameReading() {
        assertThat(found("their/PRP$ term/NN was/VBD three/CD years/NNS ,/, Ramp/NN was/VBD monthly/JJ")).containsExactly("Ramp");
    }

    @Test
    void weekdayUsedAsADateIsNotTheVendor() {
        assertThat(found("the/DT import/NN failed/VBD on/IN a/DT Monday/NNP and/CC nobody/NN noticed/VBD")).isEmpty();
        assertThat(found("we/PRP meet/VBP Monday/NNP afternoon/NN")).isEmpty();
        assertThat(found("nobody/NN replied/VBD until/IN Monday/NNP")).isEmpty();
        assertThat(found("the/DT team/NN kept/VBD a/DT Monday/NNP board/NN for/IN it/PRP")).containsExactly("Monday.com");
        assertThat(found("we/PRP planned/VBD everything/NN in/IN Monday/NNP")).containsExactly("Monday.com");
    }

    @Test
    void placeAfterInIsNotTheCompanyNamedAfterIt() {
        assertThat(found("our/PRP$ buyer/NN met/VBD them/PRP at/IN a/DT fair/NN in/IN Manhattan/NNP/manhattan/LOCATION"))
                .isEmpty();
        assertThat(found("we/PRP chose/VBD Manhattan/NNP/manhattan/LOCATION for/IN the/DT warehouse/NN"))
                .containsExactly("Manhattan Associates");
        assertThat(found("our/PRP$ tickets/NNS live/VBP in/IN Jira/NNP/jira/LOCATION")).containsExactly("Atlassian");
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
