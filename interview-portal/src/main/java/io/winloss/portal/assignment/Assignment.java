package io.winloss.portal.assignment;

import java.time.Instant;

/** An interviewer assigned to a deal: they may see it and upload its interviews. */
public record Assignment(String dealId, String interviewerId, String interviewerEmail, String assignedBy, Instant assignedAt) {
}
