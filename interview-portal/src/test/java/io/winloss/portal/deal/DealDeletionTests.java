package io.winloss.portal.deal;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static io.winloss.portal.analysis.AnalysisFixture.buyer;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

import io.winloss.portal.PageSession;
import io.winloss.portal.PortalTest;
import io.winloss.portal.TestTenant;
import io.winloss.portal.account.Role;
import io.winloss.portal.account.Users;
import io.winloss.portal.analysis.Analyses;
import io.winloss.portal.analysis.AnalysisFixture;
import io.winloss.portal.analysis.Correction;
import io.winloss.portal.invitation.SurveyFixture;
import io.winloss.portal.store.Collections;
import io.winloss.portal.store.Store;
import io.winloss.portal.workspace.WorkspaceId;
import io.winloss.portal.workspace.Workspaces;
import reactor.core.publisher.Mono;

/**
 * Deleting a deal through the API and the deal page: everything recorded for it goes (interviews with their files,
 * answers, invitations, drafts, tags, corrections, jobs, assignments) and nothing of another deal; only admins and
 * analysts may, and a deal that is gone or another workspace's is 404.
 */
@PortalTest
class DealDeletionTests {

    @Autowired
    WebTestClient client;

    @Autowired
    Workspaces workspaces;

    @Autowired
    Users users;

    @Autowired
    Store store;

    @Autowired
    Analyses analyses;

    TestTenant tenant;
    WorkspaceId workspace;
    WebTestClient analyst;
    String analystEmail;

    @BeforeEach
    void newTenant() {
        TestTenant.owner(workspaces); // the login page answers only once the instance is set up
        tenant = TestTenant.create(workspaces);
        workspace = tenant.workspace().id();
        analystEmail = tenant.addUser(users, Role.ANALYST);
        analyst = TestTenant.as(client, analystEmail);
    }

    @Test
    void deleteAnswers204AndEverythingRecordedForTheDealIsGone() {
        String dealId = deal(tenant, "Hooli");
        String keptDeal = deal(tenant, "Initech");
        String uploaded = upload(dealId);
        String fileId = stored(Collections.INTERVIEWS, uploaded).getString("fileId");
        String analysed = analysedInterview(dealId);
        String keptInterview = analysedInterview(keptDeal);
        Map<String, Object> answered = SurveyFixture.invite(client, tenant, dealId, "buyer@example.com", null);
        String token = SurveyFixture.token(answered);
        SurveyFixture.survey(client, token).post(client, "/s/" + token, SurveyFixture.requiredAnswers("yes")).expectStatus().isSeeOther();
        String responseId = (String) answered.get("id");
        AnalysisFixture.save(analyses, workspace, "response:" + responseId, List.of(
                buyer(0, "primaryReason", "Price.", List.of(), List.of("price"), "negative", -1.0)));
        String pending = (String) SurveyFixture.invite(client, tenant, dealId, "other@example.com", null).get("id");
        store.tenant(workspace, Collections.DRAFTS).insert(new Document("_id", pending)
                .append("values", new Document("primaryReason", List.of("price"))).append("updatedAt", new Date()))
                .block(Duration.ofSeconds(10));
        String interviewerEmail = tenant.addUser(users, Role.INTERVIEWER);
        analyst.post().uri("/api/deals/{id}/assignments", dealId).bodyValue(Map.of("interviewerEmail", interviewerEmail))
                .exchange().expectStatus().isCreated();
        List<String> targets = List.of("interview:" + uploaded, "interview:" + analysed, "response:" + responseId);
        assertThat(count(Collections.ANALYSES, in("target", targets))).as("the unreadable upload has none").isEqualTo(2);
        assertThat(count(Collections.CORRECTIONS, in("target", targets))).isEqualTo(1);

        analyst.delete().uri("/api/deals/{id}", dealId).exchange().expectStatus().isNoContent();

        analyst.get().uri("/api/deals/{id}", dealId).exchange().expectStatus().isNotFound();
        for (String collection : List.of(Collections.INTERVIEWS, Collections.RESPONSES, Collections.INVITATIONS,
                Collections.ASSIGNMENTS)) {
            assertThat(count(collection, eq("dealId", dealId))).as(collection).isZero();
        }
        assertThat(count(Collections.DRAFTS, in("_id", responseId, pending))).isZero();
        assertThat(count(Collections.ANALYSES, in("target", targets))).isZero();
        assertThat(count(Collections.CORRECTIONS, in("target", targets))).isZero();
        assertThat(count(Collections.ANALYSIS_JOBS, in("target", targets))).isZero();
        assertThat(count(Collections.UPLOADS + ".files", eq("_id", new ObjectId(fileId)))).isZero();
        assertThat(count(Collections.UPLOADS + ".chunks", eq("files_id", new ObjectId(fileId)))).isZero();
        assertThat(count(Collections.OUTBOX, and(in("invitationId", responseId, pending), eq("status", "pending"))))
                .as("invitation mail not yet sent is withdrawn").isZero();
        SurveyFixture.get(client, "/s/" + token, HttpStatus.NOT_FOUND);
        // the other deal keeps its interview and its tags
        assertThat(count(Collections.INTERVIEWS, eq("_id", keptInterview))).isOne();
        assertThat(count(Collections.ANALYSES, eq("target", "interview:" + keptInterview))).isOne();
        analyst.get().uri("/api/deals/{id}", keptDeal).exchange().expectStatus().isOk();
    }

