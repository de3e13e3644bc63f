package io.winloss.portal.gap;

import java.time.Instant;

import io.winloss.portal.deal.Deal;

/**
 * A deal with both sides of the story: the rep's reason from the CRM (as written, and as read into a reason id) and
 * the buyer's stated primary reason, from their first submitted answer.
 *
 * @param repUnderstood false when the rep's text matched no reason and was read as {@code other}
 */
record PairedDeal(Deal deal, String repText, String repReason, boolean repUnderstood, String buyerReason, Instant answeredAt) {

    public String repLabel() {
        return Reasons.label(repReason);
    }

    public String buyerLabel() {
        return Reasons.label(buyerReason);
    }
}
