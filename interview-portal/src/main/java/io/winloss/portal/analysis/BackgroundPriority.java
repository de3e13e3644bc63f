package io.winloss.portal.analysis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CoreNLP threads at a lower CPU priority than the threads that answer buyers and analysts, so that a page view or a
 * search does not wait for analysis and analysis still gets every cycle the requests leave. By default the threads
 * enter Linux's idle scheduling class ({@code SCHED_IDLE}): a waking request thread takes their core at once, and the
 * scheduler counts a core that runs only them as free when it places a request thread. A nice value alone only weighs
 * their share, and under load a search then waited up to 100 ms behind a CoreNLP thread (README "Load"). Java has no
 * thread priority the OS honours by default, so each thread lowers its own when it starts ({@code chrt} or
 * {@code renice} on its thread id; Linux schedules threads one by one). Where that is not possible the threads run
 * at normal priority and the process says so once.
 */
final class BackgroundPriority {

    /** The policy number Linux reports for {@code SCHED_IDLE} (sched.h). */
    static final int SCHED_IDLE = 5;

    private static final Logger log = LoggerFactory.getLogger(BackgroundPriority.class);
    private static final AtomicBoolean warned = new AtomicBoolean();

    private BackgroundPriority() {
    }

    /**
     * Daemon threads named {@code name-1, name-2, ...} that lower their own priority: into the idle class when
     * {@code idle}, falling back to {@code nice} where that fails; to {@code nice} otherwise (0: unchanged).
     */
    static ThreadFactory threads(String name, boolean idle, int nice) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(() -> {
                lowerCurrentThread(idle, nice);
                task.run();
            }, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Lowers the calling thread's priority as {@link #threads} describes. */
    private static void lowerCurrentThread(boolean idle, int nice) {
        if (idle && run("chrt", "--idle", "--pid", "0")) {
            return;
        }
        if (nice > 0) {
            run("renice", "-n", Integer.toString(nice), "-p");
        }
    }

    /** Runs {@code command} with the calling thread's id appended; true when it exits with 0. */
    private static boolean run(String... command) {
        try {
            String[] withThread = Arrays.copyOf(command, command.length + 1);
            withThread[command.length] = currentThreadId();
            Process process = new ProcessBuilder(withThread)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0) {
                return true;
            }
            process.destroyForcibly();
            warnOnce(command[0] + " exited with " + (process.isAlive() ? "no answer" : process.exitValue()));
        } catch (IOException | UnsupportedOperationException e) {
            warnOnce(e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    private static void warnOnce(String reason) {
        if (warned.compareAndSet(false, true)) {
            log.warn("CoreNLP threads may run at normal priority: cannot lower it ({})", reason);
        }
    }

    /** The nice value of the calling thread, from /proc; -1 where it cannot be read. */
    static int currentNice() {
        return statField(19);
    }

    /** The scheduling policy of the calling thread, from /proc (0 normal, {@link #SCHED_IDLE}); -1 where unknown. */
    static int currentPolicy() {
        return statField(41);
    }

    /** Field {@code number} (counted from 1, as proc(5) does) of the calling thread's stat line; -1 where unreadable. */
    private static int statField(int number) {
        try {
            String stat = Files.readString(Path.of("/proc/self/task", currentThreadId(), "stat"));
            // the command name (field 2) is in parentheses and may hold spaces: count from after it, field 3 first
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Integer.parseInt(fields[number - 3]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The calling thread's id as Linux knows it: "/proc/thread-self" links to "<pid>/task/<tid>". */
    private static String currentThreadId() throws IOException {
        return Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString();
    }
}
