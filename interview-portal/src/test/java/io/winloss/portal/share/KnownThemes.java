package io.winloss.portal.share;

import static io.winloss.portal.analysis.AnalysisFixture.buyer;
import static io.winloss.portal.analysis.AnalysisFixture.interviewer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.winloss.portal.TestTenant;
import io.winloss.portal.analysis.AnalysedSentence;
import io.winloss.portal.analysis.Analyses;
import io.winloss.portal.analysis.AnalysisFixture;
import io.winloss.portal.insight.ChangeLog;
import io.winloss.portal.insight.QuoteIndexer;
import io.winloss.portal.store.Collections;
import io.winloss.portal.store.Store;
import io.winloss.portal.workspace.WorkspaceId;

/**
 * A workspace whose themes are known, with analyses stored by hand (no models) and indexed: six lost deals whose
 * buyers all found the price too high, each naming their own company and a colleague, five of them closed in
 * 2026-Q1 and one in 2026-Q2; six won deals, one mentioning price; support in two lost and two won deals (four
 * deals: below a minimum of 5); the onboarding plan in three won deals; HubSpot praised for integration in five lost
 * deals, and for price in two of them. Six won and three lost deals were invited, two won buyers answered.
 */
final class KnownThemes {

    static final List<String> LOST_ACCOUNTS = List.of("Umbrella Corporation", "Initech", "Globex Holdings", "Soylent Corp",
            "Hooli", "Vandelay Industries");
    static final List<String> LOST_CONTACTS = List.of("Dana Ortiz", "Peter Gibbons", "Hank Scorpio", "Sol Roth",
            "Gavin Belson", "Art Vandelay");
    static final List<String> WON_ACCOUNTS = List.of("Massive Dynamic", "Wayne Enterprises", "Stark Industries",
            "Tyrell Corp", "Cyberdyne Systems", "Wonka Industries");
    static final List<String> WON_CONTACTS = List.of("Nina Sharp", "Lucius Fox", "Pepper Potts", "Eldon Tyrell",
            "Miles Dyson", "Charlie Bucket");

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    /** What was stored: the ids a shared report must never show. */
    record Seeded(List<String> dealIds, List<String> interviewIds) {

        List<String> names() {
            List<String> names = new ArrayList<>(LOST_ACCOUNTS);
            names.addAll(LOST_CONTACTS);
            names.addAll(WON_ACCOUNTS);
            names.addAll(WON_CONTACTS);
            return names;
        }
    }

    private KnownThemes() {
    }

    static Seeded seed(WebTestClient client, TestTenant tenant, Store store, Analyses analyses, ChangeLog changes,
            QuoteIndexer indexer) {
        WorkspaceId workspace = tenant.workspace().id();
        List<String> deals = new ArrayList<>();
        List<String> interviews = new ArrayList<>();
        String last = null;
        for (int i = 0; i < 6; i++) {
            String account = LOST_ACCOUNTS.get(i);
            String contact = LOST_CONTACTS.get(i);
            String deal = deal(client, tenant, account, contact, "lost", i < 5 ? "2026-02-15" : "2026-05-15");
            List<AnalysedSentence> sentences = new ArrayList<>();
            sentences.add(interviewer(0, "What decided it for you?"));
            // the first says its company in lower case and its colleague by first name only
            String says = i == 0 ? "Honestly umbrella's budget could not take the price, Dana told the board."
                    : "At " + account + " the price was far too high, " + contact + " said so in the review.";
            sentences.add(buyer(1, contact, says, List.of(), List.of("price"), "negative", -1.5));
            if (i < 2) {
                sentences.add(buyer(2, contact, "Support was slow to answer.", List.of(), List.of("support"), "negative", -1.0));
            }
            if (i < 5) {
                sentences.add(hubSpotPraised(3, contact, i < 2));
            }
            // quotes of equal weight are chosen by sentence id: the first deal's sorts first, so it is always quoted
            interviews.add(interview(store, analyses, workspace, deal, sentences, i == 0 ? "0" : "1"));
            deals.add(deal);
            if (i < 3) {
                invite(client, tenant, deal);
            }
            last = deal;
        }
        for (int i = 0; i < 6; i++) {
            String deal = deal(client, tenant, WON_ACCOUNTS.get(i), WON_CONTACTS.get(i), "won", "2026-03-20");
            AnalysedSentence says = i == 0
                    ? buyer(0, WON_CONTACTS.get(i), "The price was fair for " + WON_ACCOUNTS.get(i) + ".", List.of(),
                            List.of("price"), "positive", 1.0)
                    : i < 3 ? buyer(0, WON_CONTACTS.get(i), "Support was quick.", List.of(), List.of("support"), "positive", 1.0)
                    : buyer(0, WON_CONTACTS.get(i), "The onboarding plan was clear.", List.of(), List.of("implementation"),
                            "positive", 1.0);
            interviews.add(interview(store, analyses, workspace, deal, List.of(says), "1"));
            deals.add(deal);
            String invitation = invite(client, tenant, deal);
            if (i < 2) {
                store.tenant(workspace, Collections.INVITATIONS).updateOne(new Document("_id", invitation),
                        new Document("$set", new Document("answeredAt", new Date()))).block(Duration.ofSeconds(10));
            }
            last = deal;
        }
        awaitIndexed(changes, indexer, workspace, last);
        return new Seeded(deals, interviews);
    }

