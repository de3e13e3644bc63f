package io.winloss.portal.action;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A review's outcome: {@code pending} until someone records it, then what the reviewer concluded about the metric:
 * moving the way the hypothesis said, not moving, or too early to tell.
 */
public enum ReviewStatus {
    PENDING("pending", "Not reviewed yet"),
    ON_TRACK("on_track", "On track"),
    OFF_TRACK("off_track", "Off track"),
    TOO_EARLY("too_early", "Too early to tell");

    /** What a reviewer may record; {@code pending} is only the state before. */
    public static final List<ReviewStatus> RECORDABLE = List.of(ON_TRACK, OFF_TRACK, TOO_EARLY);

    private final String id;
    private final String label;

    ReviewStatus(String id, String label) {
        this.id = id;
        this.label = label;
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    public static Optional<ReviewStatus> byId(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id == null ? "" : id.strip())).findFirst();
    }
}
