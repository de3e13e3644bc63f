package io.winloss.portal.share;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.winloss.portal.PortalTest;
import io.winloss.portal.TestTenant;
import io.winloss.portal.account.Role;
import io.winloss.portal.account.Users;
import io.winloss.portal.secret.SecretToken;
import io.winloss.portal.store.Collections;
import io.winloss.portal.store.Store;
import io.winloss.portal.workspace.Workspaces;
import reactor.core.publisher.Mono;

/** {@code /api/reports}: sharing a themes report by link, listing the workspace's reports, revoking one. */
@PortalTest
class SharedReportApiTests {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    @Autowired
    WebTestClient client;

    @Autowired
    Workspaces workspaces;

    @Autowired
    Users users;

    @Autowired
    Store store;

    @Autowired
    SharedReports reports;

    TestTenant tenant;
    WebTestClient analyst;

    @BeforeEach
    void workspaceWithAnAnalyst() {
        tenant = TestTenant.create(workspaces);
        analyst = TestTenant.as(client, tenant.addUser(users, Role.ANALYST));
    }

    @Test
    void sharingAnswersTheLinkOnceAndStoresOnlyItsHash() {
        Instant before = Instant.now();
        Map<String, Object> created = share(analyst, Map.of("title", "Why we lose to HubSpot", "outcome", List.of("lost"),
                "versus", "won", "competitor", List.of("HubSpot"), "segment", List.of("enterprise"), "from", "2026-01-01"));

        String url = (String) created.get("url");
        assertThat(url).matches("http://localhost:\\d+/r/[A-Za-z0-9_-]{43}");
        String token = url.substring(url.lastIndexOf("/r/") + 3);
        assertThat(Base64.getUrlDecoder().decode(token)).hasSize(32);
        assertThat(Instant.parse((String) created.get("expiresAt")))
                .isCloseTo(before.plus(Duration.ofDays(30)), within(1, ChronoUnit.MINUTES));
        assertThat(created).containsEntry("title", "Why we lose to HubSpot");
        assertThat(filters(created)).containsEntry("outcome", List.of("lost")).containsEntry("versus", List.of("won"))
                .containsEntry("competitor", List.of("HubSpot")).containsEntry("segment", List.of("enterprise"))
                .containsEntry("from", "2026-01-01");

        Document stored = Mono.from(store.global(Collections.SHARED_REPORTS).find(eq("_id", created.get("id"))).first())
                .block(Duration.ofSeconds(10));
        assertThat(stored.getString("tokenHash")).isEqualTo(SecretToken.hashOf(token));
        assertThat(stored.getString("workspaceId")).isEqualTo(tenant.workspace().id().value());
        assertThat(stored.toJson()).doesNotContain(token);

        String list = analyst.get().uri("/api/reports").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(list).contains((String) created.get("id"), "Why we lose to HubSpot", "\"expired\":false")
                .doesNotContain(token, stored.getString("tokenHash"), "/r/");
    }

    @Test
    void defaultsAreTheThemesPageDefaultsAndExpiresAtDateMeansThroughThatDay() {
        String tomorrow = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(1).toString();
        Map<String, Object> created = share(analyst, Map.of("expiresAt", tomorrow));

        assertThat(filters(created)).containsEntry("outcome", List.of("lost")).containsEntry("versus", List.of("won"))
                .containsEntry("competitor", List.of()).containsEntry("segment", List.of());
        assertThat(created.get("expiresAt")).isEqualTo(java.time.LocalDate.parse(tomorrow).plusDays(1) + "T00:00:00Z");
        assertThat((String) created.get("title")).isEqualTo("What lost buyers say, against won");

        Map<String, Object> week = share(analyst, Map.of("validDays", 7, "outcome", List.of("won", "renewed"), "versus", "lost"));
        assertThat(Instant.parse((String) week.get("expiresAt")))
                .isCloseTo(Instant.now().plus(Duration.ofDays(7)), within(1, ChronoUnit.MINUTES));
    }

