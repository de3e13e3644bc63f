package io.winloss.portal.account;

import java.time.Instant;

/** An API key as listed to admins: its name and visible prefix, never the key itself. */
public record ApiKey(String id, String name, String prefix, String ownerEmail, Instant createdAt) {

    /** A key just created: the only moment its secret is shown. */
    public record Issued(ApiKey key, String secret) {
    }
}
