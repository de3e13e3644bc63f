package io.winloss.nlp.tagging;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

/**
 * The lower-case words of an English dictionary (SCOWL, {@code english-words.txt.gz}; see
 * {@code english-words.README}), so the {@link CompetitorTagger} knows which names are also ordinary words
 * ("sage", "ramp", "outreach") and asks for a name's reading before counting them.
 */
public final class EnglishWords {

    private static final String RESOURCE = "english-words.txt.gz";

    private EnglishWords() {
    }

    /** Every lower-case word of the dictionary; read from the jar at each call. */
    public static Set<String> all() {
        InputStream stream = EnglishWords.class.getResourceAsStream(RESOURCE);
        if (stream == null) {
            throw new IllegalStateException(RESOURCE + " is missing from the pipeline's jar");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(stream), StandardCharsets.UTF_8))) {
            return reader.lines().map(String::strip).filter(w -> !w.isEmpty()).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(RESOURCE + " is unreadable", e);
        }
    }
}
