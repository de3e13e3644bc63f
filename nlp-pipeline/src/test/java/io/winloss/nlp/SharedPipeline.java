package io.winloss.nlp;

/** One loaded pipeline for every test in the JVM: loading the models takes seconds, and the pipeline is shared-safe. */
public final class SharedPipeline {

    private static final Pipeline PIPELINE = Pipeline.load(2);

    private SharedPipeline() {
    }

    public static Pipeline get() {
        return PIPELINE;
    }
}
