package io.winloss.search;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A deterministic stand-in for the portal's ordered change log: entry {@code i} upserts sentence {@code i}, except every
 * fifth entry, which re-upserts (corrects) the sentence of the entry before it. Position {@code p} means entries
 * {@code [0, p)} are applied.
 */
final class ChangeLog {

    static final String WORKSPACE = "ws-log";

    private ChangeLog() {
    }

    static QuoteRecord entry(long i) {
        long sentence = i % 5 == 4 ? i - 1 : i;
        String interview = "iv-" + (sentence / 20);
        int index = (int) (sentence % 20);
        return new QuoteRecord(QuoteRecord.interviewSentenceId(interview, index), WORKSPACE, "deal-" + (sentence / 40),
                QuoteRecord.INTERVIEW, interview, index, "Buyer", "buyer",
                "Entry " + i + " talks about pricing and integration.", i % 3 == 0 ? "won" : "lost", "smb", 1000.0,
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 2), List.of("Acme"), List.of("price"), "neutral",
                List.of(), List.of());
    }

    /** Applies entries {@code [from, to)} without committing. */
    static void replay(QuoteIndex index, long from, long to) {
        for (long i = from; i < to; i++) {
            index.upsert(entry(i));
        }
    }

    /** Distinct sentences once entries {@code [0, position)} are applied. */
    static long sentencesAt(long position) {
        Set<String> ids = new HashSet<>();
        for (long i = 0; i < position; i++) {
            ids.add(entry(i).id());
        }
        return ids.size();
    }
}
