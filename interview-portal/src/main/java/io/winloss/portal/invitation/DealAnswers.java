package io.winloss.portal.invitation;

import java.time.Instant;
import java.util.List;

import io.winloss.portal.survey.Question;
import io.winloss.portal.survey.Survey;

/**
 * The view model of a deal's buyer answers: its invitations and its responses with prompts.
 *
 * @param respondent shown only if the buyer may be named or the viewer is an admin; otherwise null
 */
record DealAnswers(String dealId, List<InvitationRow> invitations, List<ResponseView> responses) {

    record InvitationRow(String email, String status, Instant createdAt, Instant expiresAt) {
    }

    record ResponseView(String id, Instant submittedAt, boolean attributable, String respondent, List<AnswerRow> answers) {
    }

    record AnswerRow(String prompt, String answer) {
    }

    static ResponseView view(BuyerResponse response, Survey survey, boolean admin) {
        List<AnswerRow> rows = response.answers().entrySet().stream()
                .map(e -> {
                    Question q = survey.question(e.getKey()).orElse(null);
                    String prompt = q == null ? e.getKey() : q.prompt();
                    return new AnswerRow(prompt, text(q, e.getValue()));
                })
                .toList();
        String respondent = response.attributable() || admin ? response.respondent() : null;
        return new ResponseView(response.id(), response.submittedAt(), response.attributable(), respondent, rows);
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
