package io.winloss.portal.mail;

import java.time.Instant;

/** A mail as it stands in the outbox; {@code status} is pending, sending, sent, failed, bounced or withdrawn. */
public record OutboxMail(String id, String workspaceId, String to, String subject, String html, String text,
        String status, int attempts, Instant nextAttemptAt, String lastError, Instant createdAt, Instant sentAt,
        String invitationId, String link) {
}
