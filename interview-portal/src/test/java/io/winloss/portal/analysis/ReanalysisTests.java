package io.winloss.portal.analysis;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

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

import com.mongodb.client.model.Updates;

import io.winloss.portal.PageSession;
import io.winloss.portal.PortalTest;
import io.winloss.portal.TestTenant;
import io.winloss.portal.account.Role;
import io.winloss.portal.account.Users;
import io.winloss.portal.interview.Interviews;
import io.winloss.portal.invitation.SurveyFixture;
import io.winloss.portal.store.Collections;
import io.winloss.portal.store.Store;
import io.winloss.portal.workspace.Workspaces;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Re-analysing the whole workspace from the queue page queues a new job for each of its interviews and for
 * nothing of another workspace; only admins and analysts may. The interviews are unreadable files, so their
 * jobs fail fast without loading the models.
 */
@PortalTest
class ReanalysisTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    WebTestClient client;

    @Autowired
    Workspaces workspaces;

    @Autowired
    Users users;

    @Autowired
    Store store;

    @Autowired
    Interviews interviews;

    TestTenant tenant;
    List<String> ours;

    @BeforeEach
    void twoGarbageInterviews() throws InterruptedException {
        TestTenant.owner(workspaces);
        tenant = TestTenant.create(workspaces);
        String deal = SurveyFixture.deal(store, tenant.workspace().id(), "Hooli");
        ours = List.of(upload(tenant, deal, "first.txt"), upload(tenant, deal, "second.vtt"));
        for (String id : ours) {
            awaitFinished(tenant, id);
        }
    }

    private String upload(TestTenant owner, String dealId, String fileName) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("file", new ByteArrayResource(new byte[] {0, 1, 2, 3, 0}) {
            @Override
            public String getFilename() {
                return fileName;
            }
        }).contentType(MediaType.APPLICATION_OCTET_STREAM);
        body.part("dealId", dealId);
        return JSON.readTree(owner.asAdmin(client).post().uri("/api/interviews").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(body.build())).exchange()
                .expectStatus().isAccepted().expectBody().returnResult().getResponseBody()).get("id").asString();
    }

    private String status(TestTenant owner, String id) {
        return JSON.readTree(owner.asAdmin(client).get().uri("/api/interviews/{id}", id).exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBody()).get("status").asString();
    }

    private void awaitFinished(TestTenant owner, String id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!status(owner, id).equals("failed") && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(status(owner, id)).as("a garbage file fails fast").isEqualTo("failed");
    }

    private String jobId(TestTenant owner, String id) {
        return interviews.find(owner.workspace().id(), id).block(Duration.ofSeconds(10)).jobId();
    }

    private EntityExchangeResult<String> reanalyzeAs(String email) {
        PageSession session = PageSession.signIn(client, email, TestTenant.PASSWORD);
        session.get("/");
        return session.post("/analysis/reanalyze", new LinkedMultiValueMap<>());
    }

    @Test
    void anAnalystQueuesEveryInterviewOfTheWorkspaceAgain() throws InterruptedException {
        Map<String, String> before = Map.of(ours.get(0), jobId(tenant, ours.get(0)), ours.get(1), jobId(tenant, ours.get(1)));

        EntityExchangeResult<String> result = reanalyzeAs(tenant.addUser(users, Role.ANALYST));

        assertThat(result.getStatus().is3xxRedirection()).as("answered %s", result.getStatus()).isTrue();
        assertThat(result.getResponseHeaders().getLocation().toString()).isEqualTo("/analysis?queued=2");
        for (String id : ours) {
            assertThat(jobId(tenant, id)).as("a new job for %s", id).isNotEqualTo(before.get(id));
            awaitFinished(tenant, id);
        }
    }

    @Test
    void anotherWorkspacesInterviewsAreLeftAlone() throws InterruptedException {
        TestTenant other = TestTenant.create(workspaces);
        String theirs = upload(other, SurveyFixture.deal(store, other.workspace().id(), "Initech"), "theirs.txt");
        awaitFinished(other, theirs); // finished, so a re-analysis reaching it would queue a new job
        String theirJob = jobId(other, theirs);

        EntityExchangeResult<String> result = reanalyzeAs(tenant.addUser(users, Role.ANALYST));

        assertThat(result.getResponseHeaders().getLocation().toString()).isEqualTo("/analysis?queued=2");
        assertThat(jobId(other, theirs)).isEqualTo(theirJob);
    }

    @Test
    void anInterviewerMayNeitherReanalyseNorSeeTheQueue() {
        String interviewer = tenant.addUser(users, Role.INTERVIEWER);
        Map<String, String> before = Map.of(ours.get(0), jobId(tenant, ours.get(0)), ours.get(1), jobId(tenant, ours.get(1)));

        EntityExchangeResult<String> result = reanalyzeAs(interviewer);

        assertThat(result.getStatus()).isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
        assertThat(PageSession.signIn(client, interviewer, TestTenant.PASSWORD).get("/analysis").getStatus())
                .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
        for (String id : ours) {
            assertThat(jobId(tenant, id)).isEqualTo(before.get(id));
        }
    }

    @Test
    void anInterviewStillWaitingKeepsItsJobAndIsNotCountedAsQueued() throws InterruptedException {
        String deal = SurveyFixture.deal(store, tenant.workspace().id(), "Pied Piper");
        String waiting = upload(tenant, deal, "waiting.txt");
        awaitFinished(tenant, waiting);
        String waitingJob = jobId(tenant, waiting);
        Mono.from(store.global(Collections.ANALYSIS_JOBS).updateOne(eq("_id", waitingJob), Updates.combine(
                Updates.set("status", "queued"), Updates.set("notBefore", Date.from(Instant.now().plus(Duration.ofDays(1)))))))
                .block(Duration.ofSeconds(10));

        EntityExchangeResult<String> result = reanalyzeAs(tenant.addUser(users, Role.ANALYST));

        assertThat(result.getResponseHeaders().getLocation().toString()).isEqualTo("/analysis?queued=2");
        assertThat(jobId(tenant, waiting)).isEqualTo(waitingJob);
    }
}
