package io.winloss.portal.analysis;

import java.time.Instant;
import java.util.List;

/**
 * A person's correction of one sentence's tags. A null field leaves the machine's tag as it is; a list replaces
 * the machine's list. {@code text} is the sentence the person saw, so the correction finds its sentence again
 * after a re-analysis.
 */
public record Correction(int index, String text, List<String> competitors, List<String> criteria, String sentiment,
        String by, Instant at) {
}
