package io.winloss.portal.analysis;

import java.util.List;
import java.util.function.Supplier;

import io.winloss.nlp.Pipeline;
import io.winloss.nlp.Progress;
import io.winloss.nlp.TaggedSentence;
import io.winloss.portal.workspace.WorkspaceId;
import reactor.core.publisher.Mono;

/**
 * A kind of thing the workers analyse (interviews, answer sheets). The feature that owns the thing implements
 * this; the worker only knows it by its {@link #kind()}, the prefix of a job's target ({@code interview:<id>}).
 */
public interface AnalysisTarget {

    String kind();

    /**
     * Queues a new analysis of every such thing in the workspace (after its competitor list or criteria
     * changed); things already waiting for analysis are left as they are. Returns how many were queued.
     */
    Mono<Long> reanalyzeAll(WorkspaceId workspace);

    /** Reads what to analyse, without blocking: the result is handed to {@link Input#analyze} off the event loop. */
    Mono<Input> load(WorkspaceId workspace, String id);

    /** The loaded input: {@code analyze} blocks (parsing, CoreNLP) and runs on the analysis scheduler only; it asks for the pipeline only once the input has been read, so bad input fails without loading the models. */
    interface Input {
        List<TaggedSentence> analyze(Supplier<Pipeline> pipeline, Progress progress) throws Exception;
    }

    /** Thrown from {@link Input#analyze} when retrying cannot help (the file is unreadable): the job fails at once. */
    class Unanalysable extends Exception {
        public Unanalysable(String reason, Throwable cause) {
            super(reason, cause);
        }
    }
}
