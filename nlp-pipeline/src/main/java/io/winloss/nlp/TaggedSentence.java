package io.winloss.nlp;

import io.winloss.nlp.tagging.Aspect;
import io.winloss.nlp.tagging.Criterion;
import io.winloss.nlp.tagging.Sentiment;
import io.winloss.nlp.transcript.Role;
import java.time.Duration;
import java.util.List;

/**
 * One sentence of a conversation with its tags. Interviewer sentences are context: they carry no
 * competitors, criteria, aspects or key phrases, and their {@code sentiment} and {@code score} are null.
 *
 * @param turn                  index of the turn the sentence belongs to
 * @param speaker               the speaker's name, empty when the transcript names nobody
 * @param roleInferred          true when the role was guessed because no interviewer names were given
 * @param start                 start of the sentence's turn in the recording, null when unknown
 * @param tokens                number of tokens, for throughput figures
 * @param competitors           canonical names from the workspace's list, in order of first mention
 * @param candidateCompetitors  organisations the named-entity recogniser found that the list lacks
 * @param score                 in [-2, 2], negative to positive
 */
public record TaggedSentence(
        int turn,
        String speaker,
        Role role,
        boolean roleInferred,
        Duration start,
        String text,
        int tokens,
        List<String> competitors,
        List<String> candidateCompetitors,
        List<Criterion> criteria,
        Sentiment sentiment,
        Double score,
        List<Aspect> aspects,
        List<String> keyPhrases) {

    public TaggedSentence {
        competitors = List.copyOf(competitors);
        candidateCompetitors = List.copyOf(candidateCompetitors);
        criteria = List.copyOf(criteria);
        aspects = List.copyOf(aspects);
        keyPhrases = List.copyOf(keyPhrases);
    }

    /** An interviewer's sentence: kept for context, never tagged. */
    static TaggedSentence context(int turn, String speaker, Role role, boolean roleInferred, Duration start,
                                  String text, int tokens) {
        return new TaggedSentence(turn, speaker, role, roleInferred, start, text, tokens,
                List.of(), List.of(), List.of(), null, null, List.of(), List.of());
    }

    public boolean tagged() {
        return sentiment != null;
    }
}
