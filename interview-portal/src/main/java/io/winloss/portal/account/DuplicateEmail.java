package io.winloss.portal.account;

/** A user with this email already exists (emails are unique across the instance, because login is by email). */
public final class DuplicateEmail extends RuntimeException {

    public DuplicateEmail(String email) {
        super("a user with email " + email + " already exists");
    }
}
