package io.winloss.portal.insight;

import java.util.List;

import io.winloss.portal.web.InvalidInput;
import io.winloss.search.ThemeRequest;

/**
 * The themes question that the themes page and {@code GET /api/themes} would ask with the same parameters, validated
 * the same way, for features that compute those themes elsewhere (a shared report): one set of defaults and rules.
 */
public final class ThemeQuestions {

    private ThemeQuestions() {
    }

    /**
     * The request for focus outcomes {@code outcome} (default {@code lost}) against {@code versus} (default
     * {@code won}), with {@code competitor} and {@code segment} filters and the dates {@code from}/{@code to}
     * ({@code yyyy-mm-dd}) applied to both sets; {@link InvalidInput} naming each bad field.
     */
    public static ThemeRequest request(List<String> outcome, List<String> versus, List<String> competitor,
            List<String> segment, String from, String to) {
        return new ThemesForm(outcome, versus, competitor, segment, from, to).toQuestion().request();
    }
}
