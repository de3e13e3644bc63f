package io.winloss.portal.deal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.winloss.portal.web.FieldError;
import io.winloss.portal.web.InvalidInput;

/**
 * The one set of rules for a deal, shared by the API, the forms and the CSV import so all three accept
 * exactly the same deals; it reports every broken rule at once, with the field names of API.md.
 */
public final class DealValidator {

    static final int MAX_TEXT = 200;
    static final int MAX_LONG_TEXT = 5000;
    static final int MAX_ITEMS = 50;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern CURRENCY = Pattern.compile("^[A-Za-z]{3}$");
    private static final String OUTCOMES = java.util.Arrays.stream(Outcome.values()).map(Outcome::id)
            .collect(Collectors.joining(", "));

    private DealValidator() {
    }

    /** The checked deal, or {@link InvalidInput} listing every bad field. */
    public static NewDeal validate(DealInput in) {
        List<FieldError> errors = new ArrayList<>();

        String externalId = text(in.externalId(), "externalId", MAX_TEXT, errors);
        if (externalId != null && externalId.indexOf('\u0000') >= 0) {
            errors.add(new FieldError("externalId", "must not contain NUL characters"));
        }
        String account = text(in.account(), "account", MAX_TEXT, errors);
        if (account == null) {
            errors.add(new FieldError("account", "is required"));
        }
        String name = text(in.name(), "name", MAX_TEXT, errors);

        Outcome outcome = null;
        String outcomeText = blankToNull(in.outcome());
        if (outcomeText == null) {
            errors.add(new FieldError("outcome", "is required (one of " + OUTCOMES + ")"));
        } else {
            outcome = Outcome.byId(outcomeText).orElse(null);
            if (outcome == null) {
                errors.add(new FieldError("outcome", "must be one of " + OUTCOMES));
            }
        }

        BigDecimal amount = null;
        String amountText = blankToNull(in.amount());
        if (amountText != null) {
            try {
                amount = new BigDecimal(amountText);
                if (amount.signum() < 0) {
                    errors.add(new FieldError("amount", "must not be negative"));
                } else if (amount.precision() - amount.scale() > 15 || amount.scale() > 4) {
                    errors.add(new FieldError("amount", "must have at most 15 digits before and 4 after the point"));
                }
            } catch (NumberFormatException e) {
                errors.add(new FieldError("amount", "must be a number such as 12500.00"));
            }
        }

        String currency = blankToNull(in.currency());
        if (currency != null) {
            if (CURRENCY.matcher(currency).matches()) {
                currency = currency.toUpperCase(Locale.ROOT);
            } else {
                errors.add(new FieldError("currency", "must be a 3-letter code such as EUR"));
            }
        }

        LocalDate closeDate = date(in.closeDate(), "closeDate", errors);
        if (blankToNull(in.closeDate()) == null) {
            errors.add(new FieldError("closeDate", "is required (YYYY-MM-DD)"));
        }
        LocalDate openDate = date(in.openDate(), "openDate", errors);
        if (openDate != null && closeDate != null && openDate.isAfter(closeDate)) {
            errors.add(new FieldError("openDate", "must not be after closeDate"));
        }

        Double discount = null;
        String discountText = blankToNull(in.discount());
        if (discountText != null) {
            try {
                discount = Double.valueOf(discountText);
                if (discount.isNaN() || discount < 0 || discount > 1) {
                    errors.add(new FieldError("discount", "must be between 0 and 1 (0.15 is 15%)"));
                }
            } catch (NumberFormatException e) {
                errors.add(new FieldError("discount", "must be a number between 0 and 1"));
            }
        }

        String segment = text(in.segment(), "segment", MAX_TEXT, errors);

        Set<String> competitors = new LinkedHashSet<>();
        for (int i = 0; i < in.competitors().size(); i++) {
            String competitor = text(in.competitors().get(i), "competitors[" + i + "]", MAX_TEXT, errors);
            if (competitor != null) {
                competitors.add(competitor);
            }
        }
        if (competitors.size() > MAX_ITEMS) {
            errors.add(new FieldError("competitors", "at most " + MAX_ITEMS + " competitors"));
        }

        String repReason = text(in.repReason(), "repReason", MAX_LONG_TEXT, errors);
        String ownerEmail = email(in.ownerEmail(), "ownerEmail", errors);

        List<Contact> contacts = new ArrayList<>();
        if (in.contacts().size() > MAX_ITEMS) {
            errors.add(new FieldError("contacts", "at most " + MAX_ITEMS + " contacts"));
        }
        for (int i = 0; i < in.contacts().size(); i++) {
            Contact c = in.contacts().get(i);
            String field = "contacts[" + i + "]";
            if (c == null) {
                errors.add(new FieldError(field, "must be an object with name and email"));
                continue;
            }
            String contactName = text(c.name(), field + ".name", MAX_TEXT, errors);
            if (contactName == null) {
                errors.add(new FieldError(field + ".name", "is required"));
            }
            String contactEmail = email(c.email(), field + ".email", errors);
            if (blankToNull(c.email()) == null) {
                errors.add(new FieldError(field + ".email", "is required"));
            }
            String role = text(c.role(), field + ".role", MAX_TEXT, errors);
            contacts.add(new Contact(contactName, contactEmail, role));
        }

        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return new NewDeal(externalId, account, name, outcome, amount, currency, closeDate, openDate, discount,
                segment, List.copyOf(competitors), repReason, ownerEmail, contacts);
    }

    private static String blankToNull(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    private static String text(String value, String field, int max, List<FieldError> errors) {
        String text = blankToNull(value);
        if (text != null && text.length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
        }
        return text;
    }

    private static LocalDate date(String value, String field, List<FieldError> errors) {
        String text = blankToNull(value);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be a date as YYYY-MM-DD"));
            return null;
        }
    }

    private static String email(String value, String field, List<FieldError> errors) {
        String text = blankToNull(value);
        if (text != null && (text.length() > 254 || !EMAIL.matcher(text).matches())) {
            errors.add(new FieldError(field, "must be an email address"));
        }
        return text;
    }
}
