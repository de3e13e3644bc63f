package io.winloss.portal.interview;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.winloss.portal.analysis.AnalysedSentence;
import io.winloss.portal.analysis.AnalysisJob;
import io.winloss.portal.analysis.ReviewedSentence;

/** An interview as the API and the page show it: its facts, its analysis state and its reviewed sentences. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record InterviewView(String id, String dealId, String fileName, long size, List<String> interviewers,
        LocalDate interviewDate, String uploadedBy, Instant uploadedAt, String status, String error, Progress progress,
        List<Sentence> sentences) {

    record Progress(int done, int total) {
    }

    /**
     * A sentence with the tags people should read (corrections applied). {@code machine} holds the machine's own
     * tags when a person corrected them, and {@code correctedBy}/{@code correctedAt} say who and when.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Sentence(int index, @com.fasterxml.jackson.annotation.JsonIgnore int turn, String speaker, String role,
            String text, Double start, List<String> competitors,
            List<String> criteria, String sentiment, Double score, List<AnalysedSentence.AspectTag> aspects,
            List<String> keyPhrases, List<String> candidateCompetitors, Machine machine, String correctedBy,
            Instant correctedAt) {

        static Sentence of(ReviewedSentence r) {
            AnalysedSentence m = r.machine();
            return new Sentence(m.index(), m.turn(), m.speaker(), m.role(), m.text(), m.start(), r.competitors(), r.criteria(),
                    r.sentiment(), m.score(), m.aspects(), m.keyPhrases(), m.candidateCompetitors(),
                    r.corrected() ? new Machine(m.competitors(), m.criteria(), m.sentiment()) : null,
                    r.corrected() ? r.correction().by() : null, r.corrected() ? r.correction().at() : null);
        }
    }

    record Machine(List<String> competitors, List<String> criteria, String sentiment) {
    }

    /** Whether the page should watch progress: the analysis has not finished yet. */
    public boolean running() {
        return "queued".equals(status) || "analyzing".equals(status);
    }

    static InterviewView of(Interview i, AnalysisJob job, List<ReviewedSentence> sentences) {
        return new InterviewView(i.id(), i.dealId(), i.fileName(), i.size(), i.interviewers(), i.interviewDate(),
                i.uploadedBy(), i.uploadedAt(), job == null ? "queued" : job.status().id(), job == null ? null : job.error(),
                job == null ? new Progress(0, 0) : new Progress(job.done(), job.total()),
                sentences.stream().map(Sentence::of).toList());
    }
}
