package io.winloss.portal.account;

import java.util.Locale;

/**
 * Who may create which account: admins any role, analysts interviewers only, so the people who run the interview
 * programme can bring in the third-party interviewers without being able to hand out workspace-wide access.
 */
final class CreatableRoles {

    private CreatableRoles() {
    }

    /** Whether {@code staff} may create an account with the role named {@code role} (as written in a request). */
    static boolean mayCreate(Staff staff, String role) {
        if (staff.isAdmin()) {
            return true;
        }
        return staff.role() == Role.ANALYST
                && role != null && role.trim().toUpperCase(Locale.ROOT).equals(Role.INTERVIEWER.name());
    }
}
