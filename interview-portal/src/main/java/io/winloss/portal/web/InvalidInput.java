package io.winloss.portal.web;

import java.util.List;

/** Input that breaks a rule; answered 400 with {@code {"errors":[{"field","message"}]}} and nothing stored. */
public class InvalidInput extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidInput(List<FieldError> errors) {
        super(errors.toString());
        this.errors = List.copyOf(errors);
    }

    public InvalidInput(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
