package io.winloss.portal.deal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The deal form's fields as typed, kept as text so a refused form shows back exactly what was entered.
 * Competitors are one line separated by ';'; contacts are parallel rows of name, email and role.
 */
public record DealForm(String externalId, String account, String name, String outcome, String amount, String currency,
        String closeDate, String openDate, String discount, String segment, String competitors, String repReason,
        String ownerEmail, List<String> contactName, List<String> contactEmail, List<String> contactRole) {

    /** Contact rows shown on the form: the deal's, plus spare empty ones. */
    static final int SPARE_CONTACT_ROWS = 2;

    public DealForm {
        contactName = contactName == null ? List.of() : contactName;
        contactEmail = contactEmail == null ? List.of() : contactEmail;
        contactRole = contactRole == null ? List.of() : contactRole;
    }

    static DealForm empty() {
        return new DealForm(null, null, null, "won", null, null, null, null, null, null, null, null, null,
                null, null, null).withSpareRows();
    }

    static DealForm of(Deal d) {
        return new DealForm(d.externalId(), d.account(), d.name(), d.outcome().id(),
                d.amount() == null ? null : d.amount().toPlainString(), d.currency(),
                d.closeDate() == null ? null : d.closeDate().toString(), d.openDate() == null ? null : d.openDate().toString(),
                d.discount() == null ? null : BigDecimal.valueOf(d.discount()).stripTrailingZeros().toPlainString(),
                d.segment(), String.join("; ", d.competitors()), d.repReason(), d.ownerEmail(),
                d.contacts().stream().map(Contact::name).toList(),
                d.contacts().stream().map(Contact::email).toList(),
                d.contacts().stream().map(Contact::role).toList()).withSpareRows();
    }

    /** The number of contact rows the form shows. */
    public int contactRows() {
        return Math.max(contactName.size(), Math.max(contactEmail.size(), contactRole.size()));
    }

    public String contactName(int i) {
        return i < contactName.size() ? contactName.get(i) : null;
    }

    public String contactEmail(int i) {
        return i < contactEmail.size() ? contactEmail.get(i) : null;
    }

    public String contactRole(int i) {
        return i < contactRole.size() ? contactRole.get(i) : null;
    }

    /** Drops empty contact rows and adds spare ones at the end, for showing the form again. */
    DealForm withSpareRows() {
        List<String> names = new ArrayList<>();
        List<String> emails = new ArrayList<>();
        List<String> roles = new ArrayList<>();
        for (int i = 0; i < contactRows(); i++) {
            if (!blank(contactName(i)) || !blank(contactEmail(i)) || !blank(contactRole(i))) {
                names.add(contactName(i));
                emails.add(contactEmail(i));
                roles.add(contactRole(i));
            }
        }
        for (int i = 0; i < SPARE_CONTACT_ROWS; i++) {
            names.add("");
            emails.add("");
            roles.add("");
        }
        return new DealForm(externalId, account, name, outcome, amount, currency, closeDate, openDate, discount, segment,
                competitors, repReason, ownerEmail, names, emails, roles);
    }

    DealInput toInput() {
        List<Contact> contacts = new ArrayList<>();
        for (int i = 0; i < contactRows(); i++) {
            if (!blank(contactName(i)) || !blank(contactEmail(i)) || !blank(contactRole(i))) {
                contacts.add(new Contact(contactName(i), contactEmail(i), contactRole(i)));
            }
        }
        List<String> competitorList = competitors == null ? List.of()
                : Arrays.stream(competitors.split("[;\\n]")).filter(c -> !c.isBlank()).toList();
        return new DealInput(externalId, account, name, outcome, amount, currency, closeDate, openDate, discount, segment,
                competitorList, repReason, ownerEmail, contacts);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
