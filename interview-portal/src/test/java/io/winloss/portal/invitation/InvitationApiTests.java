package io.winloss.portal.invitation;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
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

@PortalTest
class InvitationApiTests {

    @Autowired
    WebTestClient client;

    @Autowired
    Workspaces workspaces;

    @Autowired
    Users users;

    @Autowired
    Store store;

    TestTenant tenant;
    String dealId;

    @BeforeEach
    void setUp() {
        tenant = TestTenant.create(workspaces);
        dealId = SurveyFixture.deal(store, tenant.workspace().id(), "Acme Corp");
    }

    @Test
    void invitationLinkCarries256BitTokenAndOnlyItsHashIsStored() {
        Map<String, Object> created = SurveyFixture.invite(client, tenant, dealId, "buyer@example.com", null);
        assertThat(created.get("status")).isEqualTo("queued");
        assertThat((String) created.get("url")).matches("http://localhost:\\d+/s/[A-Za-z0-9_-]{43}");
        String token = SurveyFixture.token(created);
        assertThat(Base64.getUrlDecoder().decode(token)).hasSize(32);

        Document stored = Mono.from(store.global(Collections.INVITATIONS).find(eq("_id", created.get("id"))).first())
                .block(Duration.ofSeconds(10));
        assertThat(stored.getString("tokenHash")).isEqualTo(SecretToken.hashOf(token));
        assertThat(stored.toJson()).doesNotContain(token);
    }

    @Test
    void invitationMailIsQueuedInTheOutboxWithLinkAndOptOut() {
        Map<String, Object> created = SurveyFixture.invite(client, tenant, dealId, "buyer@example.com", "A $50 gift card");
        Document mail = Mono.from(store.global(Collections.OUTBOX).find(eq("invitationId", created.get("id"))).first())
                .block(Duration.ofSeconds(10));
        assertThat(mail.getString("status")).isEqualTo("pending");
        assertThat(mail.getString("to")).isEqualTo("buyer@example.com");
        assertThat(mail.getString("workspaceId")).isEqualTo(tenant.workspace().id().value());
        String url = (String) created.get("url");
        assertThat(mail.getString("link")).isEqualTo(url);
        assertThat(mail.getString("text")).contains(url, url + "/opt-out", "A $50 gift card");
        assertThat(mail.getString("html")).contains(url, url + "/opt-out", "A $50 gift card");
        assertThat(mail.getString("html") + mail.getString("text") + mail.getString("subject")).doesNotContain("Acme");
    }

    @Test
    void invalidEmailIsRefused() {
        tenant.asAdmin(client).post().uri("/api/deals/{id}/invitations", dealId).bodyValue(Map.of("email", "not-an-email"))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("email");
    }

    @Test
    void unknownDealIsNotFound() {
        tenant.asAdmin(client).post().uri("/api/deals/{id}/invitations", "no-such-deal").bodyValue(Map.of("email", "b@example.com"))
                .exchange().expectStatus().isNotFound();
    }

    @Test
    void anotherWorkspacesDealIsNotFoundForInvitationsAndResponses() {
        TestTenant other = TestTenant.create(workspaces);
        other.asAdmin(client).post().uri("/api/deals/{id}/invitations", dealId).bodyValue(Map.of("email", "b@example.com"))
                .exchange().expectStatus().isNotFound();
        other.asAdmin(client).get().uri("/api/deals/{id}/responses", dealId).exchange().expectStatus().isNotFound();
        other.asAdmin(client).get().uri("/api/deals/{id}/invitations", dealId).exchange().expectStatus().isNotFound();
    }

    @Test
    void interviewersMayNotInvite() {
        String interviewer = tenant.addUser(users, Role.INTERVIEWER);
        TestTenant.as(client, interviewer).post().uri("/api/deals/{id}/invitations", dealId).bodyValue(Map.of("email", "b@example.com"))
                .exchange().expectStatus().isForbidden();
    }

    @Test
    void invitationsListShowsTheirStatus() {
        Map<String, Object> opened = SurveyFixture.invite(client, tenant, dealId, "one@example.com", null);
        Map<String, Object> optedOut = SurveyFixture.invite(client, tenant, dealId, "two@example.com", null);
        Map<String, Object> expired = SurveyFixture.invite(client, tenant, dealId, "three@example.com", null);
        SurveyFixture.get(client, "/s/" + SurveyFixture.token(opened), HttpStatus.OK);
        SurveyFixture.get(client, "/s/" + SurveyFixture.token(optedOut) + "/opt-out", HttpStatus.OK);
        SurveyFixture.expire(store, (String) expired.get("id"));

        tenant.asAdmin(client).get().uri("/api/deals/{id}/invitations", dealId).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items.length()").isEqualTo(3)
                .jsonPath("$.items[0].createdAt").value(String.class, at -> assertThat(at).matches("\\d{4}-\\d{2}-\\d{2}T.*Z"))
                .jsonPath("$.items[?(@.email == 'one@example.com')].status").isEqualTo(List.of("opened"))
                .jsonPath("$.items[?(@.email == 'two@example.com')].status").isEqualTo(List.of("opted_out"))
                .jsonPath("$.items[?(@.email == 'three@example.com')].status").isEqualTo(List.of("expired"));
    }

    @Test
    void anonymousResponseHidesRespondentFromAnalystButNotFromAdmin() {
        String anonymousToken = SurveyFixture.token(SurveyFixture.invite(client, tenant, dealId, "quiet@example.com", null));
        String namedToken = SurveyFixture.token(SurveyFixture.invite(client, tenant, dealId, "named@example.com", null));
        SurveyFixture.survey(client, anonymousToken).post(client, "/s/" + anonymousToken, SurveyFixture.requiredAnswers("anonymous"))
                .expectStatus().isSeeOther();
        SurveyFixture.survey(client, namedToken).post(client, "/s/" + namedToken, SurveyFixture.requiredAnswers("yes"))
                .expectStatus().isSeeOther();

        String analyst = tenant.addUser(users, Role.ANALYST);
        String asAnalyst = new String(TestTenant.as(client, analyst).get().uri("/api/deals/{id}/responses", dealId).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items.length()").isEqualTo(2)
                .jsonPath("$.items[?(@.attributable == false)].respondent").isEmpty()
                .jsonPath("$.items[?(@.attributable == true)].respondent").isEqualTo(List.of("named@example.com"))
                .jsonPath("$.items[0].answers.primaryReason").isEqualTo("price")
                .returnResult().getResponseBody());
        assertThat(asAnalyst).doesNotContain("quiet@example.com");

        tenant.asAdmin(client).get().uri("/api/deals/{id}/responses", dealId).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items[?(@.attributable == false)].respondent").isEqualTo(List.of("quiet@example.com"));
    }
}
