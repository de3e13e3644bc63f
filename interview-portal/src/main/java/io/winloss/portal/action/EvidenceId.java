package io.winloss.portal.action;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One piece of an action's evidence, parsed from the ids the quote index and the API use: a sentence of an interview
 * ({@code interview:<id>#<index>}), the answer to one question of a survey response ({@code response:<id>#<question>}),
 * or a whole response ({@code response:<id>}, or the bare response id).
 *
 * @param sourceId the interview's or response's id
 * @param part     the sentence index or question id; null for a whole response
 */
record EvidenceId(Kind kind, String sourceId, String part) {

    enum Kind { INTERVIEW_SENTENCE, RESPONSE_ANSWER, RESPONSE }

    private static final String ID = "[A-Za-z0-9_-]{1,100}";
    private static final Pattern SENTENCE = Pattern.compile("interview:(" + ID + ")#(\\d{1,6})");
    private static final Pattern ANSWER = Pattern.compile("response:(" + ID + ")#([A-Za-z0-9_.-]{1,100})");
    private static final Pattern RESPONSE = Pattern.compile("(?:response:)?(" + ID + ")");

    static Optional<EvidenceId> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String id = text.strip();
        Matcher m = SENTENCE.matcher(id);
        if (m.matches()) {
            return Optional.of(new EvidenceId(Kind.INTERVIEW_SENTENCE, m.group(1), String.valueOf(Integer.parseInt(m.group(2)))));
        }
        m = ANSWER.matcher(id);
        if (m.matches()) {
            return Optional.of(new EvidenceId(Kind.RESPONSE_ANSWER, m.group(1), m.group(2)));
        }
        m = RESPONSE.matcher(id);
        if (m.matches()) {
            return Optional.of(new EvidenceId(Kind.RESPONSE, m.group(1), null));
        }
        return Optional.empty();
    }

    /** The id as stored: a bare response id gains its {@code response:} prefix. */
    String canonical() {
        return switch (kind) {
            case INTERVIEW_SENTENCE -> "interview:" + sourceId + "#" + part;
            case RESPONSE_ANSWER -> "response:" + sourceId + "#" + part;
            case RESPONSE -> "response:" + sourceId;
        };
    }
}
