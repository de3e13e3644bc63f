package io.winloss.portal.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BackgroundPriorityTests {

    @BeforeEach
    void onLinux() {
        assumeTrue(Files.exists(Path.of("/proc/thread-self")), "per-thread nice values are a Linux feature");
    }

    @Test
    void threadsRunAtTheNiceValueGiven() throws Exception {
        int mine = BackgroundPriority.currentNice();
        assumeTrue(mine >= 0 && mine < 12, "this thread's nice value leaves room to lower it");

        assertThat(niceOfAThreadFrom(BackgroundPriority.threads("test-nice", 12))).isEqualTo(12);
        assertThat(BackgroundPriority.currentNice()).as("the caller's own priority is untouched").isEqualTo(mine);
    }

    @Test
    void niceZeroLeavesThreadsAtTheirParentsPriority() throws Exception {
        assertThat(niceOfAThreadFrom(BackgroundPriority.threads("test-nice", 0))).isEqualTo(BackgroundPriority.currentNice());
    }

    @Test
    void threadsAreNamedAndDaemons() {
        Thread thread = BackgroundPriority.threads("corenlp", 10).newThread(() -> { });
        assertThat(thread.getName()).isEqualTo("corenlp-1");
        assertThat(thread.isDaemon()).isTrue();
    }

    private static int niceOfAThreadFrom(java.util.concurrent.ThreadFactory factory) throws Exception {
        CompletableFuture<Integer> nice = new CompletableFuture<>();
        factory.newThread(() -> nice.complete(BackgroundPriority.currentNice())).start();
        return nice.get(20, TimeUnit.SECONDS);
    }
}
