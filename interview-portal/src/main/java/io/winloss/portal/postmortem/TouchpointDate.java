package io.winloss.portal.postmortem;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * When a touchpoint happened: a day ({@code 2026-03-31}) or a moment ({@code 2026-03-31T12:00:00Z}). A date-time is
 * kept as its instant in UTC (one without an offset is read as UTC), so the same moment written two ways is one date.
 *
 * @param instant null for a day
 */
public record TouchpointDate(LocalDate day, Instant instant) {

    public TouchpointDate {
        if (day == null) {
            throw new IllegalArgumentException("a touchpoint date needs its day");
        }
    }

    public static TouchpointDate ofDay(LocalDate day) {
        return new TouchpointDate(day, null);
    }

    public static TouchpointDate ofInstant(Instant instant) {
        return new TouchpointDate(instant.atOffset(ZoneOffset.UTC).toLocalDate(), instant);
    }

    /** Reads an ISO date or date-time; empty when the text is neither. */
    public static Optional<TouchpointDate> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String iso = text.strip();
        try {
            return Optional.of(ofDay(LocalDate.parse(iso)));
        } catch (DateTimeParseException notADay) {
            // try the date-times
        }
        try {
            return Optional.of(ofInstant(OffsetDateTime.parse(iso).toInstant()));
        } catch (DateTimeParseException notWithOffset) {
            // try without an offset
        }
        try {
            return Optional.of(ofInstant(LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    public boolean timed() {
        return instant != null;
    }

    /** As stored and answered: {@code 2026-03-31} or {@code 2026-03-31T12:00:00Z}. */
    public String iso() {
        return instant != null ? instant.toString() : day.toString();
    }

    /** Where it sorts among moments: a day counts from its start (UTC). */
    public Instant sortKey() {
        return instant != null ? instant : day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    @Override
    public String toString() {
        return iso();
    }
}
