package io.winloss.portal.interview;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import io.winloss.portal.PortalTest;
import io.winloss.portal.TestTenant;
import io.winloss.portal.account.Role;
import io.winloss.portal.account.Users;
import io.winloss.portal.workspace.Workspaces;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Uploading transcripts through the API: acknowledged at once with 202, bad requests refused before anything is
 * stored, and nobody outside the deal's readers learns the interview exists. A file the reader cannot read fails
 * its own job with the reader's reason (without ever loading the CoreNLP models).
 */
@PortalTest
class InterviewApiTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    WebTestClient client;

    @Autowired
    Workspaces workspaces;

    @Autowired
    Users users;


    TestTenant tenant;
    String dealId;

    @BeforeEach
    void tenantWithADeal() {
        tenant = TestTenant.create(workspaces);
        dealId = createDeal(tenant);
    }

    private String createDeal(TestTenant owner) {
        JsonNode deal = JSON.readTree(owner.asAdmin(client).post().uri("/api/deals")
                .bodyValue(Map.of("account", "Umbrella", "outcome", "lost", "closeDate", "2026-03-31"))
                .exchange().expectStatus().isCreated().expectBody().returnResult().getResponseBody());
        return deal.get("id").asString();
    }

    static MultipartBodyBuilder upload(String dealId, String fileName, byte[] content) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        }).contentType(MediaType.APPLICATION_OCTET_STREAM);
        if (dealId != null) {
            body.part("dealId", dealId);
        }
        body.part("interviewer", "Priya Raman");
        body.part("interviewDate", "2026-04-02");
        return body;
    }

    private WebTestClient.ResponseSpec post(WebTestClient as, MultipartBodyBuilder body) {
        return as.post().uri("/api/interviews").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(body.build())).exchange();
    }

    private JsonNode get(WebTestClient as, String id) {
        return JSON.readTree(as.get().uri("/api/interviews/{id}", id).exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBody());
    }

    @Test
    void uploadIsAcceptedAtOnceAndReadBackWithItsFacts() {
        byte[] response = post(tenant.asAdmin(client), upload(dealId, "call.txt", new byte[] {0, 1, 2, 3, (byte) 0xff}))
                .expectStatus().isAccepted().expectBody().returnResult().getResponseBody();
        JsonNode accepted = JSON.readTree(response);
        assertThat(accepted.get("status").asString()).isEqualTo("queued");

        JsonNode interview = get(tenant.asAdmin(client), accepted.get("id").asString());
        assertThat(interview.get("dealId").asString()).isEqualTo(dealId);
        assertThat(interview.get("fileName").asString()).isEqualTo("call.txt");
        assertThat(interview.get("interviewers").get(0).asString()).isEqualTo("Priya Raman");
        assertThat(interview.get("interviewDate").asString()).isEqualTo("2026-04-02");
        assertThat(interview.get("status").asString()).isIn("queued", "analyzing", "failed");
        assertThat(interview.get("sentences").size()).isZero();
    }

    @Test
    void unreadableFileFailsItsJobWithTheReadersReason() throws InterruptedException {
        String id = JSON.readTree(post(tenant.asAdmin(client), upload(dealId, "garbage.txt", new byte[] {0, 1, 2, 3, 4, 5, 6, 7}))
                .expectStatus().isAccepted().expectBody().returnResult().getResponseBody()).get("id").asString();

        JsonNode interview = get(tenant.asAdmin(client), id);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!interview.get("status").asString().equals("failed") && System.nanoTime() < deadline) {
            Thread.sleep(200);
            interview = get(tenant.asAdmin(client), id);
        }
        assertThat(interview.get("status").asString()).isEqualTo("failed");
        assertThat(interview.get("error").asString()).containsIgnoringCase("binary");
    }

    @Test
    void missingDealAndWrongFileTypeAreRefusedWithTheirFields() {
        byte[] body = post(tenant.asAdmin(client), upload(null, "notes.pdf", "hello".getBytes()))
                .expectStatus().isBadRequest().expectBody().returnResult().getResponseBody();

        assertThat(new String(body)).contains("\"field\":\"dealId\"", "notes.pdf: must be a .txt, .vtt, .srt or .docx transcript");
    }

    @Test
    void aFileOverTheLimitIsRefusedWhileItStreamsAndNothingIsStored() {
        byte[] huge = new byte[23 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) 'a');

        byte[] body = post(tenant.asAdmin(client), upload(dealId, "huge.txt", huge))
                .expectStatus().isEqualTo(413).expectBody().returnResult().getResponseBody();

        assertThat(new String(body)).contains("\"field\":\"file\"", "20 MB");
        JsonNode list = JSON.readTree(tenant.asAdmin(client).get().uri("/api/deals/{id}/interviews", dealId).exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody());
        assertThat(list.get("items").size()).isZero();
    }

    @Test
    void emptyFileIsRefused() {
        byte[] body = post(tenant.asAdmin(client), upload(dealId, "empty.vtt", new byte[0]))
                .expectStatus().isBadRequest().expectBody().returnResult().getResponseBody();

        assertThat(new String(body)).contains("empty.vtt is empty");
    }

    @Test
    void anotherWorkspacesDealAndInterviewDoNotExist() {
        TestTenant other = TestTenant.create(workspaces);
        String id = JSON.readTree(post(tenant.asAdmin(client), upload(dealId, "call.txt", new byte[] {0, 1}))
                .expectStatus().isAccepted().expectBody().returnResult().getResponseBody()).get("id").asString();

        post(other.asAdmin(client), upload(dealId, "call.txt", "Ann: hello".getBytes())).expectStatus().isNotFound();
        other.asAdmin(client).get().uri("/api/interviews/{id}", id).exchange().expectStatus().isNotFound();
        other.asAdmin(client).patch().uri("/api/interviews/{id}/sentences/0", id).bodyValue(Map.of("sentiment", "positive"))
                .exchange().expectStatus().isNotFound();
        other.asAdmin(client).post().uri("/api/interviews/{id}/reanalyze", id).exchange().expectStatus().isNotFound();
        other.asAdmin(client).get().uri("/api/deals/{id}/interviews", dealId).exchange().expectStatus().isNotFound();
    }

    @Test
    void anUnassignedInterviewerCanNeitherUploadNorRead() {
        String interviewer = tenant.addUser(users, Role.INTERVIEWER);
        String id = JSON.readTree(post(tenant.asAdmin(client), upload(dealId, "call.txt", new byte[] {0, 1}))
                .expectStatus().isAccepted().expectBody().returnResult().getResponseBody()).get("id").asString();

        post(TestTenant.as(client, interviewer), upload(dealId, "call.txt", "Ann: hello".getBytes())).expectStatus().isNotFound();
        TestTenant.as(client, interviewer).get().uri("/api/interviews/{id}", id).exchange().expectStatus().isNotFound();
        TestTenant.as(client, interviewer).get().uri("/api/deals/{id}/interviews", dealId).exchange().expectStatus().isNotFound();
    }

    @Test
    void theInterviewListOfADealShowsEachUpload() {
        post(tenant.asAdmin(client), upload(dealId, "first.txt", new byte[] {0, 1})).expectStatus().isAccepted();
        post(tenant.asAdmin(client), upload(dealId, "second.srt", new byte[] {0, 2})).expectStatus().isAccepted();

        JsonNode list = JSON.readTree(tenant.asAdmin(client).get().uri("/api/deals/{id}/interviews", dealId).exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody());
        assertThat(list.get("items").valueStream().map(i -> i.get("fileName").asString()).toList())
                .containsExactlyInAnyOrder("first.txt", "second.srt");
    }

    @Test
    void correctingNeedsKnownTagsAndABody() {
        String id = JSON.readTree(post(tenant.asAdmin(client), upload(dealId, "call.txt", new byte[] {0, 1}))
                .expectStatus().isAccepted().expectBody().returnResult().getResponseBody()).get("id").asString();

        byte[] body = tenant.asAdmin(client).patch().uri("/api/interviews/{id}/sentences/0", id)
                .bodyValue(Map.of("criteria", List.of("price", "vibes"), "sentiment", "furious"))
                .exchange().expectStatus().isBadRequest().expectBody().returnResult().getResponseBody();
        assertThat(new String(body)).contains("'vibes' is not a criterion id", "must be positive, neutral or negative");
    }
}
