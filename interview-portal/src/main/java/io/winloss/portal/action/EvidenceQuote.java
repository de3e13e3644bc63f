package io.winloss.portal.action;

/**
 * An action's piece of evidence as the action page shows it: the buyer's words and where to read them in context.
 *
 * @param id    the evidence id as stored on the action
 * @param text  what the buyer said (untrusted: escape it), or a description of a whole answer sheet
 * @param link  the interview at the sentence ({@code /interviews/<id>#s-<index>}) or the deal's answers; null when gone
 * @param found false when its interview or answers were deleted since (or not analysed yet)
 */
public record EvidenceQuote(String id, String text, String link, String dealId, boolean found) {

    static EvidenceQuote gone(String id) {
        return new EvidenceQuote(id, null, null, null, false);
    }
}
