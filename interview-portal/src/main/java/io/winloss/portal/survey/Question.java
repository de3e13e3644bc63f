package io.winloss.portal.survey;

import java.util.List;
import java.util.Objects;

/**
 * One question of a survey version. {@code id} is stable across versions, so answers to the same question
 * can be compared over time; it is also the form field name on the buyer's page.
 */
public record Question(String id, String prompt, QuestionType type, boolean required, List<Choice> choices) {

    public Question {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

    /** The label of a stored choice value, or the value itself if the choice has since been removed. */
    public String labelOf(String value) {
        return choices.stream().filter(c -> c.value().equals(value)).map(Choice::label).findFirst().orElse(value);
    }
}
