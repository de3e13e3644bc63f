package io.winloss.portal.program;

import java.util.List;

/**
 * A program as a person or a script sent it, before any checking: numbers arrive as JSON numbers or text alike
 * (API.md: {@code name, outcomes, minAmount?, segments?, inviteAfterDays, reminderAfterDays, incentive?}).
 * {@link ProgramRules} turns it into a {@link NewProgram}.
 */
public record ProgramInput(String name, List<String> outcomes, String minAmount, List<String> segments,
        String inviteAfterDays, List<String> reminderAfterDays, String incentive) {

    public ProgramInput {
        outcomes = outcomes == null ? List.of() : outcomes;
        segments = segments == null ? List.of() : segments;
        reminderAfterDays = reminderAfterDays == null ? List.of() : reminderAfterDays;
    }
}
