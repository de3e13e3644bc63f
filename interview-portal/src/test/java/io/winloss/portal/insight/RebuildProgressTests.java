package io.winloss.portal.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** What a rebuild's status says while the backfill logs sources and the replica commits them. */
class RebuildProgressTests {

    private static final Instant START = Instant.parse("2026-05-01T12:00:00Z");
    private static final Instant END = START.plusSeconds(90);

    @Test
    void countsOnlyItsOwnSourcesAmongOtherChangesAndKnowsTheTotalOnceEveryOneIsLogged() {
        RebuildProgress progress = new RebuildProgress();
        assertThat(progress.claim(RebuildStatus.REQUESTED, START)).isTrue();
        progress.cleared(100);
        progress.logged(101);
        progress.logged(103); // 102 is someone else's change
        progress.logged(104);

        RebuildStatus logging = progress.status(102);
        assertThat(logging.rebuilding()).isTrue();
        assertThat(logging.state()).isEqualTo("rebuilding");
        assertThat(logging.totalKnown()).isFalse();
        assertThat(logging.endPosition()).isNull();
        assertThat(logging.done()).isEqualTo(1);
        assertThat(logging.total()).isEqualTo(3);
        assertThat(logging.fromPosition()).isEqualTo(100);

        progress.backfilled(102, START.plusSeconds(1));
        RebuildStatus replaying = progress.status(103);
        assertThat(replaying.rebuilding()).isTrue();
        assertThat(replaying.endPosition()).isEqualTo(104);
        assertThat(replaying.done()).isEqualTo(2);

        progress.committed(105, END);
        RebuildStatus finished = progress.status(105);
        assertThat(finished.rebuilding()).isFalse();
        assertThat(finished.state()).isEqualTo("idle");
        assertThat(finished.done()).isEqualTo(finished.total()).isEqualTo(3);
        assertThat(finished.startedAt()).isEqualTo(START);
        assertThat(finished.finishedAt()).isEqualTo(END);
        assertThat(finished.reason()).isEqualTo(RebuildStatus.REQUESTED);
    }

    @Test
    void aSecondRebuildWhileOneRunsStartsNothing() {
        RebuildProgress progress = new RebuildProgress();
        assertThat(progress.claim(RebuildStatus.REQUESTED, START)).isTrue();

        assertThat(progress.claim(RebuildStatus.BEHIND_PRUNED_LOG, START.plusSeconds(1))).isFalse();
        assertThat(progress.status(0).reason()).isEqualTo(RebuildStatus.REQUESTED);
    }

    @Test
    void nothingToIndexFinishesAsSoonAsEverythingIsLogged() {
        RebuildProgress progress = new RebuildProgress();
        progress.claim(RebuildStatus.REQUESTED, START);
        progress.cleared(7);

        progress.backfilled(7, END);

        RebuildStatus status = progress.status(7);
        assertThat(status.rebuilding()).isFalse();
        assertThat(status.endPosition()).isEqualTo(7);
        assertThat(status.done()).isZero();
        assertThat(status.total()).isZero();
        assertThat(status.finishedAt()).isEqualTo(END);
    }

    @Test
    void aBackfillThatStopsEndsTheRebuildWithItsReasonAndAllowsAnother() {
        RebuildProgress progress = new RebuildProgress();
        progress.claim(RebuildStatus.REQUESTED, START);
        progress.cleared(7);
        progress.logged(8);

        progress.failed("could not log every source: timeout");

        RebuildStatus status = progress.status(8);
        assertThat(status.rebuilding()).isFalse();
        assertThat(status.error()).contains("timeout");
        assertThat(status.finishedAt()).isNull();
        assertThat(progress.claim(RebuildStatus.REQUESTED, END)).isTrue();
        assertThat(progress.status(8).error()).isNull();
    }

    @Test
    void beforeAnyRebuildTheReplicaIsIdle() {
        RebuildStatus status = new RebuildProgress().status(42);

        assertThat(status.state()).isEqualTo("idle");
        assertThat(status.startedAt()).isNull();
        assertThat(status.committedPosition()).isEqualTo(42);
    }
}
