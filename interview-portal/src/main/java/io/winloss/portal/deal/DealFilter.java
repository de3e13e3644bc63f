package io.winloss.portal.deal;

import java.time.LocalDate;
import java.util.List;

/**
 * Which deals a list shows; every part is optional (null or empty means "any").
 *
 * @param account text the account name contains, ignoring case
 * @param closedFrom first close date included
 * @param closedTo last close date included
 */
public record DealFilter(List<Outcome> outcomes, String segment, String account, LocalDate closedFrom, LocalDate closedTo) {

    public static final DealFilter ANY = new DealFilter(List.of(), null, null, null, null);

    public DealFilter {
        outcomes = outcomes == null ? List.of() : List.copyOf(outcomes);
        segment = segment == null || segment.isBlank() ? null : segment.strip();
        account = account == null || account.isBlank() ? null : account.strip();
    }
}
