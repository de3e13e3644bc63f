package io.winloss.nlp.evaluation;

import io.winloss.nlp.TaggedSentence;
import io.winloss.nlp.tagging.Criterion;
import io.winloss.nlp.tagging.Sentiment;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * How well the tagger agrees with people on a labelled set: precision, recall and F1 per competitor and per
 * criterion, and three-way sentiment accuracy with its confusion matrix. Each labelled item is one utterance.
 */
public final class Evaluation {

    /** One item the tagger got wrong in some way, for reading the mistakes. */
    public record Disagreement(LabelledSentence expected, TaggedSentence actual) {
    }

    private final LabelScores competitors = new LabelScores();
    private final LabelScores criteria = new LabelScores();
    private final Map<String, Map<String, Integer>> sentimentConfusion = new TreeMap<>();
    private final List<Disagreement> disagreements = new ArrayList<>();
    private int sentences;
    private int sentimentCorrect;

    /** Reads a JSON Lines file of labelled sentences; a bad line fails with its number. */
    public static List<LabelledSentence> read(Path file) throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        List<LabelledSentence> items = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    JsonNode item = json.readTree(line);
                    items.add(LabelledSentence.of(item.path("id").asString("line " + number), item.get("text").asString(),
                            strings(item.path("competitors")), strings(item.path("criteria")), item.get("sentiment").asString()));
                } catch (RuntimeException e) {
                    throw new IOException(file + " line " + number + ": not a labelled sentence (" + e.getMessage() + ")", e);
                }
            }
        }
        return items;
    }

    public void add(LabelledSentence expected, TaggedSentence actual) {
        sentences++;
        Set<String> predictedCompetitors = new HashSet<>(actual.competitors());
        Set<String> predictedCriteria = actual.criteria().stream().map(Criterion::id).collect(Collectors.toSet());
        competitors.add(expected.competitors(), predictedCompetitors);
        criteria.add(expected.criteria(), predictedCriteria);
        String predictedSentiment = actual.sentiment() == null ? Sentiment.NEUTRAL.id() : actual.sentiment().id();
        sentimentConfusion.computeIfAbsent(expected.sentiment(), s -> new TreeMap<>()).merge(predictedSentiment, 1, Integer::sum);
        boolean sentimentRight = predictedSentiment.equals(expected.sentiment());
        if (sentimentRight) {
            sentimentCorrect++;
        }
        if (!sentimentRight || !predictedCompetitors.equals(expected.competitors()) || !predictedCriteria.equals(expected.criteria())) {
            disagreements.add(new Disagreement(expected, actual));
        }
    }

    public int sentences() {
        return sentences;
    }

    public LabelScores competitors() {
        return competitors;
    }

    public LabelScores criteria() {
        return criteria;
    }

    public double sentimentAccuracy() {
        return sentences == 0 ? 0 : (double) sentimentCorrect / sentences;
    }

    public int sentimentCorrect() {
        return sentimentCorrect;
    }

    /** Expected label to predicted label to count. */
    public Map<String, Map<String, Integer>> sentimentConfusion() {
        return sentimentConfusion;
    }

    public List<Disagreement> disagreements() {
        return disagreements;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }
}
