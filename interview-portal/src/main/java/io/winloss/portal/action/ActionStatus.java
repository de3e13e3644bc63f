package io.winloss.portal.action;

import java.util.Arrays;
import java.util.Optional;

/** Where an action stands. Done and dropped actions get no more review reminders. */
public enum ActionStatus {
    OPEN("open", "Open"),
    IN_PROGRESS("in_progress", "In progress"),
    DONE("done", "Done"),
    DROPPED("dropped", "Dropped");

    private final String id;
    private final String label;

    ActionStatus(String id, String label) {
        this.id = id;
        this.label = label;
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    /** Open or in progress: its reviews are still ahead and reminded. */
    public boolean active() {
        return this == OPEN || this == IN_PROGRESS;
    }

    public static Optional<ActionStatus> byId(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id == null ? "" : id.strip())).findFirst();
    }
}
