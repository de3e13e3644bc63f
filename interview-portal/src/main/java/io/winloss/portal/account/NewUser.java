package io.winloss.portal.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import io.winloss.portal.web.FieldError;
import io.winloss.portal.web.InvalidInput;

/** A user to create, checked on construction: a plausible email, a password of at least 10 characters, a role. */
public record NewUser(String email, String password, Role role) {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    public static final int MIN_PASSWORD = 10;

    public NewUser {
        email = email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    /** Builds a user from raw fields, or throws {@link InvalidInput} naming every bad field. */
    public static NewUser of(String email, String password, String role) {
        List<FieldError> errors = new ArrayList<>();
        if (email == null || !EMAIL.matcher(email.trim()).matches()) {
            errors.add(new FieldError("email", "must be an email address"));
        }
        if (password == null || password.length() < MIN_PASSWORD) {
            errors.add(new FieldError("password", "must be at least " + MIN_PASSWORD + " characters"));
        }
        Role parsed = null;
        try {
            parsed = Role.valueOf(role == null ? "" : role.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("role", "must be one of ADMIN, ANALYST, INTERVIEWER"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return new NewUser(email, password, parsed);
    }
}
