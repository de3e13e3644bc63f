package io.winloss.portal.share;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.winloss.portal.deal.Contact;
import io.winloss.portal.deal.Deal;
import io.winloss.portal.deal.Outcome;

/** Taking buyers' names out of quotes: whole words, companies case-insensitively, people as names are written. */
class BuyerNamesTests {

    private final BuyerNames names = BuyerNames.of(List.of(
            deal("Soylent Corporation International Holdings", new Contact("Will Price", "will.price@soylent.test", "CFO"),
                    new Contact("Dana  Ortiz", null, null))),
            List.of("Mei-Lin Zhou", "Speaker 2"));

    @Test
    void accountsAreReplacedWholeAndWithoutTheirLegalSuffix() {
        assertThat(names.anonymise("SOYLENT corporation international holdings chose you? No, soylent's team did not."))
                .isEqualTo("[the buyer's company] chose you? No, [the buyer's company]'s team did not.");
        assertThat(names.anonymise("Soylentish and Nonsoylent stay.")).isEqualTo("Soylentish and Nonsoylent stay.");
    }

    @Test
    void contactsAndSpeakersAreReplacedByFullNameEmailOrAWrittenFirstOrLastName() {
        assertThat(names.anonymise("dana ortiz and Will Price met; mail will.price@soylent.test or ask Mei-Lin Zhou."))
                .isEqualTo("[a buyer] and [a buyer] met; mail [a buyer] or ask [a buyer].");
        assertThat(names.anonymise("Dana\nOrtiz said Ortiz and Dana agreed with Zhou."))
                .isEqualTo("[a buyer] said [a buyer] and [a buyer] agreed with [a buyer].");
        assertThat(names.anonymise("The price will matter; the Speaker 2 label goes."))
                .as("a name part only as a name is written; a labelled speaker whole")
                .isEqualTo("The price will matter; the [a buyer] label goes.");
    }

    @Test
    void nothingToHideLeavesTextAlone() {
        assertThat(BuyerNames.of(List.of(), List.of()).anonymise("Price was high.")).isEqualTo("Price was high.");
        assertThat(names.anonymise(null)).isNull();
    }

    private static Deal deal(String account, Contact... contacts) {
        Instant now = Instant.now();
        return new Deal("d1", null, account, null, Outcome.LOST, null, null, LocalDate.of(2026, 3, 31), null, null, null,
                List.of(), null, null, List.of(contacts), now, now);
    }
}
