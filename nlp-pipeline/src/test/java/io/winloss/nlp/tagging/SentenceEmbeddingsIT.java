package io.winloss.nlp.tagging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

/** The packaged sentence encoder, loaded from its jar: what the criteria and sentiment models read of meaning. */
class SentenceEmbeddingsIT {

    private static final SentenceEmbeddings EMBEDDINGS = SentenceEmbeddings.load();

    private static double similarity(String a, String b) {
        float[] x = EMBEDDINGS.embed(a);
        float[] y = EMBEDDINGS.embed(b);
        double dot = 0;
        for (int i = 0; i < x.length; i++) {
            dot += x[i] * y[i];
        }
        return dot;
    }

    @Test
    void aSentenceIsAUnitVectorOf384Numbers() {
        float[] vector = EMBEDDINGS.embed("Your renewal quote came in far above what we budgeted.");

        assertThat(vector).hasSize(SentenceEmbeddings.DIMENSIONS);
        double length = 0;
        for (float x : vector) {
            length += x * x;
        }
        assertThat(Math.sqrt(length)).isCloseTo(1.0, offset(1e-3));
    }

    @Test
    void theSameComplaintInOtherWordsIsNearerThanAnotherTopic() {
        String price = "Honestly the licence cost was just too steep for a shop our size.";

        assertThat(similarity(price, "We couldn't justify paying that much per seat."))
                .isGreaterThan(similarity(price, "Their onboarding team had us live in three weeks."))
                .isGreaterThan(similarity(price, "The auditors signed off on their SOC 2 report."));
    }

    @Test
    void theSameTextGivesTheSameVectorFromAnyThread() throws Exception {
        String text = "Support answered within the hour every time we called.";
        float[] here = EMBEDDINGS.embed(text);
        float[][] there = new float[1][];
        Thread thread = new Thread(() -> there[0] = EMBEDDINGS.embed(text));
        thread.start();
        thread.join();

        assertThat(there[0]).containsExactly(here);
    }
}
