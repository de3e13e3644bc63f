package io.winloss.search;

import java.time.LocalDate;
import java.util.List;

/**
 * One quote found by a search, with what a product manager needs to judge and open it.
 *
 * @param text      the sentence as the buyer said it (raw, untrusted: escape before display)
 * @param highlight the sentence HTML-escaped, with {@code <mark>..</mark>} around matched words; safe to embed
 */
public record Hit(
        String id,
        String text,
        String highlight,
        String dealId,
        String source,
        String sourceId,
        int sentenceIndex,
        String speaker,
        String role,
        String outcome,
        List<String> competitors,
        List<String> criteria,
        String sentiment,
        LocalDate date) {

    public Hit {
        competitors = List.copyOf(competitors);
        criteria = List.copyOf(criteria);
    }
}
