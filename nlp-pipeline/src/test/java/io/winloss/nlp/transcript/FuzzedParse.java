package io.winloss.nlp.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What the transcript fuzz tests ({@code *FuzzTests}, Jazzer) share: the property they check, for any bytes, that a
 * parser returns or fails with {@link UnreadableTranscript}, and that anything else is a finding: another exception,
 * a hang (no answer within {@link #HANG_SECONDS}), or an input that makes a parser allocate far more than its size
 * ({@link #requireBoundedAllocation}; the JVM's OutOfMemoryError too).
 *
 * <p>Each input runs on a watchdog thread ({@link #within}) rather than under JUnit's {@code @Timeout}: Jazzer turns
 * {@code @Timeout} into its per-input limit, but JUnit then also applies it to the whole fuzzing run and fails it.
 *
 * <p>Jazzer fuzzes one {@code @FuzzTest} per JVM (later ones are skipped), so each entry point has its own class,
 * and a fuzzing run forks a JVM per class ({@code -DreuseForks=false}). Without {@code JAZZER_FUZZ} set, each class
 * only replays its kept inputs under {@code src/test/resources/io/winloss/nlp/transcript/<Class>Inputs/<method>/}:
 * real fixtures as seeds (with their licences) and every input that once failed, named for what it is.
 */
final class FuzzedParse {
    /** How long each fuzz test fuzzes when {@code JAZZER_FUZZ} is set; 8 tests keep CI's fuzzing near 3 minutes. */
    static final String DURATION = "10s";
    static final long HANG_SECONDS = 10;
    /** More than this many bytes allocated per input byte (beyond a fixed allowance) means a parser is not linear. */
    private static final long BYTES_PER_INPUT_BYTE = 2_000;
    private static final long ALLOWANCE = 32L * 1024 * 1024;
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static ExecutorService parser = newParser();

    private FuzzedParse() {
    }

    interface Parse {
        void run() throws Exception;
    }

    /** The bytes as the reader hands them to a parser, or {@link UnreadableTranscript} where the reader stops first. */
    static String decoded(byte[] bytes) throws UnreadableTranscript {
        FormatDetector.rejectKnownBinary(bytes);
        String text = TextDecoder.decode(bytes);
        for (String line : text.split("\n", -1)) {
            if (line.length() > TranscriptReader.MAX_LINE_CHARS) {
                throw new UnreadableTranscript("line too long");
            }
        }
        return text;
    }

    /** Joins cues into turns and assigns roles, as the reader does after every parser. */
    static void turns(List<Cue> cues) {
        List<Cue> turns = SpeakerTurns.join(cues);
        if (!turns.isEmpty()) {
            assertThat(Roles.assign(turns, List.of()).turns()).hasSameSizeAs(turns);
        }
    }

    /**
     * Runs a parse that may fail only with {@link UnreadableTranscript}, within a memory budget linear in the input.
     * An input over budget is parsed again and measured again, since the first parse through a path also pays for
     * loading (and Jazzer's instrumenting) the classes on it.
     */
    static void requireBoundedAllocation(byte[] bytes, Parse parse) {
        long budget = ALLOWANCE + BYTES_PER_INPUT_BYTE * bytes.length;
        if (within(() -> allocated(parse)) > budget) {
            assertThat(within(() -> allocated(parse))).as("bytes allocated for %d input bytes", bytes.length)
                    .isLessThan(budget);
        }
    }

    private static long allocated(Parse parse) throws Exception {
        long thread = Thread.currentThread().getId();
        long before = THREADS.getThreadAllocatedBytes(thread);
        try {
            parse.run();
        } catch (UnreadableTranscript expected) {
            // the documented failure
        }
        return THREADS.getThreadAllocatedBytes(thread) - before;
    }

    /** The parse's result, run on the watchdog thread; a parse still running after {@link #HANG_SECONDS} is a hang. */
    static <T> T within(Callable<T> parse) {
        Future<T> result = parser.submit(parse);
        try {
            return result.get(HANG_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException hang) {
            result.cancel(true);
            parser.shutdownNow();
            parser = newParser(); // the hung thread may never stop; later inputs get a fresh one
            throw new AssertionError("no answer within " + HANG_SECONDS + " s: the parser hangs on this input");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new AssertionError("not the documented UnreadableTranscript", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static ExecutorService newParser() {
        return Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "fuzzed-parse");
            thread.setDaemon(true);
            return thread;
        });
    }
}
