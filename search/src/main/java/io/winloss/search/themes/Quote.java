package io.winloss.search.themes;

import java.util.Objects;

/**
 * A sentence that may illustrate a theme, offered by the caller with a score saying how
 * representative it is (for example the absolute sentiment score); higher is better.
 */
public record Quote(String id, String text, double score) {

    public Quote {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        if (Double.isNaN(score)) {
            throw new IllegalArgumentException("quote " + id + " has no score");
        }
    }
}
