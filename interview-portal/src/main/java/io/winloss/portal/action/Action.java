package io.winloss.portal.action;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * A post-mortem action as stored: what a team will do, who owns it, the metric it should move and the hypothesis it
 * tests, the themes and buyer quotes that led to it, and its three reviews. Lists are never null.
 *
 * @param themes   {@code kind:name}, the kinds of the themes page: {@code criterion:price}, {@code competitor:HubSpot},
 *                 {@code keyPhrase:onboarding}
 * @param evidence quote ids as the quote index names them ({@code interview:<id>#<index>},
 *                 {@code response:<id>#<question>}) or whole answer sheets ({@code response:<id>})
 * @param dealId   the deal whose post-mortem it came from, or null
 * @param segment  the segment the metric is measured on, or null for every deal
 */
public record Action(
        String id,
        String title,
        Team team,
        String ownerEmail,
        LocalDate startDate,
        LocalDate dueDate,
        Metric metric,
        List<String> themes,
        List<String> evidence,
        String hypothesis,
        String dealId,
        String segment,
        ActionStatus status,
        List<Review> reviews,
        String createdBy,
        Instant createdAt,
        Instant updatedAt) {

    public Action {
        themes = themes == null ? List.of() : List.copyOf(themes);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        reviews = reviews == null ? List.of() : List.copyOf(reviews);
    }

    /** The first review not recorded yet, while the action is open or in progress; the tracker sorts by it. */
    public Optional<Review> nextReview() {
        if (!status.active()) {
            return Optional.empty();
        }
        return reviews.stream().filter(Review::pending).findFirst();
    }

    /** The day it was created (UTC). */
    public LocalDate createdOn() {
        return createdAt == null ? null : LocalDate.ofInstant(createdAt, ZoneOffset.UTC);
    }

    /** Review {@code n} (1 to 3), if there is one. */
    public Optional<Review> review(int n) {
        return reviews.stream().filter(r -> r.n() == n).findFirst();
    }
}
