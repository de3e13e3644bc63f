package io.winloss.portal.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import com.mongodb.reactivestreams.client.MongoClient;

import io.winloss.portal.PortalTest;
import io.winloss.portal.TestTenant;
import io.winloss.portal.store.Store;
import io.winloss.portal.workspace.WorkspaceId;
import io.winloss.portal.workspace.Workspaces;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Upload to result with the real CoreNLP models, through the API: real transcripts analysed, a garbage file
 * failing alone beside a good one, a correction surviving re-analysis, and workers sharing and taking over jobs.
 */
@PortalTest
class InterviewAnalysisIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path TRANSCRIPTS = Path.of("src/test/resources/transcripts");

    @Autowired
    WebTestClient client;

    @Autowired
    Workspaces workspaces;

    @Autowired
    MongoClient mongo;

    @Autowired
    Analyses analyses;

    @Autowired
    AnalysisPipeline pipeline;

    @Autowired
    List<AnalysisTarget> targets;

    TestTenant tenant;
    String dealId;

    @BeforeEach
    void tenantWithADeal() {
        tenant = TestTenant.create(workspaces);
        dealId = JSON.readTree(tenant.asAdmin(client).post().uri("/api/deals")
                .bodyValue(Map.of("account", "Umbrella", "outcome", "lost", "closeDate", "2026-03-31"))
                .exchange().expectStatus().isCreated().expectBody().returnResult().getResponseBody()).get("id").asString();
    }

    private String upload(String fileName, byte[] content, String... interviewers) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        }).contentType(MediaType.APPLICATION_OCTET_STREAM);
        body.part("dealId", dealId);
        for (String name : interviewers) {
            body.part("interviewer", name);
        }
        return JSON.readTree(tenant.asAdmin(client).post().uri("/api/interviews").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(body.build())).exchange()
                .expectStatus().isAccepted().expectBody().returnResult().getResponseBody()).get("id").asString();
    }

    private JsonNode interview(String id) {
        return JSON.readTree(tenant.asAdmin(client).get().uri("/api/interviews/{id}", id).exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody());
    }

    private JsonNode awaitFinished(String id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        JsonNode interview = interview(id);
        while (!List.of("done", "failed").contains(interview.get("status").asString()) && System.nanoTime() < deadline) {
            Thread.sleep(250);
            interview = interview(id);
        }
        return interview;
    }

    private static List<JsonNode> sentences(JsonNode interview) {
        return StreamSupport.stream(interview.get("sentences").spliterator(), false).toList();
    }

    @Test
    void aGoodTranscriptIsAnalysedWhileAGarbageOneNextToItFailsAlone() throws Exception {
        String good = upload("lost-to-hubspot.txt", Files.readAllBytes(TRANSCRIPTS.resolve("lost-to-hubspot.txt")), "Priya Raman");
        String garbage = upload("garbage.vtt", "WEBVTT\n\n\u0000\u0001\u0002 not a transcript \u0000".getBytes());

        JsonNode done = awaitFinished(good);
        JsonNode failed = awaitFinished(garbage);

        assertThat(done.get("status").asString()).isEqualTo("done");
        List<JsonNode> sentences = sentences(done);
        assertThat(sentences).extracting(s -> s.get("role").asString()).contains("buyer", "interviewer");
        JsonNode priceComplaint = sentences.stream().filter(s -> s.get("text").asString().contains("your price hurt")).findFirst().orElseThrow();
        assertThat(priceComplaint.get("speaker").asString()).isEqualTo("Tom Becker");
        assertThat(priceComplaint.get("criteria").valueStream().map(JsonNode::asString).toList()).contains("integration", "price");
        JsonNode question = sentences.get(0);
        assertThat(question.get("role").asString()).isEqualTo("interviewer");
        assertThat(question.get("criteria").size()).isZero();
        assertThat(done.get("progress").get("done").asInt()).isEqualTo(done.get("progress").get("total").asInt());

        assertThat(failed.get("status").asString()).isEqualTo("failed");
        assertThat(failed.get("error").asString()).isNotBlank();
        assertThat(sentences(failed)).isEmpty();
    }

    @Test
    void aRealTeamsExportIsAnalysedTurnByTurn() throws Exception {
        Path teams = TRANSCRIPTS.resolve("genie-flow-invoker-docproc/TEAMS-SurveyResponse-Genie.vtt");
        JsonNode done = awaitFinished(upload("teams.vtt", Files.readAllBytes(teams)));

        assertThat(done.get("status").asString()).isEqualTo("done");
        List<JsonNode> sentences = sentences(done);
        assertThat(sentences).hasSizeGreaterThan(100);
        assertThat(sentences.stream().map(s -> s.get("speaker").asString()).distinct().count()).isGreaterThan(2);
        assertThat(sentences).anyMatch(s -> s.get("role").asString().equals("buyer") && s.has("sentiment"));
    }

    @Test
    void srtAndDocxTranscriptsAreAnalysedToo() throws Exception {
        String srt = upload("sample.srt", Files.readAllBytes(TRANSCRIPTS.resolve("webvtt-py/sample.srt")));
        String docx = upload("call.docx", teamsDocx(), "Dana Reyes");

        JsonNode fromSrt = awaitFinished(srt);
        JsonNode fromDocx = awaitFinished(docx);

        assertThat(fromSrt.get("status").asString()).isEqualTo("done");
        assertThat(sentences(fromSrt)).isNotEmpty().allMatch(s -> s.get("text").asString().startsWith("Caption text"));
        assertThat(fromDocx.get("status").asString()).isEqualTo("done");
        List<JsonNode> sentences = sentences(fromDocx);
        assertThat(sentences).extracting(s -> s.get("speaker").asString()).contains("Dana Reyes", "Sam Okafor");
        JsonNode price = sentences.stream().filter(s -> s.get("text").asString().contains("price was lower")).findFirst().orElseThrow();
        assertThat(price.get("role").asString()).isEqualTo("buyer");
        assertThat(price.get("criteria").valueStream().map(JsonNode::asString).toList()).contains("price");
    }

    /** A Teams-style Word transcript: a header paragraph per turn (name and time), the words after it. */
    private static byte[] teamsDocx() throws java.io.IOException {
        try (org.apache.poi.xwpf.usermodel.XWPFDocument document = new org.apache.poi.xwpf.usermodel.XWPFDocument();
             java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            for (String line : List.of("Acme renewal interview", "Dana Reyes   0:03", "Why did you choose Northwind over us?",
                    "Sam Okafor   0:07", "Their onboarding was faster.", "And the price was lower.",
                    "Dana Reyes   1:15", "Thank you, that is really helpful.")) {
                document.createParagraph().createRun().setText(line);
            }
            document.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void aCorrectionSurvivesReanalysisAndKeepsTheMachinesTagsBesideIt() throws Exception {
        String id = upload("lost-to-hubspot.txt", Files.readAllBytes(TRANSCRIPTS.resolve("lost-to-hubspot.txt")), "Priya Raman");
        List<JsonNode> sentences = sentences(awaitFinished(id));
        int index = sentences.stream().filter(s -> s.get("text").asString().contains("your price hurt")).findFirst()
                .orElseThrow().get("index").asInt();

        JsonNode corrected = JSON.readTree(tenant.asAdmin(client).patch().uri("/api/interviews/{id}/sentences/{index}", id, index)
                .bodyValue(Map.of("criteria", List.of("price", "roi_value"), "sentiment", "negative"))
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody());
        assertThat(corrected.get("criteria").valueStream().map(JsonNode::asString).toList()).containsExactly("price", "roi_value");
        assertThat(corrected.get("correctedBy").asString()).isEqualTo(tenant.adminEmail());
        assertThat(corrected.get("machine").get("criteria").valueStream().map(JsonNode::asString).toList())
                .as("the machine's own tags, kept beside the correction").contains("price").doesNotContain("roi_value");

        tenant.asAdmin(client).post().uri("/api/interviews/{id}/reanalyze", id).exchange().expectStatus().isAccepted();
        JsonNode again = awaitFinished(id);

        assertThat(again.get("status").asString()).isEqualTo("done");
        JsonNode after = sentences(again).get(index);
        assertThat(after.get("criteria").valueStream().map(JsonNode::asString).toList()).containsExactly("price", "roi_value");
        assertThat(after.get("sentiment").asString()).isEqualTo("negative");
        assertThat(after.get("correctedBy").asString()).isEqualTo(tenant.adminEmail());
    }

    /** Two workers over a queue of their own (the portal's worker never sees it), as two processes would share one. */
    @Test
    void twoWorkersShareTheQueueAndADeadWorkersJobIsTakenOverAfterItsLease() throws Exception {
        String id = upload("lost-to-hubspot.txt", Files.readAllBytes(TRANSCRIPTS.resolve("lost-to-hubspot.txt")), "Priya Raman");
        awaitFinished(id);
        AnalysisJobs queue = new AnalysisJobs(new Store(mongo.getDatabase("queue-" + UUID.randomUUID())));
        AnalysisSettings shortLease = new AnalysisSettings(Duration.ofSeconds(2), 2, 2, 10, true);
        AnalysisWorker first = new AnalysisWorker(queue, analyses, pipeline, shortLease, true, targets, Clock.systemUTC());
        AnalysisWorker second = new AnalysisWorker(queue, analyses, pipeline, shortLease, true, targets, Clock.systemUTC());
        WorkspaceId workspace = tenant.workspace().id();
        String target = "interview:" + id;
        try {
            List<String> jobIds = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                jobIds.add(queue.enqueue(workspace, target, java.time.Instant.now()).block().id());
            }
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (!allDone(queue, workspace, jobIds) && System.nanoTime() < deadline) {
                first.claimDue().block();
                second.claimDue().block();
                Thread.sleep(100);
            }
            for (String jobId : jobIds) {
                AnalysisJob job = queue.find(workspace, jobId).block();
                assertThat(job.status()).isEqualTo(JobStatus.DONE);
                assertThat(job.attempts()).as("claimed once").isEqualTo(1);
            }

            String orphan = queue.enqueue(workspace, target, java.time.Instant.now()).block().id();
            AnalysisJob held = queue.claim("killed-worker", java.time.Instant.now(), shortLease.lease()).block();
            assertThat(held.id()).isEqualTo(orphan);
            long killedAt = System.nanoTime();
            while (!allDone(queue, workspace, List.of(orphan)) && System.nanoTime() < deadline) {
                second.claimDue().block();
                Thread.sleep(100);
            }
            AnalysisJob takenOver = queue.find(workspace, orphan).block();
            assertThat(takenOver.status()).isEqualTo(JobStatus.DONE);
            assertThat(takenOver.attempts()).isEqualTo(2);
            assertThat(Duration.ofNanos(System.nanoTime() - killedAt)).isGreaterThanOrEqualTo(shortLease.lease());
        } finally {
            first.stop();
            second.stop();
        }
    }

    private static boolean allDone(AnalysisJobs queue, WorkspaceId workspace, List<String> ids) {
        return ids.stream().allMatch(id -> queue.find(workspace, id).block().status() == JobStatus.DONE);
    }

}
