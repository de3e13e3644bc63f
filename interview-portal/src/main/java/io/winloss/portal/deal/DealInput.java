package io.winloss.portal.deal;

import java.util.List;

/**
 * A deal as typed by a person, a CRM or a CSV line, before any checking: every field is text (numbers
 * arrive as JSON numbers or strings alike). {@link DealValidator} turns it into a {@link NewDeal}.
 */
public record DealInput(
        String externalId,
        String account,
        String name,
        String outcome,
        String amount,
        String currency,
        String closeDate,
        String openDate,
        String discount,
        String segment,
        List<String> competitors,
        String repReason,
        String ownerEmail,
        List<Contact> contacts) {

    public DealInput {
        competitors = competitors == null ? List.of() : competitors;
        contacts = contacts == null ? List.of() : contacts;
    }
}
