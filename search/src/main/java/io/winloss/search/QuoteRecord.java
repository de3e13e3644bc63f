package io.winloss.search;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One tagged buyer sentence with its deal's facts: the unit the index stores and search returns.
 * Its {@code id} is stable across re-analysis, so indexing the same sentence again replaces it.
 *
 * @param id            stable id, see {@link #interviewSentenceId} and {@link #responseAnswerId}
 * @param source        {@code interview} or {@code survey}
 * @param sourceId      the interview's or the survey response's id
 * @param sentenceIndex position of the sentence in its interview, or the question's index in a response
 * @param amount        deal amount, {@code null} when unknown
 * @param closeDate     deal close date, {@code null} when unknown
 * @param date          when the buyer said it: the interview date or the response's submission date
 * @param sentiment     {@code positive}, {@code neutral} or {@code negative}
 */
public record QuoteRecord(
        String id,
        String workspaceId,
        String dealId,
        String source,
        String sourceId,
        int sentenceIndex,
        String speaker,
        String role,
        String text,
        String outcome,
        String segment,
        Double amount,
        LocalDate closeDate,
        LocalDate date,
        List<String> competitors,
        List<String> criteria,
        String sentiment,
        List<Aspect> aspects,
        List<String> keyPhrases) {

    public static final String INTERVIEW = "interview";
    public static final String SURVEY = "survey";

    public QuoteRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(dealId, "dealId");
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(date, "date");
        if (!INTERVIEW.equals(source) && !SURVEY.equals(source)) {
            throw new IllegalArgumentException("source must be interview or survey, was " + source);
        }
        competitors = competitors == null ? List.of() : List.copyOf(competitors);
        criteria = criteria == null ? List.of() : List.copyOf(criteria);
        aspects = aspects == null ? List.of() : List.copyOf(aspects);
        keyPhrases = keyPhrases == null ? List.of() : List.copyOf(keyPhrases);
    }

    /** The id of sentence {@code index} of an interview: {@code interview:<id>#<index>}. */
    public static String interviewSentenceId(String interviewId, int index) {
        return INTERVIEW + ":" + interviewId + "#" + index;
    }

    /** The id of the free-text answer to question {@code question} of a survey response: {@code response:<id>#<question>}. */
    public static String responseAnswerId(String responseId, String question) {
        return "response:" + responseId + "#" + question;
    }
}
