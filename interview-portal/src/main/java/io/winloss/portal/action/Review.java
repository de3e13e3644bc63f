package io.winloss.portal.action;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * One of an action's three reviews: at six weeks, three months and six months after its start date. Recording it
 * keeps who reviewed, when, what they concluded, and the metric as it stood then ({@code seen}), so a later reader
 * knows what the reviewer was looking at.
 *
 * @param n    1, 2 or 3
 * @param seen the metric before and since the start when the review was recorded; null while pending
 */
public record Review(int n, LocalDate due, ReviewStatus status, String notes, Instant reviewedAt, String reviewer,
        MetricEffect seen) {

    /** What each review is called, by its number. */
    static final List<String> NAMES = List.of("Six-week review", "Three-month review", "Six-month review");

    /** The three review dates of an action that starts on {@code start}: + 42 days, + 3 months, + 6 months. */
    static List<LocalDate> dates(LocalDate start) {
        return List.of(start.plusDays(42), start.plusMonths(3), start.plusMonths(6));
    }

    public String name() {
        return NAMES.get(n - 1);
    }

    public boolean pending() {
        return status == ReviewStatus.PENDING;
    }

    /** The day it was recorded (UTC), or null while pending. */
    public LocalDate reviewedOn() {
        return reviewedAt == null ? null : LocalDate.ofInstant(reviewedAt, ZoneOffset.UTC);
    }

    /** Pending and due on or before {@code today}. */
    public boolean overdue(LocalDate today) {
        return pending() && !due.isAfter(today);
    }
}
