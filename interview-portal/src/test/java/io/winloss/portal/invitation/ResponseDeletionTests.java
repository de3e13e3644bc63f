package io.winloss.portal.invitation;

import static com.mongodb.client.model.Filters.eq;
import static io.winloss.portal.analysis.AnalysisFixture.buyer;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;

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
 * Deleting a buyer's answer sheet through the API and the deal's answers: its tags, corrections, jobs and draft go
 * with it, while its invitation stays answered, so the buyer's link takes no new answers. Only admins and analysts
 * may; answers that are gone or another workspace's are 404.
 */
@PortalTest
// No worker: one would analyse the posted answers and replace the tags the fixture saves while a test corrects them.
@TestPropertySource(properties = "PORTAL_ROLES=web")
class ResponseDeletionTests {

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
    String token;
    String responseId;

    @BeforeEach
    void answeredInvitationWithTags() {
        TestTenant.owner(workspaces); // the login page answers only once the instance is set up
        tenant = TestTenant.create(workspaces);
        analystEmail = tenant.addUser(users, Role.ANALYST);
        analyst = TestTenant.as(client, analystEmail);
        dealId = SurveyFixture.deal(store, tenant.workspace().id(), "Hooli");
        Map<String, Object> invited = SurveyFixture.invite(client, tenant, dealId, "buyer@example.com", null);
        token = SurveyFixture.token(invited);
        responseId = (String) invited.get("id");
        SurveyFixture.survey(client, token).post(client, "/s/" + token, SurveyFixture.requiredAnswers("yes")).expectStatus().isSeeOther();
        store.tenant(tenant.workspace().id(), Collections.DRAFTS).insert(new Document("_id", responseId)
                .append("values", new Document("primaryReason", List.of("price"))).append("updatedAt", new Date()))
                .block(Duration.ofSeconds(10));
        AnalysisFixture.save(analyses, tenant.workspace().id(), target(), List.of(
                buyer(0, "whatWouldHaveChanged", "A lower price.", List.of(), List.of("price"), "negative", -1.0)));
        analyses.correct(tenant.workspace().id(), target(), 0, new Correction(0, null, null, List.of("roi_value"), null,
                analystEmail, Instant.now())).block(Duration.ofSeconds(10));
    }

    private String target() {
        return "response:" + responseId;
    }

    @Test
    void deleteAnswers204AndTheTagsCorrectionsJobsAndDraftAreGone() {
        analyst.delete().uri("/api/responses/{id}", responseId).exchange().expectStatus().isNoContent();

        analyst.get().uri("/api/deals/{id}/responses", dealId).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items.length()").isEqualTo(0);
        assertThat(count(Collections.RESPONSES, eq("_id", responseId))).isZero();
        assertThat(count(Collections.ANALYSES, eq("target", target()))).isZero();
        assertThat(count(Collections.CORRECTIONS, eq("target", target()))).isZero();
        assertThat(count(Collections.ANALYSIS_JOBS, eq("target", target()))).isZero();
        assertThat(count(Collections.DRAFTS, eq("_id", responseId))).isZero();
        assertThat(count(Collections.CHANGES, eq("target", target()))).as("logged for the index").isPositive();
    }

    @Test
    void theInvitationStaysAnsweredAndTheLinkTakesNoNewAnswers() {
        analyst.delete().uri("/api/responses/{id}", responseId).exchange().expectStatus().isNoContent();

        analyst.get().uri("/api/deals/{id}/invitations", dealId).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items[0].status").isEqualTo("answered");
        SurveyFixture.Page received = SurveyFixture.get(client, "/s/" + token, HttpStatus.OK);
        assertThat(received.html()).contains("Your answers were received").doesNotContain("name=\"primaryReason\"");
        // a second tab still holding the form posts it again
        Matcher meta = Pattern.compile("name=\"csrf-token\"\\s+content=\"([^\"]+)\"").matcher(received.html());
        assertThat(meta.find()).isTrue();
        new SurveyFixture.Page(received.html(), received.cookie(), meta.group(1))
                .post(client, "/s/" + token, SurveyFixture.requiredAnswers("yes"))
                .expectStatus().isOk().expectBody(String.class).value(html -> assertThat(html).contains("Your answers were received"));
        assertThat(count(Collections.RESPONSES, eq("_id", responseId))).isZero();
    }

    @Test
    void deletingAgainIsNotFound() {
        analyst.delete().uri("/api/responses/{id}", responseId).exchange().expectStatus().isNoContent();
        analyst.delete().uri("/api/responses/{id}", responseId).exchange().expectStatus().isNotFound();
    }

    @Test
    void anotherWorkspacesAnswersAreNotFoundAndKept() {
        TestTenant other = TestTenant.create(workspaces);

        other.asAdmin(client).delete().uri("/api/responses/{id}", responseId).exchange().expectStatus().isNotFound();

        assertThat(count(Collections.RESPONSES, eq("_id", responseId))).isOne();
    }

    @Test
    void interviewersMayNotDelete() {
        WebTestClient interviewer = TestTenant.as(client, tenant.addUser(users, Role.INTERVIEWER));

        interviewer.delete().uri("/api/responses/{id}", responseId).exchange().expectStatus().isForbidden();

        assertThat(count(Collections.RESPONSES, eq("_id", responseId))).isOne();
    }

    @Test
    void theDealsAnswersOfferDeletionAndTheFormShowsTheDealWithANotice() {
        PageSession page = PageSession.signIn(client, analystEmail, TestTenant.PASSWORD);
        String fragment = page.get("/deals/" + dealId + "/answers").getResponseBody();
        assertThat(fragment).contains("<details class=\"delete\">",
                "action=\"/deals/" + dealId + "/responses/" + responseId + "/delete\"");
        String otherDeal = SurveyFixture.deal(store, tenant.workspace().id(), "Initech");
        assertThat(page.post("/deals/" + otherDeal + "/responses/" + responseId + "/delete", new LinkedMultiValueMap<>())
                .getStatus().value()).as("the answers of another deal").isEqualTo(404);

        EntityExchangeResult<String> deleted = page.post("/deals/" + dealId + "/responses/" + responseId + "/delete",
                new LinkedMultiValueMap<>());

        assertThat(deleted.getStatus()).isEqualTo(HttpStatus.SEE_OTHER);
        assertThat(deleted.getResponseHeaders().getLocation()).hasToString("/deals/" + dealId + "?deleted=answers");
        assertThat(page.get("/deals/" + dealId + "?deleted=answers").getResponseBody()).contains("answers were deleted");
        assertThat(page.get("/deals/" + dealId + "/answers").getResponseBody()).contains("No answers yet.");
    }

    private long count(String collection, Bson filter) {
        return Mono.from(store.global(collection).countDocuments(filter)).block(Duration.ofSeconds(10));
    }
}
