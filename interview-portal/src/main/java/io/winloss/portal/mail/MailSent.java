package io.winloss.portal.mail;

/** Published after a mail left for the SMTP server, so the feature that queued it can record that. */
public record MailSent(String workspaceId, String invitationId) {
}
