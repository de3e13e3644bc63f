package io.winloss.nlp.transcript;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads survey answers and CSV columns, where every line is one thing a buyer wrote: exactly one buyer turn per line,
 * in order, empty lines included (so turn N is always line N), and no final empty turn for a trailing line break.
 */
final class LinesParser {
    private LinesParser() {
    }

    static Transcript parse(String text) {
        String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        String[] lines = body.split("\n", -1);
        List<Turn> turns = new ArrayList<>(lines.length);
        for (String line : lines) {
            turns.add(new Turn("", Role.BUYER, null, Whitespace.collapse(line)));
        }
        return new Transcript(turns, false);
    }
}
