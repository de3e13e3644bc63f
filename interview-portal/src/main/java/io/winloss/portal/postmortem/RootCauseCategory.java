package io.winloss.portal.postmortem;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a root cause lies; its id is the lower-case name, read case-insensitively. */
public enum RootCauseCategory {
    PEOPLE, PROCESS, PRODUCT, PRICE, COMPETITION, OTHER;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<RootCauseCategory> byId(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String wanted = id.strip();
        return Arrays.stream(values()).filter(c -> c.id().equalsIgnoreCase(wanted)).findFirst();
    }

    public static String ids() {
        return String.join(", ", Arrays.stream(values()).map(RootCauseCategory::id).toList());
    }
}
