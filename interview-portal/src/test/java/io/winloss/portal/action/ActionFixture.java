package io.winloss.portal.action;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.winloss.portal.analysis.AnalysedSentence;
import io.winloss.portal.analysis.Analyses;
import io.winloss.portal.analysis.AnalysisFixture;
import io.winloss.portal.store.Collections;
import io.winloss.portal.store.Store;
import io.winloss.portal.workspace.WorkspaceId;

/** Deals through the API, interviews and answers stored with hand-built analyses, and actions: what action tests stand on. */
final class ActionFixture {

    private ActionFixture() {
    }

    /** Creates a deal through {@code POST /api/deals} and returns its id; {@code extra} adds openDate, discount, segment... */
    static String deal(WebTestClient asAnalyst, String outcome, String closeDate, Map<String, Object> extra) {
        Map<String, Object> body = new LinkedHashMap<>(extra);
        body.put("account", "Account " + UUID.randomUUID());
        body.put("outcome", outcome);
        body.put("closeDate", closeDate);
        return asAnalyst.post().uri("/api/deals").bodyValue(body).exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
    }

    /** An interview stored as an upload would store it, with its analysis; returns its id. */
    static String interview(Store store, Analyses analyses, WorkspaceId owner, String dealId, String... buyerSays) {
        String id = UUID.randomUUID().toString();
        store.tenant(owner, Collections.INTERVIEWS).insert(new Document("_id", id).append("dealId", dealId)
                .append("fileName", "call.txt").append("size", 10L).append("interviewers", List.of("Priya Raman"))
                .append("interviewDate", "2026-04-02").append("uploadedBy", "someone@example.test")
                .append("uploadedAt", new Date())).block(Duration.ofSeconds(10));
        List<AnalysedSentence> sentences = new ArrayList<>();
        sentences.add(AnalysisFixture.interviewer(0, "What decided it for you?"));
        for (String text : buyerSays) {
            sentences.add(AnalysisFixture.buyer(sentences.size(), "Dana Ortiz", text, List.of(), List.of("price"), "negative", -1));
        }
        AnalysisFixture.save(analyses, owner, "interview:" + id, sentences);
        return id;
    }

    /** A submitted answer sheet whose {@code whatWouldHaveChanged} answer is {@code answer}, analysed; returns its id. */
    static String response(Store store, Analyses analyses, WorkspaceId owner, String dealId, String answer) {
        String id = UUID.randomUUID().toString();
        store.tenant(owner, Collections.RESPONSES).insert(new Document("_id", id).append("dealId", dealId)
                .append("invitationId", id).append("surveyVersion", 1).append("submittedAt", new Date())
                .append("attributable", false)
                .append("answers", new Document("primaryReason", "price").append("whatWouldHaveChanged", answer)))
                .block(Duration.ofSeconds(10));
        AnalysisFixture.save(analyses, owner, "response:" + id, List.of(
                AnalysisFixture.buyer(0, "whatWouldHaveChanged", answer, List.of(), List.of("price"), "negative", -1)));
        return id;
    }

    /** A valid action body owned by {@code owner}; callers replace fields to test rules. */
    static Map<String, Object> action(String owner) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "Publish per-seat pricing on the website");
        body.put("team", "marketing");
        body.put("ownerEmail", owner);
        body.put("dueDate", "2027-06-30");
        body.put("metric", "winRate");
        return body;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> create(WebTestClient as, Map<String, Object> body) {
        return as.post().uri("/api/actions").bodyValue(body).exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
    }
}
