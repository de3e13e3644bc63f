package io.winloss.portal.postmortem;

import java.time.LocalDate;
import java.util.List;

import io.winloss.portal.analysis.ReviewedSentence;
import io.winloss.portal.interview.Interview;
import io.winloss.portal.invitation.DealAnswers;

/**
 * What the buyer said in one interview that carries a tag (a competitor, a criterion, or a positive or negative
 * sentiment), with people's corrections applied and chips as the interview page shows them; at most
 * {@value #MAX_QUOTES}, the rest counted in {@code more} and one click away in the interview.
 *
 * @param analysed false until the interview's analysis has stored its sentences
 */
record InterviewQuotes(String interviewId, String fileName, LocalDate interviewDate, boolean analysed, List<Quote> quotes, int more) {

    static final int MAX_QUOTES = 25;

    /** A buyer sentence and where it is in the interview ({@code /interviews/{id}#s-{index}}). */
    record Quote(int index, String speaker, String text, List<DealAnswers.Chip> chips) {
    }

    static InterviewQuotes of(Interview interview, List<ReviewedSentence> sentences) {
        List<Quote> tagged = sentences.stream()
                .filter(s -> s.machine().buyer())
                .filter(s -> !s.competitors().isEmpty() || !s.criteria().isEmpty()
                        || "positive".equals(s.sentiment()) || "negative".equals(s.sentiment()))
                .map(s -> new Quote(s.machine().index(), s.machine().speaker(), s.machine().text(), DealAnswers.chips(s)))
                .toList();
        return new InterviewQuotes(interview.id(), interview.fileName(), interview.interviewDate(), !sentences.isEmpty(),
                tagged.stream().limit(MAX_QUOTES).toList(), Math.max(0, tagged.size() - MAX_QUOTES));
    }
}
