package io.winloss.nlp.tagging;

import edu.stanford.nlp.ling.CoreLabel;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * WordNet's classes of a word, so a word the models never saw in training still counts as evidence when it means
 * what a word they did see means: "pricey" shares a class with "expensive", "outage" with "failure". Read from
 * {@code word-classes.txt.gz} (written from WordNet 3.1 by the {@code word-classes} command; see
 * {@code word-classes.LICENSE}): a lemma's most frequent senses, their hypernyms two levels up, an adjective's
 * cluster head and attribute noun, an adverb's adjective. A word WordNet lacks has no classes.
 */
public final class WordClasses {

    static final String RESOURCE = "word-classes.txt.gz";
    private static final String[] NONE = new String[0];

    /** Classes by part of speech ('n', 'v', 'a', 'r') and lemma, as "n:price". */
    private final Map<String, String[]> classes;

    private WordClasses(Map<String, String[]> classes) {
        this.classes = classes;
    }

    /** The shipped classes, read once per process on first use. */
    public static WordClasses shipped() {
        return Shipped.CLASSES;
    }

    /** The classes of a lemma in a part of speech ('n', 'v', 'a' or 'r'); empty when WordNet lacks it. */
    public String[] of(char pos, String lemma) {
        return classes.getOrDefault(pos + ":" + lemma.toLowerCase(Locale.ROOT), NONE);
    }

    /** The classes of a token by its Penn Treebank tag and lemma; empty for names, numbers and function words. */
    public String[] of(CoreLabel token) {
        String tag = token.tag();
        if (tag == null || tag.startsWith("NNP")) {
            return NONE;
        }
        char pos = tag.startsWith("NN") ? 'n' : tag.startsWith("VB") ? 'v' : tag.startsWith("JJ") ? 'a'
                : tag.startsWith("RB") ? 'r' : 0;
        if (pos == 0) {
            return NONE;
        }
        String lemma = token.lemma() != null ? token.lemma() : token.word();
        return of(pos, lemma);
    }

    static WordClasses read(InputStream gzipped) throws IOException {
        Map<String, String[]> classes = new HashMap<>(200_000);
        Map<String, String> oneCopy = new HashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(gzipped), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                int lemmaAt = line.indexOf('\t');
                int classesAt = line.indexOf('\t', lemmaAt + 1);
                String[] ids = line.substring(classesAt + 1).split(" ");
                for (int i = 0; i < ids.length; i++) {
                    ids[i] = oneCopy.computeIfAbsent(ids[i], id -> id);
                }
                classes.put(line.charAt(0) + ":" + line.substring(lemmaAt + 1, classesAt), ids);
            }
        }
        return new WordClasses(classes);
    }

    private static final class Shipped {
        static final WordClasses CLASSES = load();

        private static WordClasses load() {
            InputStream stream = WordClasses.class.getResourceAsStream(RESOURCE);
            if (stream == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the pipeline's jar");
            }
            try {
                return read(stream);
            } catch (IOException e) {
                throw new UncheckedIOException(RESOURCE + " is unreadable", e);
            }
        }
    }
}
