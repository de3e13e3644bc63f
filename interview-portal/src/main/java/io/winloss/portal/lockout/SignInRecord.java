package io.winloss.portal.lockout;

import java.time.Instant;

/**
 * What an account's own record says of its failed sign-ins, read together with the account when a sign-in loads it,
 * so a sign-in that succeeds costs no extra lookup for its lock.
 *
 * @param lockedUntil the end of the account's lock; null when it was never locked
 * @param failedSignIns whether failures are counted against it (a success then clears them)
 */
public record SignInRecord(Instant lockedUntil, boolean failedSignIns) implements java.io.Serializable {

    /** The record of an account that is held by something that may be signed in. */
    public interface Holder {
        SignInRecord signInRecord();
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
