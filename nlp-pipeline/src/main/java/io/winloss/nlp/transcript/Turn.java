package io.winloss.nlp.transcript;

import java.time.Duration;
import java.util.Objects;

/**
 * What one speaker said without interruption: consecutive cues of one speaker joined.
 *
 * @param speaker the speaker's name as the transcript gives it, or empty when the transcript names nobody
 * @param role    the speaker's side, given or inferred
 * @param start   offset from the start of the recording, or null when the format carries no times
 * @param text    the words, markup and timestamps removed, whitespace normalised
 */
public record Turn(String speaker, Role role, Duration start, String text) {
    public Turn {
        Objects.requireNonNull(speaker, "speaker");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(text, "text");
    }
}
