package io.winloss.portal.action;

import java.util.Arrays;
import java.util.Optional;

/**
 * What an action should move, measured over closed deals (see {@link MetricReading}):
 * <ul>
 * <li>{@code winRate}: won ÷ (won + lost) deals; no-decision, churned and renewed deals are not counted;</li>
 * <li>{@code cycleDays}: mean days from open date to close date of won deals that have an open date;</li>
 * <li>{@code discountDepth}: mean discount (0 to 1) of won deals that have a discount.</li>
 * </ul>
 */
public enum Metric {
    WIN_RATE("winRate", "Win rate", true),
    CYCLE_DAYS("cycleDays", "Sales-cycle days", false),
    DISCOUNT_DEPTH("discountDepth", "Discount depth", false);

    private final String id;
    private final String label;
    private final boolean higherIsBetter;

    Metric(String id, String label, boolean higherIsBetter) {
        this.id = id;
        this.label = label;
        this.higherIsBetter = higherIsBetter;
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    /** A win rate should rise; cycle days and discount depth should fall. */
    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /** A proportion shown as a percentage (win rate, discount depth), or a number of days. */
    public boolean proportion() {
        return this != CYCLE_DAYS;
    }

    public static Optional<Metric> byId(String id) {
        return Arrays.stream(values()).filter(m -> m.id.equals(id == null ? "" : id.strip())).findFirst();
    }
}
