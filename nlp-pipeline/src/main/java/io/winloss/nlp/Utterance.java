package io.winloss.nlp;

import io.winloss.nlp.tagging.Aspect;
import io.winloss.nlp.tagging.Criterion;
import io.winloss.nlp.tagging.Sentiment;
import io.winloss.nlp.transcript.Role;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Merges the sentences of one utterance into one result: union of tags, sentiment of the whole. */
final class Utterance {

    private Utterance() {
    }

    static TaggedSentence merge(int index, String text, List<TaggedSentence> sentences) {
        Set<String> competitors = new LinkedHashSet<>();
        Set<String> candidates = new LinkedHashSet<>();
        Set<Criterion> criteria = new LinkedHashSet<>();
        Set<String> keyPhrases = new LinkedHashSet<>();
        Map<String, List<Aspect>> aspects = new LinkedHashMap<>();
        double weightedScore = 0;
        int tokens = 0;
        for (TaggedSentence sentence : sentences) {
            competitors.addAll(sentence.competitors());
            candidates.addAll(sentence.candidateCompetitors());
            criteria.addAll(sentence.criteria());
            keyPhrases.addAll(sentence.keyPhrases());
            sentence.aspects().forEach(a -> aspects.computeIfAbsent(a.kind() + "\n" + a.target(), k -> new ArrayList<>()).add(a));
            weightedScore += sentence.score() * sentence.tokens();
            tokens += sentence.tokens();
        }
        double score = tokens == 0 ? 0 : weightedScore / tokens;
        List<Aspect> merged = aspects.values().stream().map(Utterance::mean).toList();
        return new TaggedSentence(index, "", Role.BUYER, false, null, text.strip(), tokens, List.copyOf(competitors),
                List.copyOf(candidates), List.copyOf(criteria), Sentiment.of(score), score, merged, List.copyOf(keyPhrases));
    }

    private static Aspect mean(List<Aspect> same) {
        double score = same.stream().mapToDouble(Aspect::score).average().orElse(0);
        Aspect first = same.get(0);
        return new Aspect(first.kind(), first.target(), Sentiment.of(score), score);
    }
}