    @Test
    void invalidRequestsAre400sNamingEachFieldAndStoreNothing() {
        assertErrors(Map.of("validDays", 0), "validDays");
        assertErrors(Map.of("validDays", 366), "validDays");
        assertErrors(Map.of("expiresAt", "2020-01-01"), "expiresAt");
        assertErrors(Map.of("expiresAt", "next week"), "expiresAt");
        assertErrors(Map.of("expiresAt", Instant.now().plus(Duration.ofDays(400)).toString()), "expiresAt");
        assertErrors(Map.of("expiresAt", "2099-01-01", "validDays", 3), "expiresAt");
        assertErrors(Map.of("outcome", "lost", "versus", "lost"), "versus");
        assertErrors(Map.of("outcome", "banana"), "outcome");
        assertErrors(Map.of("from", "yesterday", "to", "2026-13-01"), "from", "to");
        assertErrors(Map.of("from", "2026-06-01", "to", "2026-01-01"), "to");
        assertErrors(Map.of("title", "x".repeat(201)), "title");

        analyst.post().uri("/api/reports").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"validDays\": \"soon\"}")
                .exchange().expectStatus().isBadRequest();
        assertThat(count()).isZero();
    }

    @Test
    void interviewersMayNotShareListOrRevoke() {
        String id = (String) share(analyst, Map.of()).get("id");
        WebTestClient interviewer = TestTenant.as(client, tenant.addUser(users, Role.INTERVIEWER));

        interviewer.post().uri("/api/reports").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of())
                .exchange().expectStatus().isForbidden();
        interviewer.get().uri("/api/reports").exchange().expectStatus().isForbidden();
        interviewer.delete().uri("/api/reports/" + id).exchange().expectStatus().isForbidden();
        client.get().uri("/api/reports").exchange().expectStatus().isUnauthorized();
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void anotherWorkspacesReportIsNotFoundAndStaysShared() {
        Map<String, Object> created = share(analyst, Map.of());
        TestTenant other = TestTenant.create(workspaces);

        other.asAdmin(client).delete().uri("/api/reports/" + created.get("id")).exchange().expectStatus().isNotFound();
        assertThat(other.asAdmin(client).get().uri("/api/reports").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody()).doesNotContain((String) created.get("id"));

        assertThat(count()).isEqualTo(1);
        client.get().uri(path(created)).exchange().expectStatus().isOk();
    }

    @Test
    void revokingTakesTheLinkDown() {
        Map<String, Object> created = share(analyst, Map.of());
        client.get().uri(path(created)).exchange().expectStatus().isOk();

        tenant.asAdmin(client).delete().uri("/api/reports/" + created.get("id")).exchange().expectStatus().isNoContent();

        client.get().uri(path(created)).exchange().expectStatus().isNotFound();
        analyst.delete().uri("/api/reports/" + created.get("id")).exchange().expectStatus().isNotFound();
        assertThat(analyst.get().uri("/api/reports").exchange().expectBody(String.class).returnResult().getResponseBody())
                .isEqualTo("{\"items\":[]}");
    }

    @Test
    void theListSaysWhichLinksExpired() {
        Instant sharedAt = Instant.now().minus(Duration.ofDays(40));
        ReportRequest.Valid old = new ReportRequest("Old news", null, null, null, null, null, null, null, 30).validate(sharedAt);
        reports.share(tenant.workspace().id(), "someone@example.test", old, sharedAt).block(Duration.ofSeconds(10));
        share(analyst, Map.of("title", "Fresh"));

        List<Map<String, Object>> items = items(analyst.get().uri("/api/reports").exchange().expectStatus().isOk()
                .expectBody(JSON).returnResult().getResponseBody());

        assertThat(items).extracting(i -> i.get("title")).containsExactly("Fresh", "Old news");
        assertThat(items).extracting(i -> i.get("expired")).containsExactly(false, true);
        assertThat(items.get(1)).containsEntry("sharedBy", "someone@example.test");
    }

    // --- helpers

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> answer) {
        return (List<Map<String, Object>>) answer.get("items");
    }

    private Map<String, Object> share(WebTestClient as, Map<String, Object> body) {
        return as.post().uri("/api/reports").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody();
    }

    private void assertErrors(Map<String, Object> body, String... fields) {
        String answer = analyst.post().uri("/api/reports").contentType(MediaType.APPLICATION_JSON).bodyValue(new HashMap<>(body))
                .exchange().expectStatus().isBadRequest().expectBody(String.class).returnResult().getResponseBody();
        for (String field : fields) {
            assertThat(answer).as("%s", body).contains("\"field\":\"" + field + "\"");
        }
    }

    private long count() {
        return store.tenant(tenant.workspace().id(), Collections.SHARED_REPORTS).count(new Document())
                .block(Duration.ofSeconds(10));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> filters(Map<String, Object> created) {
        return (Map<String, Object>) created.get("filters");
    }

    static String path(Map<String, Object> created) {
        String url = (String) created.get("url");
        return url.substring(url.indexOf("/r/"));
    }
}
