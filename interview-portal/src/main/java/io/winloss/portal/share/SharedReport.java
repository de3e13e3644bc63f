package io.winloss.portal.share;

import java.time.Instant;

import io.winloss.portal.workspace.WorkspaceId;

/**
 * A read-only themes report shared by link with the wider company: what it asks, until when its link works, and
 * who shared it (for the workspace's own list only: the report itself never says).
 *
 * @param sharedBy the email of the analyst or admin who shared it
 */
record SharedReport(String id, WorkspaceId workspace, String title, ReportFilters filters, Instant createdAt,
        Instant expiresAt, String sharedBy) {

    /** True from {@code expiresAt} on: the link then answers 410. */
    boolean expired(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
