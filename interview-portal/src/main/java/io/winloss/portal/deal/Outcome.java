package io.winloss.portal.deal;

import java.util.Arrays;
import java.util.Optional;

/** How a deal ended, with the ids fixed by the external API. */
public enum Outcome {
    WON("won"), LOST("lost"), NO_DECISION("no_decision"), CHURNED("churned"), RENEWED("renewed"), OPEN("open");

    private final String id;

    Outcome(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<Outcome> byId(String id) {
        return Arrays.stream(values()).filter(o -> o.id.equalsIgnoreCase(id == null ? "" : id.trim())).findFirst();
    }
}
