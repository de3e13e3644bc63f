package io.winloss.portal.postmortem;

import java.time.Instant;
import java.util.List;

/**
 * A deal's post-mortem as stored: one per deal, replaced whole by each save, keeping who saved it last and when.
 * A deal nobody has written one for has the {@link #none} post-mortem ({@code editedAt} null).
 */
public record PostMortem(String dealId, String problem, List<String> whys, List<RootCause> rootCauses, String editedBy,
        Instant editedAt) {

    public PostMortem {
        whys = List.copyOf(whys);
        rootCauses = List.copyOf(rootCauses);
    }

    public static PostMortem none(String dealId) {
        return new PostMortem(dealId, null, List.of(), List.of(), null, null);
    }

    public boolean written() {
        return editedAt != null;
    }
}
