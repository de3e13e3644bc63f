package io.winloss.nlp.transcript;

import java.util.Locale;
import java.util.Optional;

/** The transcript formats the pipeline reads. {@code LINES} is one buyer utterance per line (survey answers, CSV columns). */
public enum TranscriptFormat {
    TXT,
    VTT,
    SRT,
    DOCX,
    LINES;

    /** The format named on the command line ({@code txt}, {@code vtt}, ...), case-insensitively. */
    public static Optional<TranscriptFormat> byName(String name) {
        for (TranscriptFormat format : values()) {
            if (format.name().equals(name.toUpperCase(Locale.ROOT))) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
