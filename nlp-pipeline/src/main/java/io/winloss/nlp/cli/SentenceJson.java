package io.winloss.nlp.cli;

import io.winloss.nlp.TaggedSentence;
import io.winloss.nlp.tagging.Aspect;
import io.winloss.nlp.tagging.Criterion;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** A tagged sentence as the API's Sentence object, one JSON line, plus the pipeline's extra fields. */
final class SentenceJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SentenceJson() {
    }

    static String line(TaggedSentence sentence) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("speaker", sentence.speaker());
        json.put("role", sentence.role().id());
        json.put("text", sentence.text());
        json.put("competitors", sentence.competitors());
        json.put("criteria", sentence.criteria().stream().map(Criterion::id).toList());
        json.put("sentiment", sentence.sentiment() == null ? null : sentence.sentiment().id());
        json.put("score", sentence.score() == null ? null : round(sentence.score()));
        json.put("aspects", sentence.aspects().stream().map(SentenceJson::aspect).toList());
        json.put("keyPhrases", sentence.keyPhrases());
        json.put("candidateCompetitors", sentence.candidateCompetitors());
        json.put("turn", sentence.turn());
        json.put("start", sentence.start() == null ? null : sentence.start().toMillis() / 1000.0);
        json.put("roleInferred", sentence.roleInferred());
        return JSON.writeValueAsString(json);
    }

    private static Map<String, Object> aspect(Aspect aspect) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kind", aspect.kind().id());
        json.put("target", aspect.target());
        json.put("sentiment", aspect.sentiment().id());
        json.put("score", round(aspect.score()));
        return json;
    }

    private static double round(double score) {
        return Math.round(score * 1000) / 1000.0;
    }
}
