package io.winloss.portal.insight;

import java.time.Instant;

/**
 * How far this process's replica of the quote index is with its latest rebuild. A rebuild empties the replica at
 * change-log position {@code fromPosition}, then logs every analysed interview and answer sheet again ({@code total}
 * once {@code endPosition}, the position of the last of them, is known); {@code done} of them have been re-indexed,
 * that is, their entries are at or below the replica's {@code committedPosition}. Other processes replay the same
 * entries into their own replicas but report no rebuild of their own.
 *
 * @param rebuilding   true from the moment the replica is emptied until it has committed {@code endPosition}
 * @param reason       why the latest rebuild ran ({@link #REQUESTED}, {@link #BEHIND_PRUNED_LOG}, {@link #UNFINISHED}); null before the first
 * @param startedAt    when the latest rebuild started; null before the first
 * @param finishedAt   when it committed its last source; null while rebuilding or when it failed
 * @param fromPosition the head of the log when the replica was emptied
 * @param endPosition  the position of the last source logged; null until every source is logged
 * @param committedPosition the position the replica has committed: every change up to it is searchable
 * @param done         sources logged by this rebuild and re-indexed
 * @param total        sources logged by this rebuild so far; final once {@code endPosition} is known
 * @param error        why the rebuild could not log every source, or null; the replica then stays incomplete until
 *                     rebuilt again
 */
public record RebuildStatus(boolean rebuilding, String reason, Instant startedAt, Instant finishedAt, long fromPosition,
        Long endPosition, long committedPosition, long done, long total, String error) {

    /** Someone asked for it (the API or the page). */
    public static final String REQUESTED = "requested";
    /** The replica had committed a position that the change log has since pruned past. */
    public static final String BEHIND_PRUNED_LOG = "behind the pruned change log";
    /** The process stopped during a rebuild, before every source was logged. */
    public static final String UNFINISHED = "the previous rebuild did not finish";
    /** Reason: the index on disk was written by an older version, without the fields themes read. */
    public static final String OLDER_FORMAT = "the index was written in an older format";

    /** {@code rebuilding} or {@code idle}. */
    public String state() {
        return rebuilding ? "rebuilding" : "idle";
    }

    /** Whether {@code total} is final: every source has been logged. */
    public boolean totalKnown() {
        return endPosition != null;
    }
}
