package io.winloss.portal.program;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.winloss.portal.deal.Outcome;
import io.winloss.portal.web.FieldError;
import io.winloss.portal.web.InvalidInput;

/**
 * The one set of rules for a program's terms, shared by the API and the pages; it reports every broken rule at once,
 * with API.md's field names. Reminders must fall before the invitation link expires, or they would link to a closed
 * survey.
 */
final class ProgramRules {

    static final int MAX_NAME = 200;
    static final int MAX_SEGMENTS = 50;
    static final int MAX_REMINDERS = 10;
    static final int MAX_INCENTIVE = 500;
    static final double MAX_INVITE_AFTER_DAYS = 365;
    /** Outcomes of closed deals: an open deal has no buyer decision to ask about. */
    static final List<Outcome> CLOSED = List.of(Outcome.WON, Outcome.LOST, Outcome.NO_DECISION, Outcome.CHURNED, Outcome.RENEWED);
    private static final String CLOSED_IDS = CLOSED.stream().map(Outcome::id).collect(Collectors.joining(", "));

    private ProgramRules() {
    }

    /** The checked terms, or {@link InvalidInput} listing every bad field; {@code invitationValidDays} bounds reminders. */
    static NewProgram validate(ProgramInput in, int invitationValidDays) {
        List<FieldError> errors = new ArrayList<>();

        String name = blankToNull(in.name());
        if (name == null) {
            errors.add(new FieldError("name", "is required"));
        } else if (name.length() > MAX_NAME) {
            errors.add(new FieldError("name", "must be at most " + MAX_NAME + " characters"));
        }

        Set<Outcome> outcomes = new LinkedHashSet<>();
        for (String id : in.outcomes()) {
            Outcome outcome = Outcome.byId(id).filter(CLOSED::contains).orElse(null);
            if (outcome == null) {
                errors.add(new FieldError("outcomes", "unknown outcome " + quoted(id) + " (one of " + CLOSED_IDS + ")"));
            } else {
                outcomes.add(outcome);
            }
        }
        if (in.outcomes().isEmpty()) {
            errors.add(new FieldError("outcomes", "name at least one outcome (" + CLOSED_IDS + ")"));
        }

        BigDecimal minAmount = null;
        String amountText = blankToNull(in.minAmount());
        if (amountText != null) {
            try {
                minAmount = new BigDecimal(amountText);
                if (minAmount.signum() < 0) {
                    errors.add(new FieldError("minAmount", "must not be negative"));
                } else if (minAmount.precision() - minAmount.scale() > 15) {
                    errors.add(new FieldError("minAmount", "must have at most 15 digits before the point"));
                }
            } catch (NumberFormatException e) {
                errors.add(new FieldError("minAmount", "must be a number such as 10000"));
            }
        }

        Set<String> segments = new LinkedHashSet<>();
        for (String segment : in.segments()) {
            String text = blankToNull(segment);
            if (text == null) {
                continue;
            }
            if (text.length() > MAX_NAME) {
                errors.add(new FieldError("segments", "a segment must be at most " + MAX_NAME + " characters"));
            } else {
                segments.add(text);
            }
        }
        if (segments.size() > MAX_SEGMENTS) {
            errors.add(new FieldError("segments", "at most " + MAX_SEGMENTS + " segments"));
        }

        Double inviteAfterDays = days(in.inviteAfterDays(), "inviteAfterDays", errors);
        if (blankToNull(in.inviteAfterDays()) == null) {
            errors.add(new FieldError("inviteAfterDays", "is required (days after the close date; 0 invites at once)"));
        } else if (inviteAfterDays != null && (inviteAfterDays < 0 || inviteAfterDays > MAX_INVITE_AFTER_DAYS)) {
            errors.add(new FieldError("inviteAfterDays", "must be between 0 and " + (int) MAX_INVITE_AFTER_DAYS));
        }

        TreeSet<Double> reminders = new TreeSet<>();
        for (String text : in.reminderAfterDays()) {
            Double day = days(text, "reminderAfterDays", errors);
            if (day == null) {
                if (blankToNull(text) == null) {
                    errors.add(new FieldError("reminderAfterDays", "must be numbers of days, such as [3, 7.5]"));
                }
            } else if (day <= 0 || day >= invitationValidDays) {
                errors.add(new FieldError("reminderAfterDays", "each must be more than 0 and less than the "
                        + invitationValidDays + " days an invitation link stays valid, was " + text.strip()));
            } else if (!reminders.add(day)) {
                errors.add(new FieldError("reminderAfterDays", "day " + text.strip() + " is given twice"));
            }
        }
        if (in.reminderAfterDays().size() > MAX_REMINDERS) {
            errors.add(new FieldError("reminderAfterDays", "at most " + MAX_REMINDERS + " reminders"));
        }

        String incentive = blankToNull(in.incentive());
        if (incentive != null && incentive.length() > MAX_INCENTIVE) {
            errors.add(new FieldError("incentive", "must be at most " + MAX_INCENTIVE + " characters"));
        }

        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return new NewProgram(name, new Program.Scope(List.copyOf(outcomes), minAmount, List.copyOf(segments)),
                inviteAfterDays, List.copyOf(reminders), incentive);
    }

    private static Double days(String text, String field, List<FieldError> errors) {
        String value = blankToNull(text);
        if (value == null) {
            return null;
        }
        try {
            // BigDecimal reads plain and exponent notation only (Double would take "3d" or "NaN")
            return new BigDecimal(value).doubleValue();
        } catch (NumberFormatException e) {
            errors.add(new FieldError(field, "must be a number of days, such as 3 or 7.5, was " + quoted(value)));
            return null;
        }
    }

    private static String quoted(String value) {
        String text = value == null ? "" : value.strip();
        return "\"" + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "\"";
    }

    private static String blankToNull(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
