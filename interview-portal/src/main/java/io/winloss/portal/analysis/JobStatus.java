package io.winloss.portal.analysis;

import java.util.Locale;

/** Where a job is; API.md's interview statuses are these names in lower case. */
public enum JobStatus {
    /** Waiting for a worker, including a retry waiting out its backoff. */
    QUEUED,
    /** Claimed by a worker whose lease has not run out. */
    ANALYZING,
    DONE,
    /** Given up: the input is unreadable or every attempt failed; {@code error} says why. */
    FAILED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    static JobStatus of(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }

    public boolean finished() {
        return this == DONE || this == FAILED;
    }
}
