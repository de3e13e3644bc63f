package io.winloss.portal.interview;

import static com.mongodb.client.model.Filters.eq;
import static io.winloss.portal.analysis.AnalysisFixture.buyer;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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
import io.winloss.portal.store.Collections;
import io.winloss.portal.store.Store;
import io.winloss.portal.workspace.Workspaces;
import reactor.core.publisher.Mono;

/**
 * Deleting one interview through the API and its page: the transcript file, tags, corrections and jobs go with it,
 * its deal stays; only admins and analysts may, and an interview that is gone or another workspace's is 404.
 */
@PortalTest
class InterviewDeletionTests {

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
    String analystEmail;
    WebTestClient analyst;
    String dealId;
    String interviewId;

    @BeforeEach
    void anUploadedInterviewWithTags() {
        TestTenant.owner(workspaces); // the login page answers only once the instance is set up
        tenant = TestTenant.create(workspaces);
        analystEmail = tenant.addUser(users, Role.ANALYST);
        analyst = TestTenant.as(client, analystEmail);
        dealId = deal(tenant);
        interviewId = upload(analyst, dealId);
        AnalysisFixture.save(analyses, tenant.workspace().id(), "interview:" + interviewId, List.of(
                buyer(0, "Tom", "The price was too high.", List.of(), List.of("price"), "negative", -1.0)));
        analyses.correct(tenant.workspace().id(), "interview:" + interviewId, 0, new Correction(0, null, null,
                List.of("roi_value"), null, analystEmail, Instant.now())).block(Duration.ofSeconds(10));
    }

    @Test
    void deleteAnswers204AndTheFileTagsCorrectionsAndJobsAreGone() {
        String fileId = stored(Collections.INTERVIEWS, interviewId).getString("fileId");
        String target = "interview:" + interviewId;
        assertThat(count(Collections.UPLOADS + ".files", eq("_id", new ObjectId(fileId)))).isOne();
        assertThat(count(Collections.ANALYSIS_JOBS, eq("target", target))).isOne();

        analyst.delete().uri("/api/interviews/{id}", interviewId).exchange().expectStatus().isNoContent();

        analyst.get().uri("/api/interviews/{id}", interviewId).exchange().expectStatus().isNotFound();
        assertThat(count(Collections.UPLOADS + ".files", eq("_id", new ObjectId(fileId)))).isZero();
        assertThat(count(Collections.UPLOADS + ".chunks", eq("files_id", new ObjectId(fileId)))).isZero();
        assertThat(count(Collections.ANALYSIS_JOBS, eq("target", target))).isZero();
        assertThat(count(Collections.ANALYSES, eq("target", target))).isZero();
        assertThat(count(Collections.CORRECTIONS, eq("target", target))).isZero();
        assertThat(count(Collections.CHANGES, eq("target", target))).as("logged for the index").isPositive();
        analyst.get().uri("/api/deals/{id}", dealId).exchange().expectStatus().isOk();
    }

    @Test
    void deletingAgainIsNotFound() {
        analyst.delete().uri("/api/interviews/{id}", interviewId).exchange().expectStatus().isNoContent();
        analyst.delete().uri("/api/interviews/{id}", interviewId).exchange().expectStatus().isNotFound();
    }

    @Test
    void anotherWorkspacesInterviewIsNotFoundAndKept() {
        TestTenant other = TestTenant.create(workspaces);

        other.asAdmin(client).delete().uri("/api/interviews/{id}", interviewId).exchange().expectStatus().isNotFound();

        analyst.get().uri("/api/interviews/{id}", interviewId).exchange().expectStatus().isOk();
    }

    @Test
    void interviewersMayNotDeleteEvenOnTheirDeal() {
        String interviewerEmail = tenant.addUser(users, Role.INTERVIEWER);
        analyst.post().uri("/api/deals/{id}/assignments", dealId).bodyValue(Map.of("interviewerEmail", interviewerEmail))
                .exchange().expectStatus().isCreated();
        WebTestClient interviewer = TestTenant.as(client, interviewerEmail);
        String own = upload(interviewer, dealId);

        interviewer.delete().uri("/api/interviews/{id}", own).exchange().expectStatus().isForbidden();
        PageSession page = PageSession.signIn(client, interviewerEmail, TestTenant.PASSWORD);
        String html = page.get("/interviews/" + own).getResponseBody();
        assertThat(html).doesNotContain("/interviews/" + own + "/delete");
        assertThat(page.post("/interviews/" + own + "/delete", new LinkedMultiValueMap<>()).getStatus().value()).isEqualTo(404);

        interviewer.get().uri("/api/interviews/{id}", own).exchange().expectStatus().isOk();
    }

    @Test
    void interviewPageDeletesBehindADisclosureAndShowsTheDealWithANotice() {
        PageSession page = PageSession.signIn(client, analystEmail, TestTenant.PASSWORD);
        assertThat(page.get("/interviews/" + interviewId).getResponseBody())
                .contains("<details class=\"delete\">", "action=\"/interviews/" + interviewId + "/delete\"");

        EntityExchangeResult<String> deleted = page.post("/interviews/" + interviewId + "/delete", new LinkedMultiValueMap<>());

        assertThat(deleted.getStatus()).isEqualTo(HttpStatus.SEE_OTHER);
        assertThat(deleted.getResponseHeaders().getLocation()).hasToString("/deals/" + dealId + "?deleted=interview");
        assertThat(page.get("/deals/" + dealId + "?deleted=interview").getResponseBody()).contains("The interview was deleted");
        assertThat(page.get("/interviews/" + interviewId).getStatus().value()).isEqualTo(404);
    }

    // --- fixtures and helpers

    private String deal(TestTenant owner) {
        return owner.asAdmin(client).post().uri("/api/deals")
                .bodyValue(Map.of("account", "Umbrella", "outcome", "lost", "closeDate", "2026-03-31"))
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
    }

    /** Uploads bytes the transcript reader refuses: the file is stored and its job fails without loading models. */
    private static String upload(WebTestClient as, String dealId) {
        return as.post().uri("/api/interviews").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(InterviewApiTests.upload(dealId, "call.txt",
                        new byte[] {0, 1, 2, 3, 4, 5, 6, 7}).build()))
                .exchange().expectStatus().isAccepted()
                .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
    }

    private Document stored(String collection, String id) {
        return Mono.from(store.global(collection).find(eq("_id", id)).first()).block(Duration.ofSeconds(10));
    }

    private long count(String collection, Bson filter) {
        return Mono.from(store.global(collection).countDocuments(filter)).block(Duration.ofSeconds(10));
    }
}
