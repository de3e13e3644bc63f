package io.winloss.portal.postmortem;

import java.util.List;
import java.util.Map;

import org.springframework.test.web.reactive.server.WebTestClient;

import io.winloss.portal.TestTenant;

/** Deals and touchpoints made through the API, for the post-mortem tests. */
final class PostMortemFixture {

    private PostMortemFixture() {
    }

    /** A lost deal of the tenant's workspace, with the rep's reason, closed 2026-03-31; returns its id. */
    static String deal(WebTestClient client, TestTenant tenant, String account) {
        return deal(client, tenant, account, null);
    }

    static String deal(WebTestClient client, TestTenant tenant, String account, String externalId) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("account", account, "outcome", "lost",
                "closeDate", "2026-03-31", "openDate", "2026-01-05", "repReason", "Price: they went with a cheaper tool"));
        if (externalId != null) {
            body.put("externalId", externalId);
        }
        return tenant.asAdmin(client).post().uri("/api/deals").bodyValue(body)
                .exchange().expectStatus().is2xxSuccessful()
                .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
    }

    /** Adds the touchpoints (maps of date, type, summary, owner) through the API. */
    static void touchpoints(WebTestClient client, TestTenant tenant, String dealId, List<Map<String, String>> touchpoints) {
        tenant.asAdmin(client).post().uri("/api/deals/{id}/touchpoints", dealId).bodyValue(touchpoints)
                .exchange().expectStatus().isCreated();
    }

    static Map<String, String> touchpoint(String date, String type, String summary) {
        return Map.of("date", date, "type", type, "summary", summary, "owner", "ann@vendor.example");
    }
}
