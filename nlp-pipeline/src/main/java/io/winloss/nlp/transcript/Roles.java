package io.winloss.nlp.transcript;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Decides who is the interviewer and who the buyer, because only buyer speech is evidence. With interviewer names
 * given, a speaker whose name matches one of them (trimmed, ignoring case) is the interviewer and everyone else,
 * including unnamed speech, is a buyer. Without names the roles are guessed and {@link Transcript#rolesInferred()}
 * says so: among two or more named speakers, the one with the most turns containing a question mark is the
 * interviewer (on a tie, and so also when nobody asks, the first of them to speak); a lone named speaker is a buyer;
 * a turn with no speaker is the interviewer's when at least half of its sentences are questions, else a buyer's.
 */
final class Roles {
    private Roles() {
    }

    static Transcript assign(List<Cue> turns, Collection<String> interviewerNames) {
        Set<String> names = new HashSet<>();
        if (interviewerNames != null) {
            for (String name : interviewerNames) {
                if (name != null && !name.isBlank()) {
                    names.add(key(name));
                }
            }
        }
        if (!names.isEmpty()) {
            List<Turn> assigned = new ArrayList<>(turns.size());
            for (Cue turn : turns) {
                Role role = names.contains(key(turn.speaker())) ? Role.INTERVIEWER : Role.BUYER;
                assigned.add(turn(turn, role));
            }
            return new Transcript(assigned, false);
        }
        String interviewer = mostQuestions(turns);
        List<Turn> inferred = new ArrayList<>(turns.size());
        for (Cue turn : turns) {
            Role role;
            if (!turn.named()) {
                role = mostlyQuestions(turn.text()) ? Role.INTERVIEWER : Role.BUYER;
            } else {
                role = turn.speaker().equals(interviewer) ? Role.INTERVIEWER : Role.BUYER;
            }
            inferred.add(turn(turn, role));
        }
        return new Transcript(inferred, true);
    }

    /** The named speaker asking the most questions, or null when fewer than two speakers are named. */
    private static String mostQuestions(List<Cue> turns) {
        Map<String, Integer> questions = new LinkedHashMap<>();
        for (Cue turn : turns) {
            if (turn.named()) {
                questions.merge(turn.speaker(), turn.text().indexOf('?') >= 0 ? 1 : 0, Integer::sum);
            }
        }
        if (questions.size() < 2) {
            return null;
        }
        String most = null;
        int highest = -1;
        for (Map.Entry<String, Integer> speaker : questions.entrySet()) {
            if (speaker.getValue() > highest) {
                most = speaker.getKey();
                highest = speaker.getValue();
            }
        }
        return most;
    }

    /** Whether at least half of the sentences (ended by {@code .}, {@code !}, {@code ?} or the text's end) ask something. */
    static boolean mostlyQuestions(String text) {
        int sentences = 0;
        int questions = 0;
        boolean words = false;
        boolean asked = false;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '.';
            if (c == '.' || c == '!' || c == '?' || c == '\u2026') {
                asked |= c == '?';
                boolean runEnds = i + 1 >= text.length() || !isTerminator(text.charAt(i + 1));
                if (runEnds) {
                    if (words) {
                        sentences++;
                        questions += asked ? 1 : 0;
                    }
                    words = false;
                    asked = false;
                }
            } else if (Character.isLetterOrDigit(c)) {
                words = true;
            }
        }
        return questions > 0 && questions * 2 >= sentences;
    }

    private static boolean isTerminator(char c) {
        return c == '.' || c == '!' || c == '?' || c == '\u2026';
    }

    private static Turn turn(Cue cue, Role role) {
        return new Turn(cue.speaker(), role, cue.start(), cue.text());
    }

    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }
}
