package io.winloss.nlp;

/** Told after each tagged sentence how far an analysis has come; called from the pipeline's threads. */
@FunctionalInterface
public interface Progress {
    Progress NONE = (done, total) -> { };

    void sentencesDone(int done, int total);
}
