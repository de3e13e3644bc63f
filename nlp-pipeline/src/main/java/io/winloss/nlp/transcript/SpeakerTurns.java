package io.winloss.nlp.transcript;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Joins consecutive cues of one named speaker into one turn, because captioning tools cut speech every few seconds
 * and a quote should not end mid-sentence. Cues without a speaker are never joined: with nobody named there is no
 * evidence that two cues are one person, and each keeps its own role guess. Cues without text are dropped.
 */
final class SpeakerTurns {
    private SpeakerTurns() {
    }

    static List<Cue> join(List<Cue> cues) {
        List<Cue> turns = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        Cue first = null;
        Duration end = null;
        for (Cue cue : cues) {
            if (cue.text().isEmpty()) {
                continue;
            }
            if (first != null && first.named() && first.speaker().equals(cue.speaker())) {
                text.append(' ').append(cue.text());
                end = cue.end();
                continue;
            }
            if (first != null) {
                turns.add(new Cue(first.start(), end, first.speaker(), text.toString()));
            }
            first = cue;
            end = cue.end();
            text.setLength(0);
            text.append(cue.text());
        }
        if (first != null) {
            turns.add(new Cue(first.start(), end, first.speaker(), text.toString()));
        }
        return turns;
    }
}
