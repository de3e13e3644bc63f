package io.winloss.portal.survey;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.util.MultiValueMap;

import io.winloss.portal.web.FieldError;

/**
 * A buyer's form read against a survey version: the typed answers to store, what they entered (to show
 * again), and what is missing or malformed. Unknown fields are ignored, so a form cannot add answers.
 *
 * @param answers question id to an Integer (scales), a String (single choice, text) or a List of Strings
 * @param entered question id to the raw values, trimmed and capped, for re-showing the form or a draft
 * @param errors field = question id
 */
public record AnswerSheet(Survey survey, Map<String, Object> answers, Map<String, List<String>> entered, List<FieldError> errors) {

    static final int MAX_TEXT = 5000;

    public static AnswerSheet read(Survey survey, MultiValueMap<String, String> form) {
        Map<String, Object> answers = new LinkedHashMap<>();
        Map<String, List<String>> entered = new LinkedHashMap<>();
        List<FieldError> errors = new ArrayList<>();
        for (Question q : survey.questions()) {
            List<String> values = form.getOrDefault(q.id(), List.of()).stream()
                    .filter(v -> v != null && !v.isBlank())
                    .map(v -> v.length() > MAX_TEXT ? v.substring(0, MAX_TEXT) : v)
                    .map(v -> q.type() == QuestionType.FREE_TEXT ? v.strip() : v.trim())
                    .limit(Math.max(1, q.choices().size()))
                    .toList();
            if (!values.isEmpty()) {
                entered.put(q.id(), values);
            }
            Object answer = answer(q, values);
            if (answer == null && !values.isEmpty()) {
                errors.add(new FieldError(q.id(), "please choose one of the offered answers"));
            } else if (answer == null && q.required()) {
                errors.add(new FieldError(q.id(), "please answer this question"));
            } else if (answer != null) {
                answers.put(q.id(), answer);
            }
        }
        return new AnswerSheet(survey, answers, entered, errors);
    }

    /** The typed answer, or null when there is none or it is not one the question offers. */
    private static Object answer(Question q, List<String> values) {
        if (values.isEmpty()) {
            return null;
        }
        return switch (q.type()) {
            case FREE_TEXT -> values.get(0);
            case SINGLE_CHOICE -> offered(q, values.get(0)) ? values.get(0) : null;
            case MULTIPLE_CHOICE -> values.stream().allMatch(v -> offered(q, v)) ? values.stream().distinct().toList() : null;
            case RATING, LIKELIHOOD_TO_RECOMMEND -> scaleValue(q, values.get(0));
        };
    }

    private static boolean offered(Question q, String value) {
        return q.choices().stream().anyMatch(c -> c.value().equals(value));
    }

    private static Integer scaleValue(Question q, String value) {
        try {
            int n = Integer.parseInt(value);
            for (int allowed : q.type().scale()) {
                if (allowed == n) {
                    return n;
                }
            }
            return null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public boolean valid() {
        return errors.isEmpty();
    }

    /** The buyer allowed being named: the attribution question was answered "yes". */
    public boolean attributable() {
        return Survey.ATTRIBUTION_YES.equals(answers.get(Survey.ATTRIBUTION));
    }

    public String errorFor(String questionId) {
        return errors.stream().filter(e -> e.field().equals(questionId)).map(FieldError::message).findFirst().orElse(null);
    }
}
