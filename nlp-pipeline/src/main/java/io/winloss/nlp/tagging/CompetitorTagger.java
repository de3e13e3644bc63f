package io.winloss.nlp.tagging;

import edu.stanford.nlp.ling.CoreLabel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Finds a workspace's competitors in a sentence's tokens: case-insensitively, whole tokens only
 * (so "Gong" is not found in "ongoing"), multi-word names, possessives ("HubSpot's") and plurals ("Gongs").
 *
 * <p>An alias that looks like an ordinary English word ("Close", "Notion", "Box") counts only where it is
 * read as a name (see {@link NameReading}): tagged a proper noun, capitalised inside the sentence, or a
 * capitalised first word followed by its verb. So "we had a close look" names nobody. A weekday used as a
 * date ("on a Monday") never counts, nor a company's short form that names a place after "in" ("in Manhattan"
 * for Manhattan Associates). Needs tokens with part-of-speech and named-entity tags; adds {@link Mention}s of
 * kind {@code COMPETITOR}.
 */
public final class CompetitorTagger {

    private static final Pattern PLAIN_WORD = Pattern.compile("\\p{L}\\p{Ll}*");

    /**
     * {@code needsProperNoun}: an ordinary English word; {@code shortForm}: a company's name without its corporate
     * word ("Manhattan" for "Manhattan Associates"), which is often the place the company was named after.
     */
    private record Alias(String competitor, List<String> words, boolean needsProperNoun, boolean shortForm) {
    }

    private static final Set<String> CORPORATE_WORDS = Set.of("associates", "networks", "systems", "group", "partners",
            "labs", "technologies", "software", "solutions", "inc", "corporation", "corp", "company", "holdings");

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
                            .add(new Alias(competitor.name(), words, plain, shortForm(words, RuleLines.words(competitor.name()))));
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
        if (alias.shortForm && NameReading.place(tokens, start) || NameReading.date(tokens, start, start + n)) {
            return false;
        }
        return !alias.needsProperNoun || NameReading.readAsName(tokens, start);
    }

    private static boolean shortForm(List<String> alias, List<String> name) {
        return name.size() == alias.size() + 1 && name.subList(0, alias.size()).equals(alias)
                && CORPORATE_WORDS.contains(name.get(alias.size()));
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
