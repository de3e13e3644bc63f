package io.winloss.portal.deal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A closed (or open) deal as stored, with the fields named in API.md. Optional fields are null when unknown;
 * lists are never null.
 */
public record Deal(
        String id,
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
        List<Contact> contacts,
        Instant createdAt,
        Instant updatedAt) {

    public Deal {
        competitors = competitors == null ? List.of() : List.copyOf(competitors);
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
    }
}
