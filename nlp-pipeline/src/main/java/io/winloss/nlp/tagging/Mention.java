package io.winloss.nlp.tagging;

/**
 * Where a sentence names a competitor or a criterion: tokens {@code start} (inclusive) to {@code end} (exclusive).
 *
 * @param target a competitor's canonical name or a criterion id
 */
public record Mention(Aspect.Kind kind, String target, int start, int end) {
}
