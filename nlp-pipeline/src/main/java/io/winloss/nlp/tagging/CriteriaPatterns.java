package io.winloss.nlp.tagging;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What counts as talk about each decision criterion: phrases of lemmas, one criterion a line,
 * {@code price: price | too expensive | per seat}. The defaults ship in {@code criteria.txt} beside this
 * class; an admin's own lines extend them ({@link #extendedWith}).
 *
 * <p>A phrase is a sequence of elements matched against consecutive tokens. An element is a lemma or a
 * word ({@code cost} matches "costs" and "costed"), optionally with a part-of-speech prefix
 * ({@code support/NN} matches the noun only), a trailing {@code *} for a prefix ({@code integrat*}),
 * or {@code *} alone for any one token.
 */
public final class CriteriaPatterns {

    /** One element of a phrase; see the class comment for the syntax. */
    record Element(String text, boolean prefix, boolean any, String tagPrefix) {

        static Element parse(String source) {
            String text = source;
            String tag = null;
            int slash = text.indexOf('/');
            if (slash > 0) {
                tag = text.substring(slash + 1);
                text = text.substring(0, slash);
            }
            if (text.equals("*")) {
                return new Element("", false, true, tag);
            }
            boolean prefix = text.endsWith("*");
            return new Element(prefix ? text.substring(0, text.length() - 1) : text, prefix, false, tag);
        }
    }

    /**
     * A phrase that signals {@code criterion}; {@code shipped} when it comes from {@code criteria.txt}, whose
     * phrases the {@link CriteriaModel} was trained with, not from a workspace's lines.
     */
    record Phrase(Criterion criterion, List<Element> elements, boolean shipped) {
    }

    private final List<Phrase> phrases;

    private CriteriaPatterns(List<Phrase> phrases) {
        this.phrases = List.copyOf(phrases);
    }

    /** The patterns shipped with the pipeline. */
    public static CriteriaPatterns defaults() {
        try (Reader reader = new InputStreamReader(
                CriteriaPatterns.class.getResourceAsStream("criteria.txt"), StandardCharsets.UTF_8)) {
            return new CriteriaPatterns(read(reader, true));
        } catch (IOException e) {
            throw new UncheckedIOException("criteria.txt is missing from the pipeline's jar", e);
        }
    }

    /** Reads pattern lines; an unknown criterion id or an empty phrase is an {@link InvalidTaggingRules}. */
    public static CriteriaPatterns parse(Reader source) throws IOException {
        return new CriteriaPatterns(read(source, false));
    }

    /** These patterns and the ones in {@code source}, for a workspace that adds its own words. */
    public CriteriaPatterns extendedWith(Reader source) throws IOException {
        List<Phrase> all = new ArrayList<>(phrases);
        all.addAll(read(source, false));
        return new CriteriaPatterns(all);
    }

    List<Phrase> phrases() {
        return phrases;
    }

    private static List<Phrase> read(Reader source, boolean shipped) throws IOException {
        List<Phrase> phrases = new ArrayList<>();
        RuleLines.forEach(source, (number, text) -> {
            int colon = text.indexOf(':');
            if (colon < 0) {
                throw new InvalidTaggingRules(number, "expected 'criterion: phrase | phrase'");
            }
            String id = text.substring(0, colon).strip();
            Criterion criterion = Criterion.byId(id)
                    .orElseThrow(() -> new InvalidTaggingRules(number, "unknown criterion '" + id + "'"));
            for (String phrase : text.substring(colon + 1).split("\\|")) {
                List<Element> elements = new ArrayList<>();
                for (String word : phrase.strip().toLowerCase(Locale.ROOT).split("\\s+")) {
                    if (!word.isEmpty()) {
                        elements.add(Element.parse(word));
                    }
                }
                if (elements.isEmpty()) {
                    throw new InvalidTaggingRules(number, "an empty phrase for " + id);
                }
                phrases.add(new Phrase(criterion, elements, shipped));
            }
        });
        return phrases;
    }
}
