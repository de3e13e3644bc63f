package io.winloss.portal.program;

import java.util.List;

/** A program's terms that passed {@link ProgramRules}; reminder days ascending. */
record NewProgram(String name, Program.Scope scope, double inviteAfterDays, List<Double> reminderAfterDays, String incentive) {

    NewProgram {
        reminderAfterDays = List.copyOf(reminderAfterDays);
    }
}
