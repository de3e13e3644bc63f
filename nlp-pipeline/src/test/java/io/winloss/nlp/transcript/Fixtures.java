package io.winloss.nlp.transcript;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The test fixtures under {@code src/test/resources/transcripts/}, read as the reader reads them. */
final class Fixtures {
    private Fixtures() {
    }

    static byte[] bytes(String path) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/transcripts/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fixture decoded and normalised as {@link TranscriptReader} does before parsing. */
    static String text(String path) throws UnreadableTranscript {
        return TextDecoder.decode(bytes(path));
    }
}
