package io.winloss.portal.gap;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import io.winloss.portal.deal.Deal;
import io.winloss.portal.deal.Outcome;
import io.winloss.portal.web.FieldError;
import io.winloss.portal.web.InvalidInput;

/**
 * Which deals the perception gap covers, as the API and the page take it from the query string: close dates
 * {@code from} and {@code to} (both included, {@code yyyy-mm-dd}) and {@code outcome}, repeatable (any of them; none
 * means every outcome).
 */
record GapForm(String from, String to, List<String> outcome) {

    /** The checked filter over every paired deal: {@link InvalidInput} naming each bad field. */
    Filter toFilter() {
        return toFilter(null, null, false);
    }

    /**
     * The checked filter for the deals behind a cell, row or column: {@code rep} and {@code buyer} reason ids (null
     * for any), {@code unread} for only the rep reasons that could not be read.
     */
    Filter toFilter(String rep, String buyer, boolean unread) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate fromDate = date("from", from, errors);
        LocalDate toDate = date("to", to, errors);
        if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
            errors.add(new FieldError("to", "must not be before from"));
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (String id : outcomes()) {
            Outcome.byId(id).ifPresentOrElse(outcomes::add, () -> errors.add(new FieldError("outcome", "unknown outcome " + id)));
        }
        String repReason = reason("rep", rep, errors);
        String buyerReason = reason("buyer", buyer, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return new Filter(fromDate, toDate, List.copyOf(outcomes), repReason, buyerReason, unread);
    }

    /** The outcomes asked for, blanks left out. */
    public List<String> outcomes() {
        return outcome == null ? List.of() : outcome.stream().filter(o -> o != null && !o.isBlank()).map(String::strip).toList();
    }

    private static LocalDate date(String field, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be a date as YYYY-MM-DD"));
            return null;
        }
    }

    private static String reason(String field, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!Reasons.isReason(value.strip())) {
            errors.add(new FieldError(field, "must be a criterion id or other"));
            return null;
        }
        return value.strip();
    }

    /** A checked {@link GapForm}. Null parts mean "any". */
    record Filter(LocalDate from, LocalDate to, List<Outcome> outcomes, String rep, String buyer, boolean unread) {

        /** Whether the deal is in the period and has one of the outcomes. */
        boolean covers(Deal deal) {
            LocalDate closed = deal.closeDate();
            if (from != null && (closed == null || closed.isBefore(from))) {
                return false;
            }
            if (to != null && (closed == null || closed.isAfter(to))) {
                return false;
            }
            return outcomes.isEmpty() || outcomes.contains(deal.outcome());
        }

        /** Whether a paired deal lies in the cell, row or column asked for. */
        boolean selects(PairedDeal pair) {
            return (rep == null || rep.equals(pair.repReason())) && (buyer == null || buyer.equals(pair.buyerReason()))
                    && (!unread || !pair.repUnderstood());
        }
    }
}
