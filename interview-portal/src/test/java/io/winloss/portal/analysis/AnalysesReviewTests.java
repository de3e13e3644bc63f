package io.winloss.portal.analysis;

import static io.winloss.portal.analysis.AnalysisFixture.buyer;
import static io.winloss.portal.analysis.AnalysisFixture.interviewer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.mongodb.reactivestreams.client.MongoClient;

import io.winloss.portal.PortalTest;
import io.winloss.portal.store.Store;
import io.winloss.portal.web.NotFound;
import io.winloss.portal.workspace.WorkspaceId;

/**
 * Corrections are laid back on the sentences of a new analysis: on the same sentence when its text is still
 * there, wherever that text moved, nowhere when it is gone; and only buyer sentences can be corrected.
 */
@PortalTest
class AnalysesReviewTests {

    private static final Instant AT = Instant.parse("2026-04-02T10:00:00Z");

    @Autowired
    MongoClient mongo;

    private static Correction criteria(int index, String text, String... criteria) {
        return new Correction(index, text, null, List.of(criteria), null, "analyst@example.test", AT);
    }

    private static AnalysedSentence said(int index, String text) {
        return buyer(index, "Tom", text, List.of(), List.of("support"), "neutral", 0.0);
    }

    private static List<Integer> correctedIndexes(List<ReviewedSentence> reviewed) {
        return reviewed.stream().filter(ReviewedSentence::corrected).map(r -> r.machine().index()).toList();
    }

    @Test
    void sameTextAtTheSameIndexKeepsItsCorrection() {
        List<ReviewedSentence> reviewed = Analyses.review(
                List.of(interviewer(0, "Why?"), said(1, "Price mattered."), said(2, "Support was fine.")),
                List.of(criteria(1, "Price mattered.", "price")));

        assertThat(correctedIndexes(reviewed)).containsExactly(1);
        assertThat(reviewed.get(1).criteria()).containsExactly("price");
        assertThat(reviewed.get(1).machine().criteria()).as("the machine's tags stay beside it").containsExactly("support");
        assertThat(reviewed.get(2).criteria()).containsExactly("support");
    }

    @Test
    void textThatMovedToAnotherIndexTakesItsCorrectionAlong() {
        List<ReviewedSentence> reviewed = Analyses.review(
                List.of(interviewer(0, "Why?"), said(1, "A sentence split anew."), said(2, "Price mattered.")),
                List.of(criteria(1, "Price mattered.", "price")));

        assertThat(correctedIndexes(reviewed)).containsExactly(2);
        assertThat(reviewed.get(2).criteria()).containsExactly("price");
        assertThat(reviewed.get(1).criteria()).containsExactly("support");
    }

    @Test
    void aCorrectionWhoseTextIsGoneIsShownNowhere() {
        List<ReviewedSentence> reviewed = Analyses.review(
                List.of(interviewer(0, "Why?"), said(1, "Cost mattered.")),
                List.of(criteria(1, "Price mattered.", "price"), criteria(5, "Beyond the end.", "price")));

        assertThat(correctedIndexes(reviewed)).isEmpty();
    }

    @Test
    void aMovedCorrectionNeverLandsOnAnInterviewerSentence() {
        List<ReviewedSentence> reviewed = Analyses.review(
                List.of(interviewer(0, "Okay."), said(1, "Something new."), said(2, "Okay.")),
                List.of(criteria(1, "Okay.", "price")));

        assertThat(correctedIndexes(reviewed)).containsExactly(2);
        assertThat(reviewed.get(0).criteria()).as("interviewer sentences carry no tags").isEmpty();
    }

    @Test
    void aSentenceStillInPlaceDoesNotPushOutACorrectionThatMovedOntoIt() {
        // Two buyer sentences with the same text, both corrected; a new sentence is now in front of them.
        List<ReviewedSentence> reviewed = Analyses.review(
                List.of(said(0, "A new opening."), said(1, "Yes."), said(2, "Yes.")),
                List.of(criteria(0, "Yes.", "price"), criteria(1, "Yes.", "support", "price")));

        assertThat(correctedIndexes(reviewed)).as("both corrections are shown").containsExactly(1, 2);
    }

    @Test
    void onlyBuyerSentencesInRangeCanBeCorrected() {
        Store store = new Store(mongo.getDatabase("analyses-" + UUID.randomUUID()));
        Analyses analyses = new Analyses(store, new io.winloss.portal.insight.ChangeLog(store));
        WorkspaceId workspace = new WorkspaceId(UUID.randomUUID().toString());
        String target = "interview:review";
        AnalysisFixture.save(analyses, workspace, target, List.of(interviewer(0, "Why?"), said(1, "Price mattered.")));

        for (int index : new int[] {0, 2, -1}) {
            assertThatThrownBy(() -> analyses.correct(workspace, target, index, criteria(index, null, "price"))
                    .block(Duration.ofSeconds(10))).as("sentence %d", index).isInstanceOf(NotFound.class);
        }
        assertThatThrownBy(() -> analyses.correct(workspace, "interview:never-analysed", 0, criteria(0, null, "price"))
                .block(Duration.ofSeconds(10))).isInstanceOf(NotFound.class);

        ReviewedSentence corrected = analyses.correct(workspace, target, 1, criteria(1, null, "price")).block(Duration.ofSeconds(10));
        assertThat(corrected.criteria()).containsExactly("price");
        assertThat(analyses.read(workspace, target).block(Duration.ofSeconds(10)).get(1).correction().text())
                .as("the correction remembers the text it was made on").isEqualTo("Price mattered.");
    }
}
