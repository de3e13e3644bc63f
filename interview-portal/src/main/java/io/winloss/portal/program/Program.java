package io.winloss.portal.program;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import io.winloss.portal.deal.Outcome;
import io.winloss.portal.workspace.WorkspaceId;

/**
 * A standing invitation program of one workspace: which closed deals are in scope, when their buyer is invited
 * (days after the close date, counted from midnight UTC of that date) and reminded (days after the invitation),
 * the thank-you offer shown to buyers, and the survey asked. A paused program ({@code active} false) sends nothing.
 *
 * @param survey which survey its buyers answer; {@value #CURRENT_SURVEY} (the workspace's latest) is the one choice so far
 */
public record Program(String id, WorkspaceId workspace, String name, Scope scope, double inviteAfterDays,
        List<Double> reminderAfterDays, String incentive, String survey, boolean active, Instant createdAt, Instant updatedAt) {

    public static final String CURRENT_SURVEY = "current";

    /**
     * Which deals a program is about (see {@link ProgramScope} for the rules).
     *
     * @param minAmount null for no minimum
     * @param segments empty for every segment
     */
    public record Scope(List<Outcome> outcomes, BigDecimal minAmount, List<String> segments) {

        public Scope {
            outcomes = List.copyOf(outcomes);
            segments = List.copyOf(segments);
        }
    }

    public Program {
        reminderAfterDays = List.copyOf(reminderAfterDays);
    }

    /** When the buyer of a deal closed on {@code closeDate} is due their invitation. */
    public Instant inviteAt(LocalDate closeDate) {
        return closeDate.atStartOfDay(ZoneOffset.UTC).toInstant().plus(days(inviteAfterDays));
    }

    /** When reminder {@code number} (1, 2, ...) is due after an invitation made at {@code invitedAt}; empty past the last. */
    public Optional<Instant> reminderAt(Instant invitedAt, int number) {
        if (number < 1 || number > reminderAfterDays.size()) {
            return Optional.empty();
        }
        return Optional.of(invitedAt.plus(days(reminderAfterDays.get(number - 1))));
    }

    /** The program's rules in one sentence, for its page. */
    public String describe() {
        StringBuilder text = new StringBuilder("Buyers of ")
                .append(String.join(", ", scope.outcomes().stream().map(Outcome::id).toList())).append(" deals");
        if (scope.minAmount() != null) {
            text.append(" of at least ").append(scope.minAmount().toPlainString());
        }
        if (!scope.segments().isEmpty()) {
            text.append(" in ").append(String.join(", ", scope.segments()));
        }
        text.append(inviteAfterDays == 0 ? ", invited at once"
                : ", invited " + inviteAfterText() + " days after the close date");
        text.append(reminderAfterDays.isEmpty() ? ", no reminders" : ", reminded " + remindersText() + " days after the invitation");
        if (incentive != null) {
            text.append(", offered: ").append(incentive);
        }
        return text.append('.').toString();
    }

    /** The invitation delay as people write it: {@code 3}, {@code 0.5}. */
    public String inviteAfterText() {
        return plain(inviteAfterDays).toPlainString();
    }

    /** The reminder days as people write them, {@code "3, 7.5"}; empty for none. */
    public String remindersText() {
        return String.join(", ", reminderAfterDays.stream().map(d -> plain(d).toPlainString()).toList());
    }

    /** 3 as {@code 3}, 7.5 as {@code 7.5}: days as people wrote them, without a trailing {@code .0} or an exponent. */
    static BigDecimal plain(double days) {
        return new BigDecimal(BigDecimal.valueOf(days).stripTrailingZeros().toPlainString());
    }

    /** A number of days, fractions included, to the millisecond. */
    static Duration days(double days) {
        return Duration.ofMillis(Math.round(days * Duration.ofDays(1).toMillis()));
    }
}
