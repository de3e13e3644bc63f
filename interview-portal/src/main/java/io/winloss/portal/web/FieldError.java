package io.winloss.portal.web;

/** One reason a request was refused, in the shape API clients read: {@code {"field","message"}}. */
public record FieldError(String field, String message) {
}
