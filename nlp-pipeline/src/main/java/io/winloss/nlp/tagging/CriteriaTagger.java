package io.winloss.nlp.tagging;

import edu.stanford.nlp.ling.CoreLabel;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds decision criteria in a sentence by its {@link CriteriaPatterns}. Negation does not remove a
 * criterion ("it was not about price" is about price); what changes is the sentiment, which the
 * {@link SentimentScorer} reads for each mention. Needs lemmas and part-of-speech tags; adds
 * {@link Mention}s of kind {@code CRITERION}, at most one per criterion, at its first phrase.
 */
public final class CriteriaTagger {

    private final Map<String, List<CriteriaPatterns.Phrase>> phrasesByFirstWord = new HashMap<>();
    private final List<CriteriaPatterns.Phrase> phrasesWithOpenStart = new ArrayList<>();

    public CriteriaTagger(CriteriaPatterns patterns) {
        for (CriteriaPatterns.Phrase phrase : patterns.phrases()) {
            CriteriaPatterns.Element first = phrase.elements().get(0);
            if (first.any() || first.prefix()) {
                phrasesWithOpenStart.add(phrase);
            } else {
                phrasesByFirstWord.computeIfAbsent(first.text(), w -> new ArrayList<>()).add(phrase);
            }
        }
    }

    public List<Mention> tag(List<CoreLabel> tokens) {
        Set<Criterion> found = EnumSet.noneOf(Criterion.class);
        List<Mention> mentions = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            CoreLabel token = tokens.get(i);
            tryPhrases(phrasesByFirstWord.get(lower(token.lemma())), tokens, i, found, mentions);
            String word = lower(token.word());
            if (!word.equals(lower(token.lemma()))) {
                tryPhrases(phrasesByFirstWord.get(word), tokens, i, found, mentions);
            }
            tryPhrases(phrasesWithOpenStart, tokens, i, found, mentions);
        }
        return mentions;
    }

    private static void tryPhrases(List<CriteriaPatterns.Phrase> phrases, List<CoreLabel> tokens, int start,
                                   Set<Criterion> found, List<Mention> mentions) {
        if (phrases == null) {
            return;
        }
        for (CriteriaPatterns.Phrase phrase : phrases) {
            int length = phrase.elements().size();
            if (!found.contains(phrase.criterion()) && start + length <= tokens.size() && matches(phrase, tokens, start)) {
                found.add(phrase.criterion());
                mentions.add(new Mention(Aspect.Kind.CRITERION, phrase.criterion().id(), start, start + length));
            }
        }
    }

    private static boolean matches(CriteriaPatterns.Phrase phrase, List<CoreLabel> tokens, int start) {
        List<CriteriaPatterns.Element> elements = phrase.elements();
        for (int j = 0; j < elements.size(); j++) {
            if (!matches(elements.get(j), tokens.get(start + j))) {
                return false;
            }
        }
        return true;
    }

    private static boolean matches(CriteriaPatterns.Element element, CoreLabel token) {
        if (element.tagPrefix() != null && (token.tag() == null
                || !token.tag().toLowerCase(Locale.ROOT).startsWith(element.tagPrefix()))) {
            return false;
        }
        if (element.any()) {
            return true;
        }
        String lemma = lower(token.lemma());
        String word = lower(token.word());
        if (element.prefix()) {
            return lemma.startsWith(element.text()) || word.startsWith(element.text());
        }
        return lemma.equals(element.text()) || word.equals(element.text());
    }

    private static String lower(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT);
    }
}
