package io.winloss.search.themes;

import java.util.List;

/**
 * The answer to "what comes up more often in these deals than in those": the sample sizes,
 * the ranked themes and a verdict on whether the sample can support any conclusion.
 */
public record ThemeReport(Sample sample, List<ThemeStats> themes, Verdict verdict) {

    public ThemeReport {
        themes = List.copyOf(themes);
    }
}
