package io.winloss.portal.interview;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import io.winloss.portal.PortalTest;
import io.winloss.portal.TestTenant;
import io.winloss.portal.invitation.SurveyFixture;
import io.winloss.portal.store.Store;
import io.winloss.portal.workspace.Workspaces;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * DOCX zip bombs uploaded together, analysed by this context's own worker: each job fails alone with the reader's
 * reason, quickly, and the worker goes on to the next (none of them gets as far as loading the CoreNLP models).
 */
@PortalTest
class HostileTranscriptJobTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    WebTestClient client;

    @Autowired
    Workspaces workspaces;

    @Autowired
    Store store;

    private String upload(WebTestClient as, String dealId, String fileName, byte[] content) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        }).contentType(MediaType.APPLICATION_OCTET_STREAM);
        body.part("dealId", dealId);
        return JSON.readTree(as.post().uri("/api/interviews").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(body.build())).exchange().expectStatus().isAccepted()
                .expectBody().returnResult().getResponseBody()).get("id").asString();
    }

    @Test
    void eachBombFailsItsOwnJobWithTheReadersReasonAndTheOthersStillRun() throws InterruptedException {
        TestTenant tenant = TestTenant.create(workspaces);
        WebTestClient admin = tenant.asAdmin(client);
        String dealId = SurveyFixture.deal(store, tenant.workspace().id(), "Hooli");
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put(upload(admin, dealId, "inflates.docx", HostileFiles.bombDocx(400)), "expands to more than 64 MB");
        expected.put(upload(admin, dealId, "ratio.docx", HostileFiles.highRatioDocx()), "DOCX");
        expected.put(upload(admin, dealId, "entries.docx", HostileFiles.manyEntriesDocx(20_000)), "DOCX");
        expected.put(upload(admin, dealId, "garbage.txt", new byte[] {0, 1, 2, 3, 4, 5, 6, 7}), "binary");

        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Map<String, JsonNode> finished = new LinkedHashMap<>();
        while (finished.size() < expected.size() && System.nanoTime() < deadline) {
            for (String id : expected.keySet()) {
                JsonNode interview = JSON.readTree(admin.get().uri("/api/interviews/{id}", id).exchange()
                        .expectStatus().isOk().expectBody().returnResult().getResponseBody());
                if (interview.get("status").asString().equals("failed") || interview.get("status").asString().equals("done")) {
                    finished.put(id, interview);
                }
            }
            Thread.sleep(200);
        }

        assertThat(finished).as("every job finished within the deadline").hasSize(expected.size());
        expected.forEach((id, reason) -> {
            JsonNode interview = finished.get(id);
            assertThat(interview.get("status").asString()).as(id).isEqualTo("failed");
            assertThat(interview.get("error").asString()).as(id).containsIgnoringCase(reason);
        });
    }
}
