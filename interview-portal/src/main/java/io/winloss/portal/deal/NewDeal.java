package io.winloss.portal.deal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A deal's facts that passed {@link DealValidator}: required fields present, values in range, text trimmed
 * (blank means null). Only this type is written to the store.
 */
public record NewDeal(
        String externalId,
        String account,
        String name,
        Outcome outcome,
        BigDecimal amount,
        String currency,
        LocalDate closeDate,
        LocalDate openDate,
        Double discount,
        String segment,
        List<String> competitors,
        String repReason,
        String ownerEmail,
        List<Contact> contacts) {

    public NewDeal {
        competitors = competitors == null ? List.of() : List.copyOf(competitors);
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
    }
}
