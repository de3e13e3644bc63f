package io.winloss.portal.crm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.winloss.portal.PageSession;
import io.winloss.portal.PortalTest;
import io.winloss.portal.TestTenant;
import io.winloss.portal.account.Role;
import io.winloss.portal.account.Users;
import io.winloss.portal.workspace.Workspaces;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The CRM webhook through HTTP, signed as a CRM signs: HMAC-SHA256 computed here, independently of the portal's code. */
@PortalTest
class CrmWebhookTests {

    @Autowired
    WebTestClient client;

    @Autowired
    Workspaces workspaces;

    @Autowired
    Users users;

    @Autowired
    WebhookSecrets secrets;

    @Autowired
    WebhookEvents events;

    @Autowired
    SeenEvents seen;

    @Autowired
    WebhookSettings settings;

    TestTenant tenant;
    String workspaceId;

    @BeforeEach
    void newTenant() {
        TestTenant.owner(workspaces);
        tenant = TestTenant.create(workspaces);
        workspaceId = tenant.workspace().id().value();
    }

    static String hmac(String secret, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static String deal(String externalId, String account, String outcome) {
        return "{\"externalId\":\"" + externalId + "\",\"account\":\"" + account + "\",\"outcome\":\"" + outcome
                + "\",\"closeDate\":\"2026-03-31\",\"amount\":42000,\"repReason\":\"Price\"}";
    }

    private String newSecret(TestTenant owner) {
        @SuppressWarnings("unchecked")
        Map<String, Object> body = owner.asAdmin(client).post().uri("/api/webhooks/secret").exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return (String) body.get("secret");
    }

    private WebTestClient.ResponseSpec post(String uri, String body, Map<String, String> headers) {
        return client.post().uri(uri).contentType(MediaType.APPLICATION_JSON)
                .headers(h -> headers.forEach(h::set))
                .bodyValue(body.getBytes(StandardCharsets.UTF_8)).exchange();
    }

    private WebTestClient.ResponseSpec signed(String secret, String body) {
        return post("/api/webhooks/crm/" + workspaceId, body, Map.of("X-Signature", "sha256=" + hmac(secret, body)));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> json(WebTestClient.ResponseSpec response, int status) {
        return response.expectStatus().isEqualTo(status).expectBody(Map.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> dealById(String id) {
        return tenant.asAdmin(client).get().uri("/api/deals/{id}", id).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    private long dealCount() {
        return ((Number) tenant.asAdmin(client).get().uri("/api/deals").exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("total")).longValue();
    }

    private List<WebhookEvents.WebhookEvent> latestEvents() {
        return events.latest(tenant.workspace().id()).collectList().block(Duration.ofSeconds(10));
    }

    @Test
    void goodSignatureStoresTheDealAndTheSameExternalIdUpdatesIt() {
        String secret = newSecret(tenant);
        assertThat(secret).startsWith("whsec_").hasSizeGreaterThanOrEqualTo(6 + 43);
        assertThat(java.util.Base64.getUrlDecoder().decode(secret.substring(6))).as("256 random bits").hasSize(32);

        Map<String, Object> created = json(signed(secret, deal("SF-1", "Acme Rockets", "lost")), 201);
        assertThat(created).containsEntry("externalId", "SF-1").containsEntry("created", true);
        String id = (String) created.get("dealId");
        assertThat(dealById(id)).containsEntry("account", "Acme Rockets").containsEntry("outcome", "lost")
                .containsEntry("repReason", "Price");

        // the header form of the URL, same deal by external id: updated in place
        String update = deal("SF-1", "Acme Rockets Inc", "won");
        Map<String, Object> updated = json(post("/api/webhooks/crm", update,
                Map.of("X-Workspace", workspaceId, "X-Signature", "sha256=" + hmac(secret, update))), 200);
        assertThat(updated).containsEntry("dealId", id).containsEntry("created", false);
        assertThat(dealById(id)).containsEntry("account", "Acme Rockets Inc").containsEntry("outcome", "won");
        assertThat(dealCount()).isEqualTo(1);

        assertThat(latestEvents()).extracting(WebhookEvents.WebhookEvent::accepted, WebhookEvents.WebhookEvent::status,
                        WebhookEvents.WebhookEvent::externalId, WebhookEvents.WebhookEvent::dealId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(true, 200, "SF-1", id),
                        org.assertj.core.groups.Tuple.tuple(true, 201, "SF-1", id));
    }

    @Test
    void upperCaseHexAndPrefixAreTheSameSignature() {
        String secret = newSecret(tenant);
        String body = deal("SF-CASE", "Initech", "lost");
        json(post("/api/webhooks/crm/" + workspaceId, body, Map.of("X-Signature", "SHA256=" + hmac(secret, body).toUpperCase())), 201);
        // and so the same event in other letters is still a replay
        json(signed(secret, body), 409);
    }

    @Test
    void badSignatureAnswers401AndStoresNothing() {
        String secret = newSecret(tenant);
        String body = deal("SF-2", "Globex", "lost");
        String forged = hmac(secret, body.replace("Globex", "Globex Corp"));
        Map<String, Object> refused = json(post("/api/webhooks/crm/" + workspaceId, body, Map.of("X-Signature", "sha256=" + forged)), 401);
        assertThat(refused.get("message")).isEqualTo(CrmEvents.UNAUTHORIZED);
        json(post("/api/webhooks/crm/" + workspaceId, body, Map.of("X-Signature", "sha256=not-hex")), 401);
        json(post("/api/webhooks/crm/" + workspaceId, body, Map.of("X-Signature", hmac(secret, body))), 401); // no "sha256="
        assertThat(dealCount()).isZero();
        assertThat(latestEvents()).allSatisfy(e -> {
            assertThat(e.accepted()).isFalse();
            assertThat(e.status()).isEqualTo(401);
            assertThat(e.externalId()).as("nothing of an unsigned body is shown").isNull();
        }).extracting(WebhookEvents.WebhookEvent::reason)
                .contains("signature does not match", "signature malformed (not hexadecimal)");
    }

    @Test
    void missingSignatureAnswers401AndStoresNothing() {
        newSecret(tenant);
        Map<String, Object> refused = json(post("/api/webhooks/crm/" + workspaceId, deal("SF-3", "Hooli", "lost"), Map.of()), 401);
        assertThat(refused.get("message")).isEqualTo(CrmEvents.UNAUTHORIZED);
        assertThat(dealCount()).isZero();
        assertThat(latestEvents()).extracting(WebhookEvents.WebhookEvent::reason).containsExactly("signature missing");
    }

    @Test
    void signatureMadeWithAnotherWorkspacesSecretAnswers401() {
        newSecret(tenant);
        TestTenant other = TestTenant.create(workspaces);
        String theirs = newSecret(other);
        String body = deal("SF-4", "Umbrella", "lost");
        json(signed(theirs, body), 401);
        assertThat(dealCount()).isZero();
        // the other workspace's own URL takes it, into that workspace only
        json(post("/api/webhooks/crm/" + other.workspace().id().value(), body, Map.of("X-Signature", "sha256=" + hmac(theirs, body))), 201);
        assertThat(dealCount()).isZero();
    }

    @Test
    void unknownWorkspaceOrNoneAnswersExactlyLikeABadSignature() {
        String secret = newSecret(tenant);
        String body = deal("SF-5", "Vandelay", "lost");
        String signature = "sha256=" + hmac(secret, body);
        EntityExchangeResult<byte[]> bad = post("/api/webhooks/crm/" + workspaceId, body, Map.of("X-Signature", "sha256=" + "0".repeat(64)))
                .expectBody().returnResult();
        EntityExchangeResult<byte[]> unknown = post("/api/webhooks/crm/" + UUID.randomUUID(), body, Map.of("X-Signature", signature))
                .expectBody().returnResult();
        EntityExchangeResult<byte[]> none = post("/api/webhooks/crm", body, Map.of("X-Signature", signature)).expectBody().returnResult();
        EntityExchangeResult<byte[]> disagreeing = post("/api/webhooks/crm/" + workspaceId, body,
                Map.of("X-Signature", signature, "X-Workspace", "someone-else")).expectBody().returnResult();
        for (EntityExchangeResult<byte[]> result : List.of(unknown, none, disagreeing)) {
            assertThat(result.getStatus().value()).isEqualTo(401);
            assertThat(result.getResponseBody()).isEqualTo(bad.getResponseBody());
        }
        assertThat(bad.getStatus().value()).isEqualTo(401);
        assertThat(dealCount()).isZero();
    }

    @Test
    void workspaceWithoutSecretRefusesEveryEvent() {
        String body = deal("SF-6", "Wonka", "lost");
        json(post("/api/webhooks/crm/" + workspaceId, body, Map.of("X-Signature", "sha256=" + hmac("a guessed secret", body))), 401);
        assertThat(dealCount()).isZero();
        assertThat(latestEvents()).extracting(WebhookEvents.WebhookEvent::reason).singleElement().asString().startsWith("no webhook secret");
    }

    @Test
    void replayedEventIsRefusedAndChangesNothing() {
        String secret = newSecret(tenant);
        String first = deal("SF-7", "Stark Industries", "lost");
        String id = (String) json(signed(secret, first), 201).get("dealId");
        json(signed(secret, deal("SF-7", "Stark Industries", "won")), 200);

        Map<String, Object> replay = json(signed(secret, first), 409);
        assertThat(replay.get("message")).isEqualTo(CrmEvents.REPLAYED);
        assertThat(dealById(id)).as("the replay did not turn the deal back to lost").containsEntry("outcome", "won");
        assertThat(latestEvents().get(0)).extracting(WebhookEvents.WebhookEvent::accepted, WebhookEvents.WebhookEvent::status,
                WebhookEvents.WebhookEvent::reason).containsExactly(false, 409, "replayed event");
    }

    @Test
    void theSameDealSentAgainWithANewEventIdIsANewEvent() {
        String secret = newSecret(tenant);
        String first = "{\"eventId\":\"evt-1\"," + deal("SF-18", "Aperture", "lost").substring(1);
        String again = "{\"eventId\":\"evt-2\"," + deal("SF-18", "Aperture", "lost").substring(1);
        json(signed(secret, first), 201);
        json(signed(secret, again), 200); // unknown fields are ignored, as by POST /api/deals; the body differs
        json(signed(secret, again), 409);
    }

    @Test
    void twoIdenticalEventsAtOnceAreTakenOnce() {
        String secret = newSecret(tenant);
        String body = deal("SF-8", "Cyberdyne", "lost");
        String signature = "sha256=" + hmac(secret, body);
        List<Integer> statuses = Flux.range(0, 4)
                .flatMap(i -> Mono.fromCallable(() -> client.post().uri("/api/webhooks/crm/" + workspaceId)
                                .contentType(MediaType.APPLICATION_JSON).header("X-Signature", signature)
                                .bodyValue(body.getBytes(StandardCharsets.UTF_8))
                                .exchange().expectBody().returnResult().getStatus().value())
                        .subscribeOn(reactor.core.scheduler.Schedulers.boundedElastic()))
                .collectList().block(Duration.ofSeconds(30));
        assertThat(statuses).containsOnly(201, 409).filteredOn(s -> s == 201).hasSize(1);
        assertThat(dealCount()).isEqualTo(1);
    }

    @Test
    void rotatedSecretNewAndOldBothWorkDuringTheGrace() {
        String old = newSecret(tenant);
        String current = newSecret(tenant);
        assertThat(current).isNotEqualTo(old);
        json(signed(current, deal("SF-9", "Tyrell", "lost")), 201);
        json(signed(old, deal("SF-10", "Tyrell", "lost")), 201);
        assertThat(latestEvents().get(0).reason()).isEqualTo("created, signed with the previous secret");
        assertThat(secrets.status(tenant.workspace().id(), Instant.now()).block(Duration.ofSeconds(10)).previousValidUntil())
                .isAfter(Instant.now().plus(settings.secretGrace()).minusSeconds(120));
    }

    @Test
    void oldSecretIsRefusedOnceTheGraceIsOver() {
        Instant longAgo = Instant.now().minus(settings.secretGrace()).minus(Duration.ofHours(1));
        String old = secrets.rotate(tenant.workspace().id(), longAgo.minusSeconds(60)).block(Duration.ofSeconds(10)).secret();
        String current = secrets.rotate(tenant.workspace().id(), longAgo).block(Duration.ofSeconds(10)).secret();
        json(signed(old, deal("SF-11", "Soylent", "lost")), 401);
        json(signed(current, deal("SF-12", "Soylent", "lost")), 201);
        assertThat(dealCount()).isEqualTo(1);
    }

    @Test
    void graceEndsExactlyAfterTheConfiguredDuration() {
        Instant rotatedAt = Instant.parse("2026-03-01T12:00:00Z");
        secrets.rotate(tenant.workspace().id(), rotatedAt.minusSeconds(3600)).block(Duration.ofSeconds(10));
        secrets.rotate(tenant.workspace().id(), rotatedAt).block(Duration.ofSeconds(10));
        Instant end = rotatedAt.plus(settings.secretGrace());
        assertThat(secrets.keysAt(tenant.workspace().id(), end.minusSeconds(1)).block(Duration.ofSeconds(10)).secrets()).hasSize(2);
        assertThat(secrets.keysAt(tenant.workspace().id(), end).block(Duration.ofSeconds(10)).secrets()).hasSize(1);
    }

    @Test
    void invalidDealWithAGoodSignatureAnswers400WithTheErrors() {
        String secret = newSecret(tenant);
        String body = "{\"externalId\":\"SF-13\",\"account\":\"\",\"outcome\":\"maybe\",\"discount\":2}";
        Map<String, Object> answer = json(signed(secret, body), 400);
        assertThat(answer.get("errors").toString()).contains("account", "outcome", "closeDate", "discount");
        json(signed(secret, "not json at all"), 400);
        assertThat(dealCount()).isZero();
        assertThat(latestEvents().get(1)).extracting(WebhookEvents.WebhookEvent::status, WebhookEvents.WebhookEvent::externalId)
                .containsExactly(400, "SF-13");
    }

    @Test
    void timestampedSignatureWorksWhileFreshAndIsRefusedWhenOld() {
        String secret = newSecret(tenant);
        String body = deal("SF-14", "Oscorp", "lost");
        String now = Long.toString(Instant.now().getEpochSecond());
        json(post("/api/webhooks/crm/" + workspaceId, body,
                Map.of("X-Timestamp", now, "X-Signature", "sha256=" + hmac(secret, now + "." + body))), 201);

        String body2 = deal("SF-15", "Oscorp", "lost");
        String old = Long.toString(Instant.now().minus(Duration.ofMinutes(10)).getEpochSecond());
        json(post("/api/webhooks/crm/" + workspaceId, body2,
                Map.of("X-Timestamp", old, "X-Signature", "sha256=" + hmac(secret, old + "." + body2))), 401);
        // a timestamp the signature does not cover is a bad signature
        json(post("/api/webhooks/crm/" + workspaceId, body2,
                Map.of("X-Timestamp", now, "X-Signature", "sha256=" + hmac(secret, body2))), 401);
        assertThat(dealCount()).isEqualTo(1);
        assertThat(latestEvents()).extracting(WebhookEvents.WebhookEvent::reason)
                .contains("timestamp more than 5 minutes from now", "signature does not match");
    }

    @Test
    void apiDescriptionSaysTheWebhookNeedsNoCredentialsButASignature() {
        byte[] docs = client.mutate().responseTimeout(Duration.ofSeconds(60)).build().get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody();
        tools.jackson.databind.JsonNode paths = tools.jackson.databind.json.JsonMapper.builder().build().readTree(docs).get("paths");
        for (String path : List.of("/api/webhooks/crm", "/api/webhooks/crm/{workspaceId}")) {
            tools.jackson.databind.JsonNode post = paths.get(path).get("post");
            assertThat(post.get("security")).as(path).isNotNull();
            assertThat(post.get("security").size()).as("%s needs no credentials", path).isZero();
            assertThat(post.get("parameters").toString()).contains("X-Signature", "X-Timestamp");
        }
        assertThat(paths.get("/api/webhooks/secret").get("post").get("security")).as("the secret API keeps the default security").isNull();
    }

    @Test
    void secretEndpointIsForAdminsOnly() {
        String analyst = tenant.addUser(users, Role.ANALYST);
        TestTenant.as(client, analyst).post().uri("/api/webhooks/secret").exchange().expectStatus().isForbidden();
        client.post().uri("/api/webhooks/secret").exchange().expectStatus().isUnauthorized();
        assertThat(secrets.status(tenant.workspace().id(), Instant.now()).block(Duration.ofSeconds(10)).set()).isFalse();
    }

    @Test
    void adminPageShowsTheUrlTheSecretOnceAndTheLatestEvents() {
        PageSession session = PageSession.signIn(client, tenant.adminEmail(), TestTenant.PASSWORD);
        String before = session.get("/admin/webhooks").getResponseBody();
        assertThat(before).contains("/api/webhooks/crm/" + workspaceId, "No secret yet", "Create a secret", "No event received yet");

        String after = session.post("/admin/webhooks/secret", new org.springframework.util.LinkedMultiValueMap<>()).getResponseBody();
        java.util.regex.Matcher shown = java.util.regex.Pattern.compile("value=\"(whsec_[A-Za-z0-9_-]+)\"").matcher(after);
        assertThat(shown.find()).as("the new secret is on the page").isTrue();
        String secret = shown.group(1);
        json(signed(secret, deal("SF-<16>", "Massive Dynamic", "lost")), 201);

        String later = session.get("/admin/webhooks").getResponseBody();
        assertThat(later).doesNotContain(secret).contains("A secret is set", "Rotate the secret", "accepted (201)",
                "SF-&lt;16&gt;").doesNotContain("SF-<16>");

        String analyst = tenant.addUser(users, Role.ANALYST);
        PageSession analystSession = PageSession.signIn(client, analyst, TestTenant.PASSWORD);
        assertThat(analystSession.get("/admin/webhooks").getStatus().value()).isEqualTo(403);
        assertThat(analystSession.get("/").getResponseBody()).doesNotContain("/admin/webhooks");
    }

    @Test
    void cleanupForgetsOldReplayRecordsAndKeepsTheLatestEvents() {
        String secret = newSecret(tenant);
        for (int i = 0; i < WebhookEvents.KEPT + 5; i++) {
            events.record(tenant.workspace().id(), Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i), false, 401, "event " + i, null, null)
                    .block(Duration.ofSeconds(10));
        }
        String body = deal("SF-17", "Gringotts", "lost");
        json(signed(secret, body), 201);
        WebhookCleanup cleanup = new WebhookCleanup(seen, events, settings, true);

        WebhookCleanup.Removed soon = cleanup.cleanUp(Instant.now().plus(Duration.ofMinutes(1))).block(Duration.ofSeconds(30));
        assertThat(soon.events()).isGreaterThanOrEqualTo(6); // 26 events of this workspace, 20 kept
        assertThat(latestEvents()).hasSize(WebhookEvents.KEPT).first().extracting(WebhookEvents.WebhookEvent::status).isEqualTo(201);
        json(signed(secret, body), 409); // still remembered within the replay memory

        WebhookCleanup.Removed later = cleanup.cleanUp(Instant.now().plus(settings.replayMemory()).plusSeconds(60)).block(Duration.ofSeconds(30));
        assertThat(later.replayRecords()).isGreaterThanOrEqualTo(1);
    }
}
