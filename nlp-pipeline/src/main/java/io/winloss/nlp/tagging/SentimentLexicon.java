package io.winloss.nlp.tagging;

import edu.stanford.nlp.ling.CoreLabel;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How buyers sound when they like or dislike something: weighted words and phrases
 * ({@code sentiment-lexicon.txt}) with negation ("never had an issue"), intensifiers ("really slow"),
 * "too" before an adjective, and contrast (after "but", the rest of the sentence counts more).
 * CoreNLP's sentiment model was trained on film reviews and reads most business talk as neutral;
 * this supplies the domain's vocabulary. Needs tokens with lemmas and part-of-speech tags.
 */
final class SentimentLexicon {

    private static final Set<String> NEGATORS = Set.of("not", "n't", "never", "no", "nobody", "nothing", "neither",
            "nor", "without", "hardly", "barely");
    private static final Set<String> INTENSIFIERS = Set.of("very", "really", "so", "super", "extremely",
            "incredibly", "way", "totally", "absolutely", "truly", "genuinely", "seriously");
    private static final Set<String> CONTRASTS = Set.of("but", "however", "though", "although", "yet");
    private static final int NEGATION_WINDOW = 3;

    private record Entry(List<String> words, String tagPrefix, double weight) {
    }

    private final Map<String, List<Entry>> entriesByFirstWord = new HashMap<>();

    private SentimentLexicon() {
    }

    /** The domain's words and phrases ({@code sentiment-lexicon.txt}). */
    static SentimentLexicon defaults() {
        return read("sentiment-lexicon.txt");
    }

    /** General English sentiment words ({@code general-lexicon.txt}, from VADER), for words the domain's lexicon lacks. */
    static SentimentLexicon general() {
        return read("general-lexicon.txt");
    }

    private static SentimentLexicon read(String resource) {
        SentimentLexicon lexicon = new SentimentLexicon();
        var stream = SentimentLexicon.class.getResourceAsStream(resource);
        if (stream == null) {
            throw new IllegalStateException(resource + " is missing from the pipeline's jar");
        }
        try (Reader reader = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
            RuleLines.forEach(reader, (number, text) -> {
                int colon = text.lastIndexOf(':');
                if (colon < 0) {
                    throw new InvalidTaggingRules(number, "expected 'phrase: weight'");
                }
                lexicon.add(text.substring(0, colon).strip(), Double.parseDouble(text.substring(colon + 1).strip()));
            });
        } catch (IOException e) {
            throw new UncheckedIOException(resource + " is unreadable", e);
        }
        entriesSortedLongestFirst(lexicon);
        return lexicon;
    }

    private void add(String phrase, double weight) {
        String tag = null;
        int slash = phrase.indexOf('/');
        if (slash > 0) {
            tag = phrase.substring(slash + 1).toUpperCase(Locale.ROOT);
            phrase = phrase.substring(0, slash);
        }
        List<String> words = RuleLines.words(phrase);
        if (!words.isEmpty()) {
            entriesByFirstWord.computeIfAbsent(words.get(0), w -> new ArrayList<>()).add(new Entry(words, tag, weight));
        }
    }

    private static void entriesSortedLongestFirst(SentimentLexicon lexicon) {
        lexicon.entriesByFirstWord.values().forEach(l -> l.sort((a, b) -> b.words.size() - a.words.size()));
    }

    /** The summed weight of the entries in tokens [from, to), after negation, intensity and contrast. */
    double score(List<CoreLabel> tokens, int from, int to) {
        int contrast = -1;
        for (int i = from; i < to; i++) {
            if (CONTRASTS.contains(lower(tokens.get(i).word()))) {
                contrast = i;
            }
        }
        double total = 0;
        for (Match match : matches(tokens, from, to)) {
            int i = match.at();
            double weight = match.entry().weight;
            if (negated(tokens, from, i)) {
                weight = -weight * 0.75;
            }
            if (intensified(tokens, from, i)) {
                weight *= 1.3;
            }
            if (i > from && lower(tokens.get(i - 1).word()).equals("too")) {
                weight = -Math.max(Math.abs(weight), 1);
            }
            total += weight * (contrast < from ? 1 : i > contrast ? 1.5 : 0.6);
        }
        return total;
    }

    /** How many entries occur in tokens [from, to): the number of opinion words, whatever their weight. */
    int count(List<CoreLabel> tokens, int from, int to) {
        return matches(tokens, from, to).size();
    }

    private record Match(int at, Entry entry) {
    }

    /** The entries in tokens [from, to), left to right, longest first where several start at one token, not overlapping. */
    private List<Match> matches(List<CoreLabel> tokens, int from, int to) {
        List<Match> matches = new ArrayList<>();
        int i = from;
        while (i < to) {
            Entry entry = match(tokens, i, to);
            if (entry == null) {
                i++;
            } else {
                matches.add(new Match(i, entry));
                i += entry.words.size();
            }
        }
        return matches;
    }

    private Entry match(List<CoreLabel> tokens, int start, int to) {
        CoreLabel first = tokens.get(start);
        List<Entry> entries = entriesByFirstWord.get(lower(first.word()));
        if (entries == null) {
            entries = entriesByFirstWord.get(lower(first.lemma()));
        }
        if (entries == null) {
            return null;
        }
        for (Entry entry : entries) {
            if (start + entry.words.size() <= to && matches(entry, tokens, start)) {
                return entry;
            }
        }
        return null;
    }

    private static boolean matches(Entry entry, List<CoreLabel> tokens, int start) {
        for (int j = 0; j < entry.words.size(); j++) {
            CoreLabel token = tokens.get(start + j);
            String wanted = entry.words.get(j);
            if (!wanted.equals(lower(token.word())) && !wanted.equals(lower(token.lemma()))) {
                return false;
            }
        }
        String tag = tokens.get(start).tag();
        return entry.tagPrefix == null || tag != null && tag.startsWith(entry.tagPrefix);
    }

    static boolean negated(List<CoreLabel> tokens, int from, int at) {
        for (int i = at - 1; i >= Math.max(from, at - NEGATION_WINDOW); i--) {
            String word = lower(tokens.get(i).word());
            if (word.equals(",") || word.equals(";") || CONTRASTS.contains(word)) {
                return false;
            }
            if (NEGATORS.contains(word)) {
                return true;
            }
        }
        return false;
    }

    private static boolean intensified(List<CoreLabel> tokens, int from, int at) {
        for (int i = at - 1; i >= Math.max(from, at - 2); i--) {
            if (INTENSIFIERS.contains(lower(tokens.get(i).word()))) {
                return true;
            }
        }
        return false;
    }

    private static String lower(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT);
    }
}
