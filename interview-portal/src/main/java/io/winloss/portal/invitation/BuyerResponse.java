package io.winloss.portal.invitation;

import java.time.Instant;
import java.util.Map;

/**
 * A buyer's submitted answers, one per invitation ({@code id} is the invitation's id).
 *
 * @param answers question id to an Integer, a String or a List of Strings
 * @param respondent the invited buyer's email; show it only when {@code attributable} or to admins
 */
public record BuyerResponse(String id, String dealId, String invitationId, int surveyVersion, Instant submittedAt,
        boolean attributable, Map<String, Object> answers, String respondent) {

    public BuyerResponse {
        answers = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(answers));
    }
}
