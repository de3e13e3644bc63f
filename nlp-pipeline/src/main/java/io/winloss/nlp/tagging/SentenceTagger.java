package io.winloss.nlp.tagging;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.sentiment.SentimentCoreAnnotations;
import edu.stanford.nlp.trees.Tree;
import edu.stanford.nlp.util.CoreMap;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * All tags of one buyer sentence from its CoreNLP annotations (tokens with part of speech, lemma and
 * named entity; the sentiment tree), by one workspace's {@link TaggingRules}. Stateless after
 * construction, so one instance serves all threads of an analysis.
 */
public final class SentenceTagger {

    /** The tags of one sentence; see {@code TaggedSentence} for what each means. */
    public record Tags(List<String> competitors, List<String> candidateCompetitors, List<Criterion> criteria,
                       Sentiment sentiment, double score, List<Aspect> aspects, List<String> keyPhrases) {
    }

    private final CompetitorList competitorList;
    private final CompetitorTagger competitors;
    private final CriteriaTagger criteria;
    private final SentimentScorer sentiment;

    public SentenceTagger(TaggingRules rules, Predicate<String> ordinaryWord) {
        this.sentiment = new SentimentScorer(rules.sentiment());
        this.competitorList = rules.competitors();
        this.competitors = new CompetitorTagger(rules.competitors(), ordinaryWord);
        this.criteria = new CriteriaTagger(rules.criteria(), rules.criteriaModel().orElse(null));
    }

    /** The tags of an annotated sentence whose {@link SentenceEmbeddings embedding} is {@code embedding}. */
    public Tags tag(CoreMap sentence, float[] embedding) {
        List<CoreLabel> tokens = sentence.get(CoreAnnotations.TokensAnnotation.class);
        Tree tree = sentence.get(SentimentCoreAnnotations.SentimentAnnotatedTree.class);
        List<Mention> competitorMentions = competitors.tag(tokens);
        List<Mention> criterionMentions = criteria.tag(tokens, embedding);

        boolean[] named = new boolean[tokens.size()];
        competitorMentions.forEach(m -> java.util.Arrays.fill(named, m.start(), m.end(), true));

        double score = tree == null ? 0 : sentiment.score(tree, tokens, embedding);
        List<Aspect> aspects = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Mention mention : concat(competitorMentions, criterionMentions)) {
            if (seen.add(mention.kind() + mention.target())) {
                aspects.add(tree == null ? new Aspect(mention.kind(), mention.target(), Sentiment.of(score), score)
                        : sentiment.aspect(tree, tokens, mention, score));
            }
        }
        return new Tags(
                competitorMentions.stream().map(Mention::target).distinct().toList(),
                candidateCompetitors(tokens, named),
                criterionMentions.stream().map(m -> Criterion.byId(m.target()).orElseThrow()).toList(),
                Sentiment.of(score),
                score,
                aspects,
                KeyPhrases.of(tokens, named));
    }

    /** Organisations the recogniser found outside any competitor mention and missing from the list. */
    private List<String> candidateCompetitors(List<CoreLabel> tokens, boolean[] named) {
        Set<String> candidates = new LinkedHashSet<>();
        int i = 0;
        while (i < tokens.size()) {
            if (!"ORGANIZATION".equals(tokens.get(i).ner()) || named[i]) {
                i++;
                continue;
            }
            int end = i;
            while (end < tokens.size() && "ORGANIZATION".equals(tokens.get(end).ner()) && !named[end]) {
                end++;
            }
            String name = tokens.subList(i, end).stream().map(CoreLabel::word).collect(Collectors.joining(" "));
            if (competitorList.canonicalName(name).isEmpty()) {
                candidates.add(name);
            }
            i = end;
        }
        return List.copyOf(candidates);
    }

    private static List<Mention> concat(List<Mention> a, List<Mention> b) {
        List<Mention> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
