package io.winloss.portal.competitor;

import java.util.List;

/** One competitor of a workspace's list: the canonical name tags carry, and other ways buyers say it. */
public record CompetitorEntry(String name, List<String> aliases) {

    public CompetitorEntry {
        aliases = aliases == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(aliases));
    }

    /** The entry as one line of the list's text format: {@code Name: alias, alias}. */
    public String line() {
        return aliases.isEmpty() ? name : name + ": " + String.join(", ", aliases);
    }
}
