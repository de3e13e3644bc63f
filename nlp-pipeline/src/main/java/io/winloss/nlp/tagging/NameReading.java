package io.winloss.nlp.tagging;

import edu.stanford.nlp.ling.CoreLabel;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Whether tokens that spell a competitor's alias are read as that name where they stand. Many names are
 * also places ("in Manhattan"), days ("on a Monday") or ordinary words ("a close look"); these rules read
 * the neighbouring words and tags, so the {@link CompetitorTagger} counts a name only where a buyer means
 * the vendor. Needs tokens with part-of-speech tags; the place rule also reads named-entity tags.
 */
final class NameReading {

    private static final Set<String> WEEKDAYS = Set.of("monday", "tuesday", "wednesday", "thursday", "friday",
            "saturday", "sunday");
    /** Before a weekday these make it a date: "on a Monday", "every Monday", "till Monday". */
    private static final Set<String> DATE_WORDS = Set.of("a", "every", "each", "last", "next", "this", "one",
            "following", "until", "till", "by", "since");
    private static final Set<String> TIMES_OF_DAY = Set.of("morning", "mornings", "afternoon", "afternoons",
            "evening", "evenings", "night", "nights", "lunchtime");
    /** Before a place the recogniser found these make it the place: "in Manhattan", "near Palo Alto". */
    private static final Set<String> PLACE_PREPOSITIONS = Set.of("in", "near", "around", "outside", "across",
            "throughout");
    private static final Set<String> SUBJECT_PRONOUNS = Set.of("i", "we", "they", "you", "he", "she");

    private NameReading() {
    }

    /**
     * A place the recogniser found, after a locative preposition ("in Manhattan"). The recogniser also calls
     * unknown names after "in" places ("in Jira"), so this is only asked of names that are often places.
     */
    static boolean place(List<CoreLabel> tokens, int start) {
        String before = start > 0 ? lower(tokens.get(start - 1).word()) : "";
        return "LOCATION".equals(tokens.get(start).ner()) && PLACE_PREPOSITIONS.contains(before);
    }

    /** A weekday used as a date ("on a Monday", "Monday morning", "till Monday"), not the vendor. */
    static boolean date(List<CoreLabel> tokens, int start, int end) {
        if (end - start != 1 || !WEEKDAYS.contains(lower(tokens.get(start).word()))) {
            return false;
        }
        String before = start > 0 ? lower(tokens.get(start - 1).word()) : "";
        String after = end < tokens.size() ? lower(tokens.get(end).word()) : "";
        boolean nounAfter = end < tokens.size() && tokens.get(end).tag() != null && tokens.get(end).tag().startsWith("NN");
        return TIMES_OF_DAY.contains(after) || DATE_WORDS.contains(before) && !nounAfter;
    }

    /**
     * For an alias that is also an ordinary word: a proper-noun tag, a capital the speaker did not need inside
     * the sentence, also after a comma (the tagger reads many capitalised words as common nouns: "we went with
     * Close", "a two-year term, Rippling was annual"), or, for the
     * sentence's capitalised first word, what follows a subject: a verb ("Notion was"), a possessive
     * ("Notion's"), a pronoun after a fronted object ("Notion we tried") or "and" with another name.
     */
    static boolean readAsName(List<CoreLabel> tokens, int index) {
        CoreLabel token = tokens.get(index);
        if (token.tag() != null && token.tag().startsWith("NNP")) {
            return true;
        }
        if (!Character.isUpperCase(token.word().charAt(0))) {
            return false;
        }
        if (index > 0) {
            String before = tokens.get(index - 1).word();
            return Character.isLetterOrDigit(before.charAt(0)) || before.equals(",") || before.equals(";");
        }
        return index + 1 < tokens.size() && startsClauseAsSubject(tokens, index + 1);
    }

    private static boolean startsClauseAsSubject(List<CoreLabel> tokens, int next) {
        CoreLabel after = tokens.get(next);
        String tag = after.tag() == null ? "" : after.tag();
        String word = lower(after.word());
        if (tag.equals("VBD") || tag.equals("VBN") || tag.equals("VBZ") || tag.equals("VBP") || tag.equals("MD")
                || tag.equals("POS")) {
            return true;
        }
        if (SUBJECT_PRONOUNS.contains(word)) {
            return true;
        }
        return (word.equals("and") || word.equals("or")) && next + 1 < tokens.size()
                && Character.isUpperCase(tokens.get(next + 1).word().charAt(0));
    }

    private static String lower(String word) {
        return word == null ? "" : word.toLowerCase(Locale.ROOT);
    }
}
