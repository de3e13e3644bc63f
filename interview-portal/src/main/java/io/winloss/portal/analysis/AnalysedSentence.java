package io.winloss.portal.analysis;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.bson.Document;

import io.winloss.nlp.TaggedSentence;
import io.winloss.nlp.tagging.Criterion;

/**
 * One sentence of an analysed interview or answer sheet, as the machine tagged it and as stored. Interviewer
 * sentences carry no tags ({@code sentiment} and {@code score} null).
 *
 * @param index  position in the conversation, from 0; corrections refer to it
 * @param start  seconds into the recording where the sentence's turn starts, null when unknown
 */
public record AnalysedSentence(int index, int turn, String speaker, String role, String text, Double start,
        List<String> competitors, List<String> candidateCompetitors, List<String> criteria, String sentiment,
        Double score, List<AspectTag> aspects, List<String> keyPhrases) {

    /** The sentiment toward one competitor or criterion in the sentence. */
    public record AspectTag(String kind, String target, String sentiment, double score) {
    }

    public AnalysedSentence {
        competitors = List.copyOf(competitors);
        candidateCompetitors = List.copyOf(candidateCompetitors);
        criteria = List.copyOf(criteria);
        aspects = List.copyOf(aspects);
        keyPhrases = List.copyOf(keyPhrases);
    }

    public boolean buyer() {
        return "buyer".equals(role);
    }

    static AnalysedSentence of(int index, TaggedSentence s) {
        Duration start = s.start();
        return new AnalysedSentence(index, s.turn(), s.speaker(), s.role().name().toLowerCase(Locale.ROOT), s.text(),
                start == null ? null : start.toMillis() / 1000.0, s.competitors(), s.candidateCompetitors(),
                s.criteria().stream().map(Criterion::id).toList(), s.sentiment() == null ? null : s.sentiment().id(),
                s.score() == null ? null : Math.round(s.score() * 1000) / 1000.0,
                s.aspects().stream().map(a -> new AspectTag(a.kind().name().toLowerCase(Locale.ROOT), a.target(),
                        a.sentiment().id(), Math.round(a.score() * 1000) / 1000.0)).toList(),
                s.keyPhrases());
    }

    Document toDocument() {
        return new Document("index", index).append("turn", turn).append("speaker", speaker).append("role", role)
                .append("text", text).append("start", start).append("competitors", competitors)
                .append("candidateCompetitors", candidateCompetitors).append("criteria", criteria)
                .append("sentiment", sentiment).append("score", score)
                .append("aspects", aspects.stream().map(a -> new Document("kind", a.kind()).append("target", a.target())
                        .append("sentiment", a.sentiment()).append("score", a.score())).toList())
                .append("keyPhrases", keyPhrases);
    }

    static AnalysedSentence fromDocument(Document d) {
        return new AnalysedSentence(d.getInteger("index"), d.getInteger("turn", 0), d.getString("speaker"),
                d.getString("role"), d.getString("text"), d.getDouble("start"), d.getList("competitors", String.class),
                d.getList("candidateCompetitors", String.class), d.getList("criteria", String.class),
                d.getString("sentiment"), d.getDouble("score"),
                d.getList("aspects", Document.class).stream().map(a -> new AspectTag(a.getString("kind"),
                        a.getString("target"), a.getString("sentiment"), a.getDouble("score"))).toList(),
                d.getList("keyPhrases", String.class));
    }
}
