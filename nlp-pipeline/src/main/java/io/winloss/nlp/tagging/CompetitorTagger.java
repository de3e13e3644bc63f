package io.winloss.nlp.tagging;

import edu.stanford.nlp.ling.CoreLabel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Finds a workspace's competitors in a sentence's tokens: case-insensitively, whole tokens only
 * (so "Gong" is not found in "ongoing"), multi-word names, possessives ("HubSpot's") and plurals ("Gongs").
 *
 * <p>An alias that looks like an ordinary English word ("Close", "Notion", "Box") counts only where it is
 * read as a name: tagged a proper noun, or capitalised inside the sentence. So "we had a close look" names nobody. Needs tokens with
 * part-of-speech tags; adds {@link Mention}s of kind {@code COMPETITOR}.
 */
public final class CompetitorTagger {

    private static final Pattern PLAIN_WORD = Pattern.compile("\\p{L}\\p{Ll}*");

    private record Alias(String competitor, List<String> words, boolean needsProperNoun) {
    }

    private final Map<String, List<Alias>> aliasesByFirstWord = new HashMap<>();

    /**
     * @param ordinaryWord true for a lower-case word of everyday English; such single-word aliases need a proper-noun reading
     */
    public CompetitorTagger(CompetitorList competitors, Predicate<String> ordinaryWord) {
        for (CompetitorList.Competitor competitor : competitors.competitors()) {
            competitor.spellings().forEach(spelling -> {
                List<String> words = RuleLines.words(spelling);
                if (!words.isEmpty()) {
                    boolean plain = words.size() == 1 && PLAIN_WORD.matcher(spelling.strip()).matches()
                            && ordinaryWord.test(words.get(0));
                    aliasesByFirstWord.computeIfAbsent(words.get(0), w -> new ArrayList<>())
                            .add(new Alias(competitor.name(), words, plain));
                }
            });
        }
        aliasesByFirstWord.values().forEach(list -> list.sort(Comparator.comparingInt((Alias a) -> a.words.size()).reversed()));
    }

    /** The competitors the tokens name, left to right, longest alias first, never overlapping. */
    public List<Mention> tag(List<CoreLabel> tokens) {
        List<Mention> mentions = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            Alias match = longestMatchAt(tokens, i);
            if (match == null) {
                i++;
                continue;
            }
            mentions.add(new Mention(Aspect.Kind.COMPETITOR, match.competitor, i, i + match.words.size()));
            i += match.words.size();
        }
        return mentions;
    }

    private Alias longestMatchAt(List<CoreLabel> tokens, int start) {
        String first = lower(tokens.get(start).word());
        List<Alias> candidates = aliasesByFirstWord.get(first);
        if (candidates == null && first.endsWith("s")) {
            candidates = aliasesByFirstWord.get(singular(first));
        }
        if (candidates == null) {
            return null;
        }
        for (Alias alias : candidates) {
            if (matches(alias, tokens, start)) {
                return alias;
            }
        }
        return null;
    }

    private static boolean matches(Alias alias, List<CoreLabel> tokens, int start) {
        int n = alias.words.size();
        if (start + n > tokens.size()) {
            return false;
        }
        for (int j = 0; j < n; j++) {
            String word = lower(tokens.get(start + j).word());
            String wanted = alias.words.get(j);
            boolean last = j == n - 1;
            if (!word.equals(wanted) && !(last && singular(word).equals(wanted))) {
                return false;
            }
        }
        return !alias.needsProperNoun || readAsName(tokens, start);
    }

    /**
     * A proper-noun tag, or a capital the speaker did not need: the tagger reads many capitalised
     * mid-sentence words as common nouns ("we went with Close"), so the capital itself is the evidence.
     */
    private static boolean readAsName(List<CoreLabel> tokens, int index) {
        CoreLabel token = tokens.get(index);
        if (token.tag() != null && token.tag().startsWith("NNP")) {
            return true;
        }
        return index > 0 && Character.isUpperCase(token.word().charAt(0))
                && Character.isLetterOrDigit(tokens.get(index - 1).word().charAt(0));
    }

    /** "gongs" to "gong", "boxes" to "box"; only used to compare with an alias, never shown. */
    private static String singular(String word) {
        if (word.endsWith("es") && word.length() > 3 && "sxz".indexOf(word.charAt(word.length() - 3)) >= 0) {
            return word.substring(0, word.length() - 2);
        }
        return word.endsWith("s") && word.length() > 2 ? word.substring(0, word.length() - 1) : word;
    }

    private static String lower(String word) {
        return word.toLowerCase(Locale.ROOT);
    }
}
