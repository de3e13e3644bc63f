package io.winloss.portal.interview;

import java.util.ArrayList;
import java.util.List;

/**
 * An interview's sentences grouped back into turns for reading, with the filter applied: a turn is shown when
 * one of its buyer sentences matches (its interviewer question stays as context).
 */
record Conversation(List<Turn> turns, int shownSentences, int buyerSentences) {

    record Turn(int index, String speaker, String role, Double start, List<InterviewView.Sentence> sentences) {

        public boolean buyer() {
            return "buyer".equals(role);
        }

        /** {@code 12:04} for a turn starting 12 minutes 4 seconds into the recording, empty when unknown. */
        public String startLabel() {
            if (start == null) {
                return "";
            }
            long seconds = Math.round(start);
            return seconds >= 3600 ? String.format("%d:%02d:%02d", seconds / 3600, seconds % 3600 / 60, seconds % 60)
                    : String.format("%d:%02d", seconds / 60, seconds % 60);
        }
    }

    /** Which buyer sentences to show; blank fields match everything. */
    record Filter(String competitor, String criterion, String sentiment) {

        public boolean any() {
            return !blank(competitor) || !blank(criterion) || !blank(sentiment);
        }

        public boolean matches(InterviewView.Sentence s) {
            return (blank(competitor) || s.competitors().contains(competitor))
                    && (blank(criterion) || s.criteria().contains(criterion))
                    && (blank(sentiment) || sentiment.equals(s.sentiment()));
        }

        private static boolean blank(String value) {
            return value == null || value.isBlank();
        }
    }

    static Conversation of(List<InterviewView.Sentence> sentences, Filter filter) {
        List<Turn> turns = new ArrayList<>();
        List<InterviewView.Sentence> current = new ArrayList<>();
        int buyer = 0;
        int shown = 0;
        for (int i = 0; i < sentences.size(); i++) {
            InterviewView.Sentence s = sentences.get(i);
            if (!current.isEmpty() && s.turn() != sentences.get(i - 1).turn()) {
                turns.add(turn(current));
                current = new ArrayList<>();
            }
            current.add(s);
            if ("buyer".equals(s.role())) {
                buyer++;
            }
        }
        if (!current.isEmpty()) {
            turns.add(turn(current));
        }
        if (!filter.any()) {
            return new Conversation(turns, sentences.size(), buyer);
        }
        List<Turn> kept = new ArrayList<>();
        Turn question = null;
        for (Turn turn : turns) {
            if (!turn.buyer()) {
                question = turn;
                continue;
            }
            List<InterviewView.Sentence> matching = turn.sentences().stream().filter(filter::matches).toList();
            if (!matching.isEmpty()) {
                if (question != null) {
                    kept.add(question);
                    question = null;
                }
                kept.add(new Turn(turn.index(), turn.speaker(), turn.role(), turn.start(), matching));
                shown += matching.size();
            }
        }
        return new Conversation(kept, shown, buyer);
    }

    private static Turn turn(List<InterviewView.Sentence> sentences) {
        InterviewView.Sentence first = sentences.get(0);
        return new Turn(first.turn(), first.speaker(), first.role(), first.start(), List.copyOf(sentences));
    }
}
