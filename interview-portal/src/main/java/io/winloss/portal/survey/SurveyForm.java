package io.winloss.portal.survey;

import java.util.List;
import java.util.Map;

import io.winloss.portal.web.FieldError;

/** The buyer's survey page as a view model: each question with what was entered and its error, if any. */
public record SurveyForm(Survey survey, List<Field> fields, List<FieldError> errors) {

    /** One question on the page; {@code values} are what the buyer entered or saved as a draft. */
    public record Field(Question question, List<String> values, String error) {

        public boolean checked(String value) {
            return values.contains(value);
        }

        public boolean checkedNumber(int value) {
            return values.contains(String.valueOf(value));
        }

        public String text() {
            return values.isEmpty() ? "" : values.get(0);
        }

        public boolean isText() {
            return question.type() == QuestionType.FREE_TEXT;
        }

        public boolean isMultiple() {
            return question.type() == QuestionType.MULTIPLE_CHOICE;
        }

        public boolean isScale() {
            return question.type().isScale();
        }

        public String hint() {
            return switch (question.type()) {
                case RATING -> "1 = very poor, 5 = excellent";
                case LIKELIHOOD_TO_RECOMMEND -> "0 = not at all likely, 10 = extremely likely";
                case MULTIPLE_CHOICE -> "Choose all that apply";
                default -> null;
            };
        }
    }

    public static SurveyForm of(Survey survey, Map<String, List<String>> entered, List<FieldError> errors) {
        List<Field> fields = survey.questions().stream()
                .map(q -> new Field(q, entered.getOrDefault(q.id(), List.of()),
                        errors.stream().filter(e -> e.field().equals(q.id())).map(FieldError::message).findFirst().orElse(null)))
                .toList();
        return new SurveyForm(survey, fields, errors);
    }

    /** Nothing entered, saved as a draft or found wrong yet: the page every buyer first sees. */
    public boolean untouched() {
        return errors.isEmpty() && fields.stream().allMatch(f -> f.values().isEmpty() && f.error() == null);
    }

    /** The errors with the question's prompt instead of its id, for the summary above the form. */
    public List<FieldError> summary() {
        return errors.stream()
                .map(e -> new FieldError(survey.question(e.field()).map(Question::prompt).orElse(e.field()), e.message()))
                .toList();
    }
}
