package io.winloss.portal.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BackgroundPriorityTests {

    @BeforeEach
    void onLinux() {
        assumeTrue(Files.exists(Path.of("/proc/thread-self")), "per-thread priorities are a Linux feature");
    }

    @Test
    void threadsRunAtTheNiceValueGiven() throws Exception {
        int mine = BackgroundPriority.currentNice();
        assumeTrue(mine >= 0 && mine < 12, "this thread's nice value leaves room to lower it");

        assertThat(ofAThreadFrom(BackgroundPriority.threads("test-nice", false, 12), BackgroundPriority::currentNice))
                .isEqualTo(12);
        assertThat(BackgroundPriority.currentNice()).as("the caller's own priority is untouched").isEqualTo(mine);
    }

    @Test
    void niceZeroLeavesThreadsAtTheirParentsPriority() throws Exception {
        ThreadFactory normal = BackgroundPriority.threads("test-nice", false, 0);

        assertThat(ofAThreadFrom(normal, BackgroundPriority::currentNice)).isEqualTo(BackgroundPriority.currentNice());
        assertThat(ofAThreadFrom(normal, BackgroundPriority::currentPolicy)).isEqualTo(BackgroundPriority.currentPolicy());
    }

    @Test
    void idleThreadsRunInTheIdleSchedulingClass() throws Exception {
        int mine = BackgroundPriority.currentPolicy();
        assumeTrue(mine == 0, "this thread runs in the normal class");

        assertThat(ofAThreadFrom(BackgroundPriority.threads("test-idle", true, 10), BackgroundPriority::currentPolicy))
                .isEqualTo(BackgroundPriority.SCHED_IDLE);
        assertThat(BackgroundPriority.currentPolicy()).as("the caller's own class is untouched").isZero();
    }

    @Test
    void threadsAreNamedAndDaemons() {
        Thread thread = BackgroundPriority.threads("corenlp", true, 10).newThread(() -> { });
        assertThat(thread.getName()).isEqualTo("corenlp-1");
        assertThat(thread.isDaemon()).isTrue();
    }

    /** What {@code reading} says on a thread of {@code factory}, read from that thread. */
    private static int ofAThreadFrom(ThreadFactory factory, IntSupplier reading) throws Exception {
        CompletableFuture<Integer> value = new CompletableFuture<>();
        factory.newThread(() -> value.complete(reading.getAsInt())).start();
        return value.get(20, TimeUnit.SECONDS);
    }
}
