package io.winloss.portal.survey;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of question a survey may ask, with the ids stored in survey versions. */
public enum QuestionType {
    RATING("rating", "Rating 1-5"),
    SINGLE_CHOICE("single_choice", "Single choice"),
    MULTIPLE_CHOICE("multiple_choice", "Multiple choice"),
    FREE_TEXT("free_text", "Free text"),
    LIKELIHOOD_TO_RECOMMEND("likelihood_to_recommend", "Likelihood to recommend 0-10");

    private final String id;
    private final String label;

    QuestionType(String id, String label) {
        this.id = id;
        this.label = label;
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    public boolean hasChoices() {
        return this == SINGLE_CHOICE || this == MULTIPLE_CHOICE;
    }

    /** The numbers a scale question offers, empty for other types. */
    public int[] scale() {
        return switch (this) {
            case RATING -> new int[] {1, 2, 3, 4, 5};
            case LIKELIHOOD_TO_RECOMMEND -> new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
            default -> new int[0];
        };
    }

    public boolean isScale() {
        return scale().length > 0;
    }

    public static Optional<QuestionType> byId(String id) {
        return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst();
    }
}
