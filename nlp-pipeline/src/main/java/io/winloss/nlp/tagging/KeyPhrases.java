package io.winloss.nlp.tagging;

import edu.stanford.nlp.ling.CoreLabel;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Key phrases for themes the criteria do not name: noun phrases (adjectives and nouns ending in a noun),
 * lemmatised, lower-cased, without stop words or generic nouns ("thing", "lot"), and without the words of a
 * competitor mention, which is its own tag. Needs lemmas and part-of-speech tags.
 */
public final class KeyPhrases {

    private static final int MAX_WORDS = 4;
    private static final Set<String> STOP_WORDS = loadStopWords();

    private KeyPhrases() {
    }

    /** Phrases in sentence order, each once; {@code excluded} marks tokens that belong to other tags. */
    public static List<String> of(List<CoreLabel> tokens, boolean[] excluded) {
        Set<String> phrases = new LinkedHashSet<>();
        List<String> words = new ArrayList<>();
        boolean endsInNoun = false;
        for (int i = 0; i <= tokens.size(); i++) {
            CoreLabel token = i < tokens.size() ? tokens.get(i) : null;
            String tag = token == null || token.tag() == null ? "" : token.tag();
            boolean noun = tag.startsWith("NN");
            boolean inPhrase = token != null && !excluded[i] && (noun || tag.startsWith("JJ"));
            if (inPhrase) {
                String lemma = token.lemma() == null ? token.word() : token.lemma();
                String word = lemma.toLowerCase(Locale.ROOT);
                if (STOP_WORDS.contains(word) || !word.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-')) {
                    inPhrase = false;
                } else {
                    words.add(word);
                    endsInNoun = noun;
                    continue;
                }
            }
            if (endsInNoun && !words.isEmpty()) {
                List<String> phrase = words.subList(Math.max(0, words.size() - MAX_WORDS), words.size());
                phrases.add(String.join(" ", phrase));
            }
            words.clear();
            endsInNoun = false;
        }
        return List.copyOf(phrases);
    }

    private static Set<String> loadStopWords() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                KeyPhrases.class.getResourceAsStream("stopwords.txt"), StandardCharsets.UTF_8))) {
            return reader.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .flatMap(l -> List.of(l.split("\\s+")).stream())
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException("stopwords.txt is missing from the pipeline's jar", e);
        }
    }
}
