package io.winloss.portal.invitation;

import java.util.List;

import io.winloss.portal.analysis.ReviewedSentence;

/**
 * What the analysis found in one answer sheet's free-text answers, as people should read it (corrections
 * applied): one sentence per analysed answer, in the survey's order, its {@code speaker} the question's id.
 * {@code analysing} while the sheet's latest analysis job has not finished.
 */
record ResponseTags(boolean analysing, List<ReviewedSentence> answers) {

    ResponseTags {
        answers = List.copyOf(answers);
    }

    /** The answer's tags, or null when that answer was not analysed (not free text, empty, or not yet). */
    ReviewedSentence of(String questionId) {
        return answers.stream().filter(s -> questionId.equals(s.machine().speaker())).findFirst().orElse(null);
    }
}
