package io.winloss.portal.postmortem;

import java.time.Instant;

/** One contact with the buyer before the deal closed, as stored. */
public record Touchpoint(String id, String dealId, TouchpointDate date, TouchpointType type, String summary, String owner,
        Instant createdAt) {
}
