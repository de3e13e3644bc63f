package io.winloss.nlp.tagging;

import edu.stanford.nlp.ling.CoreLabel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds decision criteria in a sentence. With a {@link CriteriaModel} the model decides, reading the sentence's
 * words and which shipped {@link CriteriaPatterns} match as evidence, and every phrase a workspace added still adds
 * its criterion (the union); without one, any matching phrase decides (the rules alone). Negation does not remove a
 * criterion ("it was not about price" is about price); what changes is the sentiment, which the
 * {@link SentimentScorer} reads for each mention. Needs lemmas and part-of-speech tags; adds {@link Mention}s of
 * kind {@code CRITERION}, at most one per criterion: at its first phrase, else at the word that weighed most.
 */
public final class CriteriaTagger {

    /** A phrase found at tokens [start, end). */
    record Match(CriteriaPatterns.Phrase phrase, int start, int end) {
    }

    private final Map<String, List<CriteriaPatterns.Phrase>> phrasesByFirstWord = new HashMap<>();
    private final List<CriteriaPatterns.Phrase> phrasesWithOpenStart = new ArrayList<>();
    private final CriteriaModel model;

    /** The rules alone: a criterion is tagged wherever one of its phrases matches. */
    public CriteriaTagger(CriteriaPatterns patterns) {
        this(patterns, null);
    }

    /** The model's decision and the phrases a workspace added; the rules alone when {@code model} is null. */
    public CriteriaTagger(CriteriaPatterns patterns, CriteriaModel model) {
        this.model = model;
        for (CriteriaPatterns.Phrase phrase : patterns.phrases()) {
            CriteriaPatterns.Element first = phrase.elements().get(0);
            if (first.any() || first.prefix()) {
                phrasesWithOpenStart.add(phrase);
            } else {
                phrasesByFirstWord.computeIfAbsent(first.text(), w -> new ArrayList<>()).add(phrase);
            }
        }
    }

    /** The criteria of a sentence whose {@link SentenceEmbeddings embedding} is {@code embedding}, where each is mentioned. */
    public List<Mention> tag(List<CoreLabel> tokens, float[] embedding) {
        List<Match> matches = matches(tokens);
        Map<Criterion, Mention> mentions = new EnumMap<>(Criterion.class);
        Set<Criterion> decided = EnumSet.noneOf(Criterion.class);
        if (model == null) {
            matches.forEach(m -> decided.add(m.phrase().criterion()));
        } else {
            decided.addAll(model.criteria(CriteriaFeatures.of(tokens, matches).withEmbedding(embedding)));
            matches.stream().filter(m -> !m.phrase().shipped()).forEach(m -> decided.add(m.phrase().criterion()));
        }
        for (Match match : matches) {
            Criterion criterion = match.phrase().criterion();
            if (decided.contains(criterion)) {
                mentions.putIfAbsent(criterion, new Mention(Aspect.Kind.CRITERION, criterion.id(), match.start(), match.end()));
            }
        }
        for (Criterion criterion : decided) {
            if (!mentions.containsKey(criterion)) {
                int at = model.strongestWord(criterion, tokens);
                mentions.put(criterion, new Mention(Aspect.Kind.CRITERION, criterion.id(), at, at + 1));
            }
        }
        return mentions.values().stream().sorted(Comparator.comparingInt(Mention::start)).toList();
    }

    /** What the {@link CriteriaModel} sees of this sentence, for training it on labelled sentences. */
    public CriteriaFeatures features(List<CoreLabel> tokens) {
        return CriteriaFeatures.of(tokens, matches(tokens));
    }

    /** Every phrase that matches, at every place it matches, in order of where it starts. */
    List<Match> matches(List<CoreLabel> tokens) {
        List<Match> matches = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            CoreLabel token = tokens.get(i);
            tryPhrases(phrasesByFirstWord.get(lower(token.lemma())), tokens, i, matches);
            String word = lower(token.word());
            if (!word.equals(lower(token.lemma()))) {
                tryPhrases(phrasesByFirstWord.get(word), tokens, i, matches);
            }
            String topic = wiseTopic(word);
            if (topic != null) {
                tryPhrases(phrasesByFirstWord.get(topic), tokens, i, matches);
            }
            tryPhrases(phrasesWithOpenStart, tokens, i, matches);
        }
        return matches;
    }

    private static void tryPhrases(List<CriteriaPatterns.Phrase> phrases, List<CoreLabel> tokens, int start, List<Match> matches) {
        if (phrases == null) {
            return;
        }
        for (CriteriaPatterns.Phrase phrase : phrases) {
            int length = phrase.elements().size();
            if (start + length <= tokens.size() && matches(phrase, tokens, start)) {
                matches.add(new Match(phrase, start, start + length));
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
        String topic = wiseTopic(lower(token.word()));
        if (topic != null) {
            return (element.tagPrefix() == null || element.tagPrefix().startsWith("nn")) && (element.any()
                    || (element.prefix() ? topic.startsWith(element.text()) : topic.equals(element.text())));
        }
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

    /**
     * "price-wise" is a remark about price: the tokenizer keeps such words whole, so they match a phrase by the
     * noun before "-wise", read as a noun whatever the tagger made of the whole word; null for other words.
     */
    private static String wiseTopic(String word) {
        return word.endsWith("-wise") && word.length() > "-wise".length() ? word.substring(0, word.length() - "-wise".length()) : null;
    }

    private static String lower(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT);
    }
}
