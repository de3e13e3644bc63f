package io.winloss.portal.web;

/** The request contradicts the current state (a duplicate, or a change that is no longer allowed); answered 409. */
public class Conflict extends RuntimeException {

    public Conflict(String message) {
        super(message);
    }
}
