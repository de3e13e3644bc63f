package io.winloss.portal.gap;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.winloss.nlp.tagging.Criterion;

/**
 * The reasons a deal is won or lost, as the buyer picks them in the survey's {@code primaryReason}: the 13 decision
 * criteria ids and {@code other}. Also reads a rep's free-text reason from the CRM into one of them.
 *
 * <p>A rep's reason counts as a criterion when, ignoring case, punctuation and spacing, it <em>is</em> the criterion's
 * id or label ("Price", "price", "Product fit", "product_fit") or one of a few {@link #SYNONYMS}: the values CRM
 * loss-reason picklists commonly use (Salesforce and HubSpot set-ups: "Pricing", "Features", "No budget", "Timing",
 * "Relationship") and the plain names of each criterion. Only a whole reason matches, never a word inside a sentence:
 * "price was fine, the integration was not" is about integration, and guessing would put words in the rep's mouth.
 * Anything else is {@code other} and counted as not understood, so the page can show how much was left out.
 */
final class Reasons {

    static final String OTHER = "other";

    /** Every reason, in the survey's order: the criteria, then {@code other}. */
    static final List<String> ALL;

    private static final Map<String, String> LABELS = new HashMap<>();
    private static final Map<String, String> KNOWN = new HashMap<>();

    /** Reason id to the whole CRM values that also mean it (compared after {@link #normalize}). */
    static final Map<String, List<String>> SYNONYMS = Map.ofEntries(
            Map.entry("price", List.of("pricing", "cost", "costs", "expensive", "too expensive", "price too high",
                    "lost on price", "cheaper competitor", "cheaper")),
            Map.entry("product_fit", List.of("product", "features", "feature", "feature gap", "missing features",
                    "missing feature", "functionality", "product features", "capabilities", "requirements", "fit")),
            Map.entry("ease_of_use", List.of("usability", "user experience", "ux", "complexity", "too complex", "easy to use")),
            Map.entry("integration", List.of("integrations", "api")),
            Map.entry("implementation", List.of("onboarding", "deployment", "rollout", "migration", "implementation time")),
            Map.entry("support", List.of("customer support", "customer service", "customer success")),
            Map.entry("security_compliance", List.of("security", "compliance", "gdpr", "soc 2", "soc2", "hipaa", "infosec",
                    "security review")),
            Map.entry("reputation_trust", List.of("reputation", "trust", "brand", "references", "vendor viability")),
            Map.entry("sales_experience", List.of("sales process", "sales team", "relationship")),
            Map.entry("roi_value", List.of("roi", "value", "business case", "return on investment")),
            Map.entry("performance_reliability", List.of("performance", "reliability", "uptime", "speed", "stability",
                    "scalability")),
            Map.entry("contract_terms", List.of("contract", "terms", "legal", "payment terms", "contract length")),
            Map.entry("timing_budget", List.of("timing", "budget", "no budget", "lost funding", "funding", "budget cuts",
                    "bad timing")));

    static {
        List<String> all = new ArrayList<>();
        for (Criterion criterion : Criterion.values()) {
            all.add(criterion.id());
            LABELS.put(criterion.id(), criterion.label());
            KNOWN.put(normalize(criterion.id()), criterion.id());
            KNOWN.put(normalize(criterion.label()), criterion.id());
        }
        all.add(OTHER);
        LABELS.put(OTHER, "Other");
        KNOWN.put(OTHER, OTHER);
        SYNONYMS.forEach((reason, words) -> words.forEach(word -> {
            String previous = KNOWN.put(normalize(word), reason);
            if (previous != null && !previous.equals(reason)) {
                throw new IllegalStateException("'" + word + "' means both " + previous + " and " + reason);
            }
        }));
        ALL = Collections.unmodifiableList(all);
    }

    /** A rep's reason as read: the reason id, and whether the text was understood (false: it became {@code other}). */
    record Read(String reason, boolean understood) {
    }

    private Reasons() {
    }

    /** Reads a rep's free text; null or blank text is not a reason at all (null). */
    static Read readRepReason(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String reason = KNOWN.get(normalize(text));
        return reason == null ? new Read(OTHER, false) : new Read(reason, true);
    }

    /** A buyer's {@code primaryReason} answer: a reason id as is; anything outside the vocabulary is {@code other}. */
    static String readBuyerAnswer(Object answer) {
        Object value = answer instanceof List<?> list && !list.isEmpty() ? list.get(0) : answer;
        if (!(value instanceof String text) || text.isBlank()) {
            return null;
        }
        String id = text.strip().toLowerCase(Locale.ROOT);
        return LABELS.containsKey(id) ? id : OTHER;
    }

    static boolean isReason(String id) {
        return id != null && LABELS.containsKey(id);
    }

    static String label(String reason) {
        return LABELS.getOrDefault(reason, reason);
    }

    /** Position in {@link #ALL}, for a stable order. */
    static int order(String reason) {
        int i = ALL.indexOf(reason);
        return i < 0 ? ALL.size() : i;
    }

    /** Lower case, accents off, "&" as "and", every run of other characters one space. */
    static String normalize(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        return Arrays.stream(plain.toLowerCase(Locale.ROOT).replace("&", " and ").split("[^\\p{L}\\p{N}]+"))
                .filter(part -> !part.isEmpty())
                .reduce((a, b) -> a + " " + b).orElse("");
    }
}
