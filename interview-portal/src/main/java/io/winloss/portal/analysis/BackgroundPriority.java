package io.winloss.portal.analysis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CoreNLP threads at a lower CPU priority than the threads that answer buyers and analysts: on a busy machine a page
 * view or a search then waits for analysis no longer than the scheduler's slice, and analysis still gets every cycle
 * the requests leave. Java has no thread priority the OS honours by default, so each thread sets its own Linux nice
 * value when it starts ({@code renice} on its thread id; Linux applies nice per thread). Where that is not possible
 * (not Linux, no {@code renice}) the threads run at normal priority and the process says so once.
 */
final class BackgroundPriority {

    private static final Logger log = LoggerFactory.getLogger(BackgroundPriority.class);
    private static final AtomicBoolean warned = new AtomicBoolean();

    private BackgroundPriority() {
    }

    /** Daemon threads named {@code name-1, name-2, ...} that lower their own priority to {@code nice} (0: unchanged). */
    static ThreadFactory threads(String name, int nice) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(() -> {
                if (nice > 0) {
                    lowerCurrentThread(nice);
                }
                task.run();
            }, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Sets the calling thread's nice value; true when the OS took it. */
    static boolean lowerCurrentThread(int nice) {
        try {
            Process renice = new ProcessBuilder("renice", "-n", Integer.toString(nice), "-p", currentThreadId())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (renice.waitFor(10, TimeUnit.SECONDS) && renice.exitValue() == 0) {
                return true;
            }
            renice.destroyForcibly();
            warnOnce("renice exited with " + (renice.isAlive() ? "no answer" : renice.exitValue()));
        } catch (IOException | UnsupportedOperationException e) {
            warnOnce(e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    private static void warnOnce(String reason) {
        if (warned.compareAndSet(false, true)) {
            log.warn("CoreNLP threads run at normal priority: cannot lower it ({})", reason);
        }
    }

    /** The nice value of the calling thread, from /proc; -1 where it cannot be read. */
    static int currentNice() {
        try {
            String stat = Files.readString(Path.of("/proc/self/task", currentThreadId(), "stat"));
            // fields after the command name in parentheses; nice is field 19 of the whole line
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Integer.parseInt(fields[16]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The calling thread's id as Linux knows it: "/proc/thread-self" links to "<pid>/task/<tid>". */
    private static String currentThreadId() throws IOException {
        return Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString();
    }
}
