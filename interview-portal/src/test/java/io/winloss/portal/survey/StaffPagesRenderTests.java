package io.winloss.portal.survey;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.winloss.portal.PortalTest;
import io.winloss.portal.TestTenant;
import io.winloss.portal.account.Role;
import io.winloss.portal.account.Users;
import io.winloss.portal.invitation.SurveyFixture;
import io.winloss.portal.workspace.Workspaces;

/** The layout's role-dependent links render in WebFlux (sec:authorize only supports isAuthenticated() there). */
@PortalTest
class StaffPagesRenderTests {

    @Autowired
    WebTestClient client;

    @Autowired
    Workspaces workspaces;

    @Autowired
    Users users;

    @Test
    void adminSeesSurveyAndOutboxLinksAndAnalystDoesNot() {
        TestTenant.owner(workspaces);
        TestTenant tenant = TestTenant.create(workspaces);
        String admin = SurveyFixture.signIn(client, tenant.adminEmail()).get("/").html();
        assertThat(admin).contains("href=\"/admin/survey\"", "href=\"/admin/outbox\"", "href=\"/deals\"");
        String analyst = SurveyFixture.signIn(client, tenant.addUser(users, Role.ANALYST)).get("/").html();
        assertThat(analyst).contains("href=\"/deals\"").doesNotContain("href=\"/admin/survey\"", "href=\"/admin/outbox\"");
    }
}
