package io.winloss.nlp.transcript;

import java.util.List;

/**
 * A conversation as turns in spoken order.
 *
 * @param turns         the turns, never empty for a transcript read from a file
 * @param rolesInferred true when no interviewer names were given and roles were guessed from who asks the questions
 */
public record Transcript(List<Turn> turns, boolean rolesInferred) {
    public Transcript {
        turns = List.copyOf(turns);
    }
}
