package io.winloss.portal.mail;

/**
 * Published when the SMTP server refused a mail's recipient for good (the mail is parked as {@code bounced}), so the
 * feature that queued it can mark the address: an invitation stops its reminders.
 *
 * @param reason the server's words, for people to read
 */
public record MailBounced(String workspaceId, String invitationId, String to, String reason) {
}
