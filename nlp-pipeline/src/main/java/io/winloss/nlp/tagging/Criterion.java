package io.winloss.nlp.tagging;

import java.util.Arrays;
import java.util.Optional;

/**
 * The decision criteria buyers weigh, with the ids fixed by the external API.
 * The same vocabulary tags sentences and names the survey's "primary reason" choices.
 */
public enum Criterion {
    PRICE("price", "Price"),
    PRODUCT_FIT("product_fit", "Product fit"),
    EASE_OF_USE("ease_of_use", "Ease of use"),
    INTEGRATION("integration", "Integration"),
    IMPLEMENTATION("implementation", "Implementation"),
    SUPPORT("support", "Support"),
    SECURITY_COMPLIANCE("security_compliance", "Security and compliance"),
    REPUTATION_TRUST("reputation_trust", "Reputation and trust"),
    SALES_EXPERIENCE("sales_experience", "Sales experience"),
    ROI_VALUE("roi_value", "ROI and value"),
    PERFORMANCE_RELIABILITY("performance_reliability", "Performance and reliability"),
    CONTRACT_TERMS("contract_terms", "Contract terms"),
    TIMING_BUDGET("timing_budget", "Timing and budget");

    private final String id;
    private final String label;

    Criterion(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** The id used in the API, in stored tags and in survey answers. */
    public String id() {
        return id;
    }

    /** A short English label for pages. */
    public String label() {
        return label;
    }

    public static Optional<Criterion> byId(String id) {
        return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst();
    }
}
