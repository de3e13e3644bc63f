package io.winloss.portal.survey;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import io.winloss.portal.web.FieldError;
import io.winloss.portal.web.InvalidInput;

/** What makes a survey askable: ids usable as form field names, a prompt each, choices for choice questions. */
final class SurveyRules {

    static final Pattern ID = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,39}");
    static final Pattern CHOICE_VALUE = Pattern.compile("[A-Za-z0-9_-]{1,40}");

    private SurveyRules() {
    }

    static void check(List<Question> questions) {
        List<FieldError> errors = new ArrayList<>();
        if (questions.isEmpty()) {
            errors.add(new FieldError("questions", "a survey needs at least one question"));
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < questions.size(); i++) {
            Question q = questions.get(i);
            String field = "question " + (i + 1);
            if (!ID.matcher(q.id()).matches() || !ids.add(q.id())) {
                errors.add(new FieldError(field, "id must be unique, start with a letter and use letters, digits or _"));
            }
            if (q.prompt() == null || q.prompt().isBlank()) {
                errors.add(new FieldError(field, "prompt must not be empty"));
            } else if (q.prompt().length() > 500) {
                errors.add(new FieldError(field, "prompt must be at most 500 characters"));
            }
            if (q.type().hasChoices()) {
                Set<String> values = new HashSet<>();
                if (q.choices().size() < 2) {
                    errors.add(new FieldError(field, "a choice question needs at least two choices"));
                }
                for (Choice c : q.choices()) {
                    if (!CHOICE_VALUE.matcher(c.value()).matches() || !values.add(c.value()) || c.label().isBlank()) {
                        errors.add(new FieldError(field, "choice \"" + c.value() + "\" needs a unique value (letters, digits, _ or -) and a label"));
                    }
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
    }
}