    @Test
    void deletingAgainIsNotFound() {
        String dealId = deal(tenant, "Hooli");

        analyst.delete().uri("/api/deals/{id}", dealId).exchange().expectStatus().isNoContent();
        analyst.delete().uri("/api/deals/{id}", dealId).exchange().expectStatus().isNotFound();
        analyst.delete().uri("/api/deals/{id}", "no-such-deal").exchange().expectStatus().isNotFound();
    }

    @Test
    void anotherWorkspacesDealIsNotFoundAndKept() {
        TestTenant other = TestTenant.create(workspaces);
        String theirs = deal(other, "Theirs");

        tenant.asAdmin(client).delete().uri("/api/deals/{id}", theirs).exchange().expectStatus().isNotFound();

        other.asAdmin(client).get().uri("/api/deals/{id}", theirs).exchange().expectStatus().isOk();
    }

    @Test
    void interviewersMayNotDeleteEvenTheirDeal() {
        String dealId = deal(tenant, "Hooli");
        String interviewerEmail = tenant.addUser(users, Role.INTERVIEWER);
        analyst.post().uri("/api/deals/{id}/assignments", dealId).bodyValue(Map.of("interviewerEmail", interviewerEmail))
                .exchange().expectStatus().isCreated();

        TestTenant.as(client, interviewerEmail).delete().uri("/api/deals/{id}", dealId).exchange().expectStatus().isForbidden();
        client.delete().uri("/api/deals/{id}", dealId).exchange().expectStatus().isUnauthorized();

        analyst.get().uri("/api/deals/{id}", dealId).exchange().expectStatus().isOk();
    }

    @Test
    void dealPageDeletesBehindADisclosureAndShowsTheListWithANotice() {
        String dealId = deal(tenant, "Hooli");
        analysedInterview(dealId);
        PageSession page = PageSession.signIn(client, analystEmail, TestTenant.PASSWORD);
        String html = page.get("/deals/" + dealId).getResponseBody();
        assertThat(html).contains("<details class=\"delete\">", "action=\"/deals/" + dealId + "/delete\"",
                "Delete Hooli and all its records");

        EntityExchangeResult<String> deleted = page.post("/deals/" + dealId + "/delete", new LinkedMultiValueMap<>());

        assertThat(deleted.getStatus()).isEqualTo(HttpStatus.SEE_OTHER);
        assertThat(deleted.getResponseHeaders().getLocation()).hasToString("/deals?deleted=deal");
        assertThat(page.get("/deals?deleted=deal").getResponseBody()).contains("The deal was deleted");
        assertThat(page.get("/deals/" + dealId).getStatus().value()).isEqualTo(404);
        assertThat(count(Collections.INTERVIEWS, eq("dealId", dealId))).isZero();
        assertThat(page.post("/deals/" + dealId + "/delete", new LinkedMultiValueMap<>()).getStatus().value()).isEqualTo(404);
    }

    @Test
    void theDeleteFormNeedsItsCsrfToken() {
        String dealId = deal(tenant, "Hooli");
        PageSession page = PageSession.signIn(client, analystEmail, TestTenant.PASSWORD);

        client.post().uri("/deals/{id}/delete", dealId).cookie("SESSION", page.cookie("SESSION"))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).exchange().expectStatus().isForbidden();

        analyst.get().uri("/api/deals/{id}", dealId).exchange().expectStatus().isOk();
    }

    // --- fixtures and helpers

    private String deal(TestTenant owner, String account) {
        return owner.asAdmin(client).post().uri("/api/deals")
                .bodyValue(Map.of("account", account, "outcome", "lost", "closeDate", "2026-03-31"))
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
    }

    /** Uploads a transcript through the API (bytes the reader refuses, so the job fails without loading models). */
    private String upload(String dealId) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("file", new ByteArrayResource(new byte[] {0, 1, 2, 3, 4, 5, 6, 7}) {
            @Override
            public String getFilename() {
                return "call.txt";
            }
        }).contentType(MediaType.APPLICATION_OCTET_STREAM);
        body.part("dealId", dealId);
        return analyst.post().uri("/api/interviews").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(body.build())).exchange()
                .expectStatus().isAccepted().expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
    }

    /** An interview stored with an analysis and one person's correction; returns its id. */
    private String analysedInterview(String dealId) {
        String id = UUID.randomUUID().toString();
        store.tenant(workspace, Collections.INTERVIEWS).insert(new Document("_id", id).append("dealId", dealId)
                .append("fileName", "call.txt").append("size", 10L).append("interviewers", List.of())
                .append("uploadedBy", analystEmail).append("uploadedAt", new Date())).block(Duration.ofSeconds(10));
        AnalysisFixture.save(analyses, workspace, "interview:" + id, List.of(
                buyer(0, "Tom", "The price was too high.", List.of(), List.of("price"), "negative", -1.0)));
        analyses.correct(workspace, "interview:" + id, 0, new Correction(0, null, null, List.of("price", "roi_value"), null,
                analystEmail, Instant.now())).block(Duration.ofSeconds(10));
        return id;
    }

    private Document stored(String collection, String id) {
        return Mono.from(store.global(collection).find(eq("_id", id)).first()).block(Duration.ofSeconds(10));
    }

    private long count(String collection, Bson filter) {
        return Mono.from(store.global(collection).countDocuments(filter)).block(Duration.ofSeconds(10));
    }
}
