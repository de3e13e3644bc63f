package io.winloss.portal.invitation;

import java.time.Instant;

import io.winloss.portal.workspace.WorkspaceId;

/**
 * A buyer's invitation to the survey of one deal. The link's token is not here: only its hash is stored.
 *
 * @param incentive optional thank-you text shown in the mail and on the survey page, or null
 * @param bouncedAt when the mail server refused the address for good, or null
 * @param mayHaveDraft false while the buyer has saved no draft, so showing the survey needs no draft lookup
 */
public record Invitation(String id, WorkspaceId workspace, String dealId, String email, String incentive,
        Instant createdAt, Instant expiresAt, Instant sentAt, Instant openedAt, Instant answeredAt, Instant optedOutAt,
        Instant bouncedAt, boolean mayHaveDraft) {

    public boolean expired(Instant now) {
        return answeredAt == null && !now.isBefore(expiresAt);
    }

    /** What staff see: answered, opted_out, bounced, expired, opened, sent or queued, the first that applies. */
    public String status(Instant now) {
        if (answeredAt != null) {
            return "answered";
        }
        if (optedOutAt != null) {
            return "opted_out";
        }
        if (bouncedAt != null) {
            return "bounced";
        }
        if (expired(now)) {
            return "expired";
        }
        if (openedAt != null) {
            return "opened";
        }
        return sentAt != null ? "sent" : "queued";
    }
}