    /** HubSpot praised for integration (and for price in two deals): a sentence naming one competitor is about it. */
    private static AnalysedSentence hubSpotPraised(int index, String speaker, boolean price) {
        List<AnalysedSentence.AspectTag> aspects = new ArrayList<>();
        aspects.add(new AnalysedSentence.AspectTag("competitor", "HubSpot", "positive", 1.0));
        aspects.add(new AnalysedSentence.AspectTag("criterion", "integration", "positive", 1.0));
        if (price) {
            aspects.add(new AnalysedSentence.AspectTag("criterion", "price", "positive", 1.0));
        }
        return new AnalysedSentence(index, index, speaker, "buyer", "HubSpot simply integrated better with our stack.", null,
                List.of("HubSpot"), List.of(), price ? List.of("integration", "price") : List.of("integration"), "positive",
                1.0, aspects, List.of());
    }

    /** Another workspace whose lost buyers all complain about contract terms: none of it may reach the first's report. */
    static void seedOther(WebTestClient client, TestTenant tenant, Store store, Analyses analyses, ChangeLog changes,
            QuoteIndexer indexer) {
        WorkspaceId workspace = tenant.workspace().id();
        String last = null;
        for (int i = 0; i < 6; i++) {
            for (String outcome : List.of("lost", "won")) {
                String deal = deal(client, tenant, "Other " + outcome + " " + i, "Olga Other", outcome, "2026-02-15");
                interview(store, analyses, workspace, deal, List.of("lost".equals(outcome)
                        ? buyer(0, "Olga Other", "The contract terms were unacceptable.", List.of(), List.of("contract_terms"),
                                "negative", -1.0)
                        : buyer(0, "Olga Other", "Fine.", List.of(), List.of("roi_value"), "positive", 1.0)), "1");
                last = deal;
            }
        }
        awaitIndexed(changes, indexer, workspace, last);
    }

    static String deal(WebTestClient client, TestTenant tenant, String account, String contact, String outcome,
            String closeDate) {
        Map<String, Object> created = tenant.asAdmin(client).post().uri("/api/deals").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("account", account, "outcome", outcome, "closeDate", closeDate, "segment", "enterprise",
                        "contacts", List.of(Map.of("name", contact, "email",
                                contact.toLowerCase().replace(' ', '.') + "@buyer.example.test"))))
                .exchange().expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody();
        return (String) created.get("id");
    }

    private static String invite(WebTestClient client, TestTenant tenant, String dealId) {
        Map<String, Object> created = tenant.asAdmin(client).post().uri("/api/deals/" + dealId + "/invitations")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("email", "buyer@buyer.example.test"))
                .exchange().expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody();
        return (String) created.get("id");
    }

    /** An interview stored as an upload stores it, with its analysis; returns its id. */
    static String interview(Store store, Analyses analyses, WorkspaceId workspace, String dealId,
            List<AnalysedSentence> sentences, String idPrefix) {
        String id = idPrefix + UUID.randomUUID();
        store.tenant(workspace, Collections.INTERVIEWS).insert(new Document("_id", id).append("dealId", dealId)
                .append("fileName", "call.txt").append("size", 10L).append("interviewers", List.of("Priya Raman"))
                .append("interviewDate", "2026-04-02").append("uploadedBy", "someone@example.test")
                .append("uploadedAt", new Date())).block(Duration.ofSeconds(10));
        AnalysisFixture.save(analyses, workspace, "interview:" + id, sentences);
        return id;
    }

    /** Waits until the quote index has committed every change recorded so far. */
    static void awaitIndexed(ChangeLog changes, QuoteIndexer indexer, WorkspaceId workspace, String dealId) {
        long mark = changes.record(workspace, "deal:" + dealId).block(Duration.ofSeconds(10));
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (indexer.position() < mark) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the index did not reach change " + mark + " within 20 s");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
