package io.winloss.portal.postmortem;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What kind of contact with the buyer a touchpoint was; its id is the lower-case name, read case-insensitively. */
public enum TouchpointType {
    EMAIL, CALL, MEETING, DEMO, PROPOSAL, NEGOTIATION, OTHER;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The type named {@code id} in any case ({@code Call}, {@code CALL}), or empty. */
    public static Optional<TouchpointType> byId(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String wanted = id.strip();
        return Arrays.stream(values()).filter(t -> t.id().equalsIgnoreCase(wanted)).findFirst();
    }

    /** The ids, for error messages and forms. */
    public static String ids() {
        return String.join(", ", Arrays.stream(values()).map(TouchpointType::id).toList());
    }
}
