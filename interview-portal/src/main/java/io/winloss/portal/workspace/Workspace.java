package io.winloss.portal.workspace;

/** A tenant: one company running its win-loss program. */
public record Workspace(WorkspaceId id, String name) {
}
