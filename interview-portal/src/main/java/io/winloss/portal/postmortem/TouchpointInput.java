package io.winloss.portal.postmortem;

/**
 * A touchpoint as a client sent it (JSON, a CSV line or a form), every field as text, before {@link TouchpointValidator}
 * reads it.
 */
public record TouchpointInput(String date, String type, String summary, String owner) {
}
