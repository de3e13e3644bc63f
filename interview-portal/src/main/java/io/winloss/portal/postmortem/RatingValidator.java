package io.winloss.portal.postmortem;

import java.util.ArrayList;
import java.util.List;

import io.winloss.portal.web.FieldError;
import io.winloss.portal.web.InvalidInput;

/** The rules of a rating: a whole score from 1 to 5 and two optional texts of bounded length. */
final class RatingValidator {

    static final int MAX_TEXT = 2000;

    /** A checked rating, before it is stamped with who and when. */
    record Checked(int score, String worked, String biased) {
    }

    private RatingValidator() {
    }

    static Checked validate(RatingInput input) {
        List<FieldError> errors = new ArrayList<>();
        Integer score = null;
        if (input.score() == null || input.score().isBlank()) {
            errors.add(new FieldError("score", "is required: a whole number from 1 to 5"));
        } else {
            try {
                score = Integer.valueOf(input.score().strip());
            } catch (NumberFormatException e) {
                score = null;
            }
            if (score == null || score < 1 || score > 5) {
                errors.add(new FieldError("score", "must be a whole number from 1 to 5"));
            }
        }
        String worked = text(input.worked(), "worked", errors);
        String biased = text(input.biased(), "biased", errors);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return new Checked(score, worked, biased);
    }

    private static String text(String value, String field, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        if (text.length() > MAX_TEXT) {
            errors.add(new FieldError(field, "must be at most " + MAX_TEXT + " characters"));
        }
        return text;
    }
}
