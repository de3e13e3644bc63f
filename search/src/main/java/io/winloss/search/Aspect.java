package io.winloss.search;

import java.util.Objects;

/**
 * What a buyer said about one competitor or one decision criterion within a sentence.
 *
 * @param kind      {@code competitor} or {@code criterion}
 * @param target    the competitor's canonical name or the criterion id
 * @param sentiment {@code positive}, {@code neutral} or {@code negative}
 */
public record Aspect(String kind, String target, String sentiment) {

    public Aspect {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(sentiment, "sentiment");
    }
}
