package io.winloss.portal.account;

import io.winloss.portal.workspace.WorkspaceId;

/**
 * The signed-in person (or the API key acting for them). Controllers take a {@code Staff} parameter and
 * hand {@link #workspace()} to the stores, which is how every query gets its workspace.
 *
 * @param instanceOwner the admin created with the first workspace; may create more workspaces
 */
public record Staff(String userId, WorkspaceId workspace, String email, Role role, boolean instanceOwner)
        implements java.io.Serializable {

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    /** Admins and analysts: everyone who sees the whole workspace. */
    public boolean seesWholeWorkspace() {
        return role == Role.ADMIN || role == Role.ANALYST;
    }

    /** Interviewers see only the deals assigned to them. */
    public boolean isInterviewer() {
        return role == Role.INTERVIEWER;
    }
}
