package io.winloss.portal.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.winloss.portal.workspace.WorkspaceId;

/** How the indexer reads a batch of the change log: it stops at a fresh hole and rebuilds each target once. */
class ChangeFollowingTests {

    private static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");
    private static final WorkspaceId WS = new WorkspaceId("ws-1");

    private static ChangeLog.Change change(long position, String target, Instant at) {
        return new ChangeLog.Change(position, WS, target, at);
    }

    @Test
    void stopsBeforeAHoleWhoseWriterMayStillInsertIt() {
        List<ChangeLog.Change> batch = List.of(change(4, "interview:a", NOW), change(6, "interview:b", NOW.minusSeconds(1)));

        assertThat(QuoteIndexer.withoutHoles(3, batch, NOW)).extracting(ChangeLog.Change::position).containsExactly(4L);
    }

    @Test
    void movesPastAHoleOnceItIsOlderThanTheGrace() {
        Instant old = NOW.minus(QuoteIndexer.HOLE_GRACE).minusSeconds(1);
        List<ChangeLog.Change> batch = List.of(change(5, "interview:a", old), change(6, "interview:b", NOW));

        assertThat(QuoteIndexer.withoutHoles(3, batch, NOW)).extracting(ChangeLog.Change::position).containsExactly(5L, 6L);
    }

    @Test
    void aTargetChangedManyTimesIsRebuiltOnceInItsLastPlace() {
        List<ChangeLog.Change> batch = List.of(change(1, "interview:a", NOW), change(2, "deal:d", NOW),
                change(3, "interview:a", NOW), new ChangeLog.Change(4, new WorkspaceId("ws-2"), "interview:a", NOW));

        assertThat(QuoteIndexer.latestPerTarget(batch)).extracting(ChangeLog.Change::position).containsExactly(2L, 3L, 4L);
    }
}
