package io.winloss.nlp.transcript;

import java.util.Locale;
import java.util.Set;

/**
 * Recognises a speaker's name written in front of their words: {@code Jane Doe: text}, a line that is only
 * {@code Jane Doe:}, SRT's {@code - [Adam] text} and broadcast captions' {@code >> Jane: text}. A name is one to five
 * words of at most 60 characters, each capitalised, a number ({@code Speaker 1}) or a name particle ({@code van},
 * {@code de}), so that prose such as {@code So here's the thing: ...} or {@code 10:30: ...} is not taken for a name.
 * Every check looks at a bounded prefix of the line, so a long line costs no more than a short one.
 *
 * @param speaker the name
 * @param text    what follows the label on the same line, possibly empty
 * @param marked  true for a bracketed {@code - [Name]} label, which is unambiguous; a {@code Name:} label is trusted
 *                only when the file has more than one label line (see the parsers)
 */
record SpeakerLabel(String speaker, String text, boolean marked) {
    private static final int MAX_NAME_CHARS = 60;
    private static final int MAX_NAME_WORDS = 5;
    private static final Set<String> PARTICLES = Set.of(
            "van", "von", "de", "der", "den", "del", "della", "da", "das", "di", "do", "dos", "du", "la", "le",
            "ter", "ten", "bin", "ibn", "al", "el", "y", "e");
    private static final Set<String> ROLE_WORDS = Set.of(
            "interviewer", "interviewee", "buyer", "customer", "client", "moderator", "respondent", "participant",
            "host", "guest", "speaker", "prospect", "q", "a");
    private static final Set<String> NOT_NAMES = Set.of("http", "https", "ftp", "mailto", "file", "www");
    private static final Set<String> SOUNDS = Set.of(
            "music", "laughter", "laughs", "laughing", "applause", "inaudible", "crosstalk", "silence", "noise",
            "cheering", "sighs", "coughs", "pause", "unintelligible", "indistinct", "background noise", "no audio");

    /** The label at the start of the line, or null when the line starts with no speaker's name. */
    static SpeakerLabel of(String line) {
        String rest = stripLeading(line);
        if (rest.startsWith(">>")) {
            rest = stripLeading(rest.substring(2));
        }
        SpeakerLabel bracketed = bracketed(rest);
        return bracketed != null ? bracketed : colon(rest);
    }

    private static SpeakerLabel bracketed(String line) {
        if (!(line.startsWith("-") || line.startsWith("\u2013"))) {
            return null;
        }
        String rest = stripLeading(line.substring(1));
        if (!rest.startsWith("[")) {
            return null;
        }
        int close = rest.indexOf(']', 1);
        if (close < 0 || close > MAX_NAME_CHARS + 1) {
            return null;
        }
        String name = Whitespace.collapse(rest.substring(1, close));
        if (!isName(name) || SOUNDS.contains(name.toLowerCase(Locale.ROOT))) {
            return null;
        }
        return new SpeakerLabel(name, rest.substring(close + 1).strip(), true);
    }

    private static SpeakerLabel colon(String line) {
        int limit = Math.min(line.length(), MAX_NAME_CHARS + 1);
        int colon = -1;
        for (int i = 0; i < limit; i++) {
            if (line.charAt(i) == ':') {
                colon = i;
                break;
            }
        }
        if (colon < 1) {
            return null;
        }
        if (colon + 1 < line.length() && !Whitespace.isSpace(line.charAt(colon + 1))) {
            return null;
        }
        String name = Whitespace.collapse(line.substring(0, colon));
        if (!isName(name)) {
            return null;
        }
        return new SpeakerLabel(name, line.substring(colon + 1).strip(), false);
    }

    /** Whether the text reads as a person's name or a speaker role, not as words of a sentence. */
    static boolean isName(String name) {
        if (name.isEmpty() || name.length() > MAX_NAME_CHARS || !Character.isLetter(name.charAt(0))) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == ' ' || c == '.' || c == '\'' || c == '\u2019' || c == '-'
                    || c == '(' || c == ')' || c == '_')) {
                return false;
            }
        }
        String[] words = name.split(" ");
        if (words.length > MAX_NAME_WORDS) {
            return false;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (NOT_NAMES.contains(lower)) {
            return false;
        }
        if (words.length == 1 && ROLE_WORDS.contains(lower)) {
            return true;
        }
        for (int w = 0; w < words.length; w++) {
            if (!isNameWord(words[w], w == 0)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isNameWord(String word, boolean first) {
        if (word.isEmpty()) {
            return false;
        }
        char c = word.charAt(0);
        if (Character.isUpperCase(c) || Character.isTitleCase(c) || Character.isDigit(c)) {
            return true;
        }
        if (Character.isLetter(c) && !Character.isLowerCase(c)) {
            return true;
        }
        if (!first && PARTICLES.contains(word)) {
            return true;
        }
        for (int i = 1; i < word.length(); i++) {
            if (Character.isUpperCase(word.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static String stripLeading(String s) {
        int i = 0;
        while (i < s.length() && Whitespace.isSpace(s.charAt(i))) {
            i++;
        }
        return s.substring(i);
    }
}
