package io.winloss.nlp.transcript;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

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

    static Transcript read(String path) throws IOException, UnreadableTranscript {
        return read(bytes(path), path.substring(path.lastIndexOf('/') + 1), Optional.empty(), List.of());
    }

    static Transcript read(byte[] bytes, String fileName, Optional<TranscriptFormat> format,
                           Collection<String> interviewerNames) throws IOException, UnreadableTranscript {
        return TranscriptReader.read(new ByteArrayInputStream(bytes), fileName, format, interviewerNames);
    }

    static Transcript readText(String text, String fileName) throws IOException, UnreadableTranscript {
        return read(text.getBytes(StandardCharsets.UTF_8), fileName, Optional.empty(), List.of());
    }
}
