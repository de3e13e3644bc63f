package io.winloss.portal.account;

import java.util.List;

/** What a staff member may do in their workspace. Admins can do everything analysts can. */
public enum Role {
    ADMIN, ANALYST, INTERVIEWER;

    /** Spring Security authorities granted to this role. */
    List<String> authorities() {
        return switch (this) {
            case ADMIN -> List.of("ROLE_ADMIN", "ROLE_ANALYST");
            case ANALYST -> List.of("ROLE_ANALYST");
            case INTERVIEWER -> List.of("ROLE_INTERVIEWER");
        };
    }
}
