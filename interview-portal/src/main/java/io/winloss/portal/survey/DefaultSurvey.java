package io.winloss.portal.survey;

import java.util.ArrayList;
import java.util.List;

import io.winloss.nlp.tagging.Criterion;

/** The questions asked until a workspace saves a survey of its own (version 0). */
final class DefaultSurvey {

    static final Survey SURVEY = new Survey(0, List.of(
            new Question("primaryReason", "What was the primary reason for your decision?", QuestionType.SINGLE_CHOICE, true,
                    reasons()),
            new Question("vendorComparison", "How did the vendors on your shortlist compare?", QuestionType.FREE_TEXT, false, List.of()),
            new Question("competitorsConsidered", "Which other vendors did you consider?", QuestionType.FREE_TEXT, false, List.of()),
            new Question("whatWouldHaveChanged", "What would have changed the outcome?", QuestionType.FREE_TEXT, false, List.of()),
            new Question("salesExperience", "How was your experience with our sales team?",
                    QuestionType.RATING, false, List.of()),
            new Question(Survey.ATTRIBUTION, "May we attribute your answers to you by name?", QuestionType.SINGLE_CHOICE, true,
                    List.of(new Choice(Survey.ATTRIBUTION_YES, "Yes, you may name me"),
                            new Choice("anonymous", "No, keep me anonymous to the vendor")))));

    private DefaultSurvey() {
    }

    /** The 13 decision criteria by id, plus "Other". */
    private static List<Choice> reasons() {
        List<Choice> choices = new ArrayList<>();
        for (Criterion criterion : Criterion.values()) {
            choices.add(new Choice(criterion.id(), criterion.label()));
        }
        choices.add(new Choice("other", "Other"));
        return choices;
    }
}
