package io.winloss.portal.postmortem;

/** A root cause a post-mortem found, with where it lies. */
public record RootCause(String cause, RootCauseCategory category) {
}
