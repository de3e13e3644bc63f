package io.winloss.portal.share;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.winloss.portal.deal.Contact;
import io.winloss.portal.deal.Deal;

/**
 * The names that would let a reader follow a quote back to a deal, and their removal from text: each deal's account
 * (also without its legal suffix: "Umbrella Corporation" is also "Umbrella") becomes {@value #COMPANY}; each contact's
 * and buyer speaker's full name and email become {@value #PERSON}, case-insensitively, as whole words. A person's
 * single first or last name is replaced too, but only as a name is written (capitalised, case-sensitive), so that a
 * contact called Will Price does not turn every "price" into a person.
 */
final class BuyerNames {

    static final String COMPANY = "[the buyer's company]";
    static final String PERSON = "[a buyer]";

    /** Trailing words of a company name that buyers leave out when they say it. */
    private static final Set<String> LEGAL_SUFFIXES = Set.of("inc", "incorporated", "llc", "llp", "ltd", "limited", "corp",
            "corporation", "co", "company", "gmbh", "ag", "sa", "sas", "srl", "plc", "bv", "nv", "pty", "oy", "ab", "as",
            "group", "holding", "holdings", "international");
    private static final Pattern SPACE = Pattern.compile("\\s+");

    private final Pattern names;
    private final Set<String> companies;

    private BuyerNames(Set<String> companies, Set<String> people, Set<String> nameParts) {
        this.companies = companies;
        record Alternative(String pattern, int length) {
        }
        List<Alternative> alternatives = new ArrayList<>();
        companies.forEach(name -> alternatives.add(new Alternative("(?iu:" + words(name) + ")", name.length())));
        people.forEach(name -> alternatives.add(new Alternative("(?iu:" + words(name) + ")", name.length())));
        nameParts.forEach(part -> alternatives.add(new Alternative(Pattern.quote(part), part.length())));
        // longest first: at one position the regex takes the first alternative that matches, so "Dana Ortiz" beats "Dana"
        alternatives.sort(Comparator.comparingInt(Alternative::length).reversed());
        String alternation = String.join("|", alternatives.stream().map(Alternative::pattern).toList());
        this.names = alternation.isEmpty() ? null
                : Pattern.compile("(?<![\\p{L}\\p{N}_])(?:" + alternation + ")(?![\\p{L}\\p{N}_])");
    }

    /** The names of these deals' accounts and contacts, and of buyers who spoke in their interviews. */
    static BuyerNames of(Collection<Deal> deals, Collection<String> speakers) {
        Set<String> companies = new LinkedHashSet<>();
        Set<String> people = new LinkedHashSet<>();
        Set<String> parts = new LinkedHashSet<>();
        for (Deal deal : deals) {
            company(deal.account(), companies);
            for (Contact contact : deal.contacts()) {
                person(contact.name(), people, parts);
                if (contact.email() != null && !contact.email().isBlank()) {
                    people.add(contact.email().strip());
                }
            }
        }
        speakers.forEach(speaker -> person(speaker, people, parts));
        Set<String> lowerCompanies = new HashSet<>();
        companies.forEach(c -> lowerCompanies.add(c.toLowerCase(Locale.ROOT)));
        return new BuyerNames(lowerCompanies, people, parts);
    }

    /** {@code text} with every name replaced; null stays null. */
    String anonymise(String text) {
        if (text == null || names == null) {
            return text;
        }
        Matcher m = names.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String found = SPACE.matcher(m.group()).replaceAll(" ").toLowerCase(Locale.ROOT);
            m.appendReplacement(out, Matcher.quoteReplacement(companies.contains(found) ? COMPANY : PERSON));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static void company(String account, Set<String> companies) {
        if (account == null || account.isBlank()) {
            return;
        }
        String name = SPACE.matcher(account.strip()).replaceAll(" ");
        companies.add(name);
        List<String> words = new ArrayList<>(List.of(name.split(" ")));
        while (words.size() > 1 && LEGAL_SUFFIXES.contains(bare(words.get(words.size() - 1)))) {
            words.remove(words.size() - 1);
        }
        String shorter = String.join(" ", words).replaceAll("[,.&\\s]+$", "");
        if (shorter.length() >= 3) {
            companies.add(shorter);
        }
    }

    private static void person(String name, Set<String> people, Set<String> parts) {
        if (name == null || name.isBlank()) {
            return;
        }
        String full = SPACE.matcher(name.strip()).replaceAll(" ");
        people.add(full);
        if (full.chars().anyMatch(Character::isDigit)) {
            return; // "Speaker 2" is a label, not a name
        }
        for (String part : full.split(" ")) {
            String word = part.replaceAll("^[^\\p{L}]+|[^\\p{L}]+$", "");
            if (word.length() >= 2 && Character.isUpperCase(word.codePointAt(0))) {
                parts.add(word);
            }
        }
    }

    private static String bare(String word) {
        return word.replaceAll("[^\\p{L}]", "").toLowerCase(Locale.ROOT);
    }

    /** A name as a pattern: its words quoted, any run of spaces between them. */
    private static String words(String name) {
        List<String> quoted = new ArrayList<>();
        for (String word : name.split(" ")) {
            quoted.add(Pattern.quote(word));
        }
        return String.join("\\s+", quoted);
    }
}
