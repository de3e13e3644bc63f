package io.winloss.nlp.transcript;

import java.time.Duration;
import java.util.Objects;

/**
 * Words one speaker said at one time, as a parser finds them, before consecutive cues of one speaker are joined into a {@link Turn}.
 *
 * @param start   offset from the start of the recording, or null when the format carries no times
 * @param end     where the cue ends, or null when unknown
 * @param speaker the speaker's name, or empty when the file names nobody
 * @param text    the words, markup removed and whitespace collapsed
 */
record Cue(Duration start, Duration end, String speaker, String text) {
    Cue {
        Objects.requireNonNull(speaker, "speaker");
        Objects.requireNonNull(text, "text");
    }

    boolean named() {
        return !speaker.isEmpty();
    }
}
