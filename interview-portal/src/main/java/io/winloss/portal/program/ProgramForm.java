package io.winloss.portal.program;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import io.winloss.portal.deal.Outcome;

/**
 * The program form's fields as typed, kept as text so a refused form shows back what was entered. Segments are one
 * line separated by ';' (a segment may hold spaces); reminder days are separated by ';', spaces or ", " (a comma
 * without a space stays, so "7,5" is refused instead of read as two reminders).
 */
public record ProgramForm(String name, List<String> outcomes, String minAmount, String segments, String inviteAfterDays,
        String reminderAfterDays, String incentive) {

    private static final Pattern DAYS_SEPARATOR = Pattern.compile("\\s*;\\s*|,\\s+|\\s+");

    public ProgramForm {
        outcomes = outcomes == null ? List.of() : outcomes;
    }

    static ProgramForm empty() {
        return new ProgramForm("", List.of(Outcome.WON.id(), Outcome.LOST.id()), "", "", "3", "3; 7", "");
    }

    static ProgramForm of(Program p) {
        return new ProgramForm(p.name(), p.scope().outcomes().stream().map(Outcome::id).toList(),
                p.scope().minAmount() == null ? "" : p.scope().minAmount().toPlainString(),
                String.join("; ", p.scope().segments()), p.inviteAfterText(), p.remindersText().replace(",", ";"),
                p.incentive() == null ? "" : p.incentive());
    }

    ProgramInput toInput() {
        return new ProgramInput(name, outcomes, minAmount,
                segments == null ? List.of() : Arrays.asList(segments.split(";")),
                inviteAfterDays,
                reminderAfterDays == null || reminderAfterDays.isBlank() ? List.of()
                        : Arrays.asList(DAYS_SEPARATOR.split(reminderAfterDays.strip())),
                incentive);
    }

    public boolean has(String outcome) {
        return outcomes.contains(outcome);
    }
}
