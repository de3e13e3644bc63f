package io.winloss.portal.account;

import java.time.Instant;

/** A staff account as pages and the API show it; never carries the password hash. */
public record User(String id, String email, Role role, boolean instanceOwner, Instant createdAt) {
}
