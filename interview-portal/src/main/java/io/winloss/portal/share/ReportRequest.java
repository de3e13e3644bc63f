package io.winloss.portal.share;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonFormat;

import io.winloss.portal.deal.Outcome;
import io.winloss.portal.insight.ThemeQuestions;
import io.winloss.portal.web.FieldError;
import io.winloss.portal.web.InvalidInput;

/**
 * A request to share the themes of some deals, from {@code POST /api/reports} or the themes page's share form: an
 * optional title, the themes page's filters (same names, defaults and rules as {@code GET /api/themes}), and how
 * long the link lives, either {@code expiresAt} (an instant, or a date meaning through that day, UTC) or
 * {@code validDays} (default {@value #DEFAULT_DAYS}, at most {@value #MAX_DAYS}).
 */
record ReportRequest(String title,
        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> outcome,
        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> versus,
        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> competitor,
        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> segment,
        String from, String to, String expiresAt, Integer validDays) {

    static final int DEFAULT_DAYS = 30;
    static final int MAX_DAYS = 365;
    static final int MAX_TITLE = 200;

    /** A request that passed every rule: what {@link SharedReports#share} stores. */
    record Valid(String title, ReportFilters filters, Instant expiresAt) {
    }

    /** The request checked at {@code now}; {@link InvalidInput} naming every bad field at once. */
    Valid validate(Instant now) {
        List<FieldError> errors = new ArrayList<>();
        ReportFilters filters = null;
        outcomes("outcome", outcome, errors);
        outcomes("versus", versus, errors);
        try {
            filters = ReportFilters.of(ThemeQuestions.request(outcome, versus, competitor, segment, from, to));
        } catch (InvalidInput e) {
            errors.addAll(e.errors());
        }
        String name = title == null ? "" : title.strip();
        if (name.length() > MAX_TITLE) {
            errors.add(new FieldError("title", "must be at most " + MAX_TITLE + " characters"));
        }
        Instant expires = expiry(now, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return new Valid(name.isEmpty() ? defaultTitle(filters) : name, filters, expires);
    }

    private Instant expiry(Instant now, List<FieldError> errors) {
        Instant latest = now.plus(Duration.ofDays(MAX_DAYS));
        boolean givenDate = expiresAt != null && !expiresAt.isBlank();
        if (givenDate && validDays != null) {
            errors.add(new FieldError("expiresAt", "give either expiresAt or validDays, not both"));
            return null;
        }
        if (givenDate) {
            Instant expires = instant(expiresAt.strip());
            if (expires == null) {
                errors.add(new FieldError("expiresAt", "must be a date like 2026-03-31 or an instant like 2026-03-31T12:00:00Z"));
            } else if (!expires.isAfter(now)) {
                errors.add(new FieldError("expiresAt", "must be in the future"));
            } else if (expires.isAfter(latest)) {
                errors.add(new FieldError("expiresAt", "must be at most " + MAX_DAYS + " days from now"));
            }
            return expires;
        }
        int days = validDays == null ? DEFAULT_DAYS : validDays;
        if (days < 1 || days > MAX_DAYS) {
            errors.add(new FieldError("validDays", "must be between 1 and " + MAX_DAYS));
            return null;
        }
        return now.plus(Duration.ofDays(days));
    }

    /** An instant as given, or a date taken as valid through its whole day (UTC); null when neither. */
    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notAnInstant) {
            try {
                return LocalDate.parse(text).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    /** Outcomes must be deal outcomes the API knows (the themes page offers only those). */
    private static void outcomes(String field, List<String> given, List<FieldError> errors) {
        if (given == null) {
            return;
        }
        List<String> unknown = given.stream().filter(v -> v != null && !v.isBlank())
                .filter(v -> Outcome.byId(v).filter(o -> o.id().equals(v.strip())).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            errors.add(new FieldError(field, "unknown outcome " + String.join(", ", unknown) + "; outcomes are "
                    + String.join(", ", Stream.of(Outcome.values()).map(Outcome::id).toList())));
        }
    }

    private static String defaultTitle(ReportFilters filters) {
        return "What " + String.join(" or ", filters.focus()) + " buyers say, against " + String.join(" or ", filters.baseline());
    }
}
