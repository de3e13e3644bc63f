package io.winloss.portal.criteria;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.winloss.nlp.tagging.Criterion;

/**
 * What each decision criterion covers, in one line, so an admin writing patterns tags what the labelling
 * guidelines mean (nlp-pipeline/eval/README.md, "Decision criteria"; keep the two in step).
 */
final class CriterionGuide {

    /** One criterion as the page lists it. */
    record Entry(String id, String label, String covers) {
    }

    private static final Map<Criterion, String> COVERS = Map.ofEntries(
            Map.entry(Criterion.PRICE, "List price, cost, pricing model (per seat, per host, usage-based, per vehicle), licence or seat fees, quotes, discounts, being expensive or cheap, free tiers, bundled pricing."),
            Map.entry(Criterion.PRODUCT_FIT, "Features, functionality, capabilities, meeting requirements, fit to the use case, missing features, roadmap, outgrowing a tool, accuracy or quality of what the product does."),
            Map.entry(Criterion.EASE_OF_USE, "Usability, interface, UX, learning curve, intuitive vs clunky, how many clicks, needing training or an admin just to use it day to day, end-user adoption because of usability."),
            Map.entry(Criterion.INTEGRATION, "Connecting with other systems, APIs, SDKs, connectors, middleware, data sync, compatibility with the existing stack (\"we're a Microsoft shop\", \"the field tool has to live off SAP data\")."),
            Map.entry(Criterion.IMPLEMENTATION, "Onboarding of the customer, deployment, rollout, go-live, migration, setup effort and time to go live, implementation partners and consultants, professional services, training during rollout, validation work needed before go-live."),
            Map.entry(Criterion.SUPPORT, "Customer support and service after purchase or during a trial: tickets, response times, help desk, support engineers, customer success managers, escalations."),
            Map.entry(Criterion.SECURITY_COMPLIANCE, "Security, SOC 2, ISO 27001, GDPR, HIPAA and BAAs, FDA Part 11, FedRAMP, SSO/SAML/SCIM, audit logs, permissions and access control, data residency, audits, security questionnaires, InfoSec and vendor-risk reviews."),
            Map.entry(Criterion.REPUTATION_TRUST, "Brand, name recognition, references and reference calls, analyst reports, reviews, peers' recommendations, market leadership, \"everybody uses it\", vendor maturity, stability or viability, trust in the vendor."),
            Map.entry(Criterion.SALES_EXPERIENCE, "The sales process and the sales team's conduct: the rep or AE, responsiveness during the evaluation, demos, pushiness, proof of concept handling, RFP responses, negotiation behaviour, having to talk to sales to see a price."),
            Map.entry(Criterion.ROI_VALUE, "Business case, return on investment, value for money, payback, savings, measurable outcomes after purchase (hours saved, error rates, premiums down)."),
            Map.entry(Criterion.PERFORMANCE_RELIABILITY, "Speed, latency, slowness, hangs, timeouts, uptime, outages, crashes, data loss, bugs, scalability."),
            Map.entry(Criterion.CONTRACT_TERMS, "Contract length, minimum commitments, auto-renewal and notice periods, price holds and renewal caps, prepayment and payment terms, SLAs written into the contract, indemnification and other legal language, exit clauses, lock-in, flexibility of the agreement."),
            Map.entry(Criterion.TIMING_BUDGET, "Whether budget is available: budget freezes, fiscal-year and capital cycles, grant deadlines. Also timing: \"not the right time\", peak season, changed priorities, reorganisations, layoffs, mergers, the sponsor leaving, other projects taking the team's capacity."));

    private CriterionGuide() {
    }

    /** Every criterion, in the order of the API's list of ids. */
    static List<Entry> entries() {
        return Arrays.stream(Criterion.values()).map(c -> new Entry(c.id(), c.label(), COVERS.get(c))).toList();
    }
}
