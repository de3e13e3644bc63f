package io.winloss.portal.analysis;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A sentence as people should read it: the machine's tags with a person's correction on top. The machine's
 * tags stay beside the result, so machine and human tags are told apart everywhere.
 */
public record ReviewedSentence(AnalysedSentence machine, Correction correction) {

    public List<String> competitors() {
        return correction != null && correction.competitors() != null ? correction.competitors() : machine.competitors();
    }

    public List<String> criteria() {
        return correction != null && correction.criteria() != null ? correction.criteria() : machine.criteria();
    }

    public String sentiment() {
        return correction != null && correction.sentiment() != null ? correction.sentiment() : machine.sentiment();
    }

    public boolean corrected() {
        return correction != null;
    }

    /** Tags a person added that the machine did not give: {@code competitor:HubSpot}, {@code criterion:price}. */
    public Set<String> added() {
        Set<String> added = new LinkedHashSet<>();
        competitors().stream().filter(c -> !machine.competitors().contains(c)).forEach(c -> added.add("competitor:" + c));
        criteria().stream().filter(c -> !machine.criteria().contains(c)).forEach(c -> added.add("criterion:" + c));
        return added;
    }

    /** Machine tags a person removed. */
    public Set<String> removed() {
        Set<String> removed = new LinkedHashSet<>();
        machine.competitors().stream().filter(c -> !competitors().contains(c)).forEach(c -> removed.add("competitor:" + c));
        machine.criteria().stream().filter(c -> !criteria().contains(c)).forEach(c -> removed.add("criterion:" + c));
        return removed;
    }

    public boolean sentimentChanged() {
        return machine.sentiment() != null && !machine.sentiment().equals(sentiment());
    }
}
