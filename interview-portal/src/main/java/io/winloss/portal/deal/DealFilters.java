package io.winloss.portal.deal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import io.winloss.portal.web.FieldError;
import io.winloss.portal.web.InvalidInput;

/** Reads a {@link DealFilter} from query parameters, shared by the API and the list page; bad values are a 400. */
final class DealFilters {

    private DealFilters() {
    }

    static DealFilter of(List<String> outcomes, String segment, String account, String closedFrom, String closedTo) {
        List<FieldError> errors = new ArrayList<>();
        List<Outcome> parsed = new ArrayList<>();
        for (String id : outcomes == null ? List.<String>of() : outcomes) {
            if (id == null || id.isBlank()) {
                continue;
            }
            Outcome.byId(id).ifPresentOrElse(parsed::add,
                    () -> errors.add(new FieldError("outcome", "unknown outcome " + id)));
        }
        LocalDate from = date(closedFrom, "closedFrom", errors);
        LocalDate to = date(closedTo, "closedTo", errors);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return new DealFilter(parsed, segment, account, from, to);
    }

    private static LocalDate date(String value, String field, List<FieldError> errors) {
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
}
