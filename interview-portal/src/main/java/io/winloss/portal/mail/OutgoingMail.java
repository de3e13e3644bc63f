package io.winloss.portal.mail;

import java.util.Objects;

import io.winloss.portal.workspace.WorkspaceId;

/**
 * A mail to queue: rendered HTML and text bodies, and what it belongs to.
 *
 * @param invitationId the invitation this mail carries, or null
 * @param link the one link the mail is about (shown to admins to copy when mail cannot be sent), or null
 */
public record OutgoingMail(WorkspaceId workspace, String to, String subject, String html, String text,
        String invitationId, String link) {

    public OutgoingMail {
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(text, "text");
    }
}
