package io.winloss.portal.insight;

import java.time.Instant;
import java.util.Arrays;

/**
 * The bookkeeping behind {@link RebuildStatus}: the positions at which the latest rebuild logged its sources, so
 * that the number re-indexed is exact (other changes interleave with them in the log), and when it began and ended.
 * One rebuild at a time: {@link #claim} refuses a second while one runs. Thread-safe.
 */
final class RebuildProgress {

    private boolean rebuilding;
    private String reason;
    private Instant startedAt;
    private Instant finishedAt;
    private long fromPosition;
    /** The positions logged so far, increasing (the backfill logs one source after the other). */
    private long[] logged = new long[0];
    private int total;
    private boolean backfilled;
    private String error;

    /** Starts a rebuild unless one runs; answers whether it started. */
    synchronized boolean claim(String why, Instant now) {
        if (rebuilding) {
            return false;
        }
        rebuilding = true;
        reason = why;
        startedAt = now;
        finishedAt = null;
        fromPosition = 0;
        logged = new long[64];
        total = 0;
        backfilled = false;
        error = null;
        return true;
    }

    /** The replica is empty and committed at {@code position}. */
    synchronized void cleared(long position) {
        fromPosition = position;
    }

    /** One more source logged, at {@code position}. */
    synchronized void logged(long position) {
        if (total == logged.length) {
            logged = Arrays.copyOf(logged, Math.max(64, total * 2));
        }
        logged[total++] = position;
    }

    /** Every source is logged; the rebuild ends once the replica has committed the last of them. */
    synchronized void backfilled(long committed, Instant now) {
        backfilled = true;
        committed(committed, now);
    }

    /** The rebuild stopped before it had logged every source (or before it emptied the replica). */
    synchronized void failed(String why) {
        rebuilding = false;
        error = why;
    }

    /** The replica committed {@code position}: the rebuild has finished when that covers its last source. */
    synchronized void committed(long position, Instant now) {
        if (rebuilding && backfilled && position >= endPosition()) {
            rebuilding = false;
            finishedAt = now;
        }
    }

    synchronized RebuildStatus status(long committed) {
        long done = total == 0 ? 0 : upperBound(committed);
        return new RebuildStatus(rebuilding, reason, startedAt, finishedAt, fromPosition,
                backfilled ? endPosition() : null, committed, done, total, error);
    }

    private long endPosition() {
        return total == 0 ? fromPosition : logged[total - 1];
    }

    /** How many logged positions are at or below {@code position}. */
    private int upperBound(long position) {
        int low = 0;
        int high = total;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (logged[mid] <= position) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
