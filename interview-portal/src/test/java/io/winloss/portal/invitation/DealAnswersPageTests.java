package io.winloss.portal.invitation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import io.winloss.portal.PortalTest;
import io.winloss.portal.TestTenant;
import io.winloss.portal.account.Role;
import io.winloss.portal.account.Users;
import io.winloss.portal.store.Store;
import io.winloss.portal.workspace.Workspaces;

@PortalTest
class DealAnswersPageTests {

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
        TestTenant.owner(workspaces); // login answers only once the instance is set up
        tenant = TestTenant.create(workspaces);
        dealId = SurveyFixture.deal(store, tenant.workspace().id(), "Hooli");
    }

    private void answer(String email, String attribution, String text) {
        String token = SurveyFixture.token(SurveyFixture.invite(client, tenant, dealId, email, null));
        MultiValueMap<String, String> form = SurveyFixture.requiredAnswers(attribution);
        form.add("whatWouldHaveChanged", text);
        SurveyFixture.survey(client, token).post(client, "/s/" + token, form).expectStatus().isSeeOther();
    }

    @Test
    void fragmentShowsPromptsAndEscapedAnswersAndHidesAnonymousBuyersFromAnalysts() {
        answer("hidden@example.com", "anonymous", "<img src=x onerror=alert(1)>");
        answer("open@example.com", "yes", "Better SSO");

        String analyst = tenant.addUser(users, Role.ANALYST);
        String html = SurveyFixture.signIn(client, analyst).get("/deals/" + dealId + "/answers").html();
        assertThat(html).contains("id=\"deal-answers\"", "What would have changed the outcome?", "Price", "Better SSO",
                "&lt;img src=x onerror=alert(1)&gt;", "Anonymous buyer", "open@example.com");
        assertThat(html).doesNotContain("<img src=x");
        // nor does the invitations table: the invitation an anonymous buyer answered shows no address
        assertThat(html).doesNotContain("hidden@example.com");

        String asAdmin = SurveyFixture.signIn(client, tenant.adminEmail()).get("/deals/" + dealId + "/answers").html();
        assertThat(asAdmin.substring(asAdmin.indexOf("<h3>Answers</h3>"))).contains("hidden@example.com");
    }

    @Test
    void inviteFormQueuesAnInvitationAndShowsTheLinkOnce() {
        SurveyFixture.Staff admin = SurveyFixture.signIn(client, tenant.adminEmail());
        SurveyFixture.Page fragment = admin.get("/deals/" + dealId + "/answers");
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("email", "new-buyer@example.com");
        form.add("incentive", "");
        String html = new String(fragment.post(admin.client(), "/deals/" + dealId + "/invitations", form)
                .expectStatus().isOk().expectBody().returnResult().getResponseBody());
        assertThat(html).contains("Invitation queued", "/s/", "new-buyer@example.com", "queued");
    }

    @Test
    void otherWorkspacesDealAnswersAreNotFound() {
        TestTenant other = TestTenant.create(workspaces);
        SurveyFixture.Staff admin = SurveyFixture.signIn(client, other.adminEmail());
        admin.client().get().uri("/deals/" + dealId + "/answers").exchange().expectStatus().isNotFound();
    }

    @Test
    void outboxPageListsQueuedMailWithItsLink() {
        Map<String, Object> created = SurveyFixture.invite(client, tenant, dealId, "outbox@example.com", null);
        String html = SurveyFixture.signIn(client, tenant.adminEmail()).get("/admin/outbox").html();
        assertThat(html).contains("outbox@example.com", "pending", (String) created.get("url"), "No SMTP server");

        String analyst = tenant.addUser(users, Role.ANALYST);
        SurveyFixture.signIn(client, analyst).client().get().uri("/admin/outbox").exchange().expectStatus().isForbidden();
    }

    @Test
    void signedInPagesNeedNoStaffForBuyerLinks() {
        SurveyFixture.get(client, "/s/unknown", HttpStatus.NOT_FOUND);
    }
}
