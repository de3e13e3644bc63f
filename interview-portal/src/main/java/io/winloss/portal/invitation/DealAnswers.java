package io.winloss.portal.invitation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.winloss.portal.analysis.ReviewedSentence;
import io.winloss.portal.survey.Question;
import io.winloss.portal.survey.QuestionType;
import io.winloss.portal.survey.Survey;

/**
 * The view model of a deal's buyer answers: its invitations and its responses with prompts, and under each
 * free-text answer its tags as chips (or that it is being analysed).
 *
 * @param respondent shown only if the buyer may be named or the viewer is an admin; otherwise null
 */
public record DealAnswers(String dealId, List<InvitationRow> invitations, List<ResponseView> responses) {

    record InvitationRow(String email, String status, Instant createdAt, Instant expiresAt) {
    }

    /** @param analysing the sheet's latest analysis has not finished; its free-text answers say so */
    public record ResponseView(String id, Instant submittedAt, boolean attributable, String respondent, boolean analysing,
            List<AnswerRow> answers) {
    }

    /** @param chips the answer's tags, empty unless it is a free-text answer that was analysed */
    public record AnswerRow(String questionId, String prompt, String answer, boolean freeText, List<Chip> chips) {
    }

    /**
     * One tag as a chip, with the classes of the interview page's chips: its kind ({@code competitor},
     * {@code criterion}, {@code sentiment} and its value) and who gave it ({@code machine}, {@code human}, or
     * {@code removed} for a machine tag a person took away).
     */
    public record Chip(String label, String classes) {
    }

    /**
     * Whom an invitation went to, as the viewer may see it: the buyer's address, unless the buyer answered it
     * anonymously and the viewer's answer sheet hides them (an invitation's answers carry its id), so the list of
     * invitations never unmasks what the answers hide.
     */
    public static String invitee(Invitation invitation, List<ResponseView> responses) {
        boolean hidden = responses.stream().anyMatch(r -> r.id().equals(invitation.id()) && r.respondent() == null);
        return hidden ? "Anonymous buyer" : invitation.email();
    }

    static ResponseView view(BuyerResponse response, Survey survey, boolean admin, ResponseTags tags) {
        List<AnswerRow> rows = response.answers().entrySet().stream()
                .map(e -> {
                    Question q = survey.question(e.getKey()).orElse(null);
                    String prompt = q == null ? e.getKey() : q.prompt();
                    boolean freeText = q != null && q.type() == QuestionType.FREE_TEXT;
                    ReviewedSentence tagged = freeText ? tags.of(e.getKey()) : null;
                    return new AnswerRow(e.getKey(), prompt, text(q, e.getValue()), freeText,
                            tagged == null ? List.of() : chips(tagged));
                })
                .toList();
        String respondent = response.attributable() || admin ? response.respondent() : null;
        return new ResponseView(response.id(), response.submittedAt(), response.attributable(), respondent,
                tags.analysing(), rows);
    }

    public static List<Chip> chips(ReviewedSentence s) {
        List<Chip> chips = new ArrayList<>();
        List<String> machineCompetitors = s.machine().competitors();
        List<String> machineCriteria = s.machine().criteria();
        s.competitors().forEach(c -> chips.add(new Chip(c, "competitor " + (machineCompetitors.contains(c) ? "machine" : "human"))));
        s.criteria().forEach(c -> chips.add(new Chip(c, "criterion " + (machineCriteria.contains(c) ? "machine" : "human"))));
        machineCompetitors.stream().filter(c -> !s.competitors().contains(c)).forEach(c -> chips.add(new Chip(c, "competitor removed")));
        machineCriteria.stream().filter(c -> !s.criteria().contains(c)).forEach(c -> chips.add(new Chip(c, "criterion removed")));
        if (s.sentiment() != null) {
            chips.add(new Chip(s.sentiment(), "sentiment " + s.sentiment() + (s.sentimentChanged() ? " human" : " machine")));
        }
        return chips;
    }

    private static String text(Question q, Object value) {
        if (value instanceof List<?> list) {
            return String.join(", ", list.stream().map(v -> label(q, String.valueOf(v))).toList());
        }
        return label(q, String.valueOf(value));
    }

    private static String label(Question q, String value) {
        return q == null ? value : q.labelOf(value);
    }
}
