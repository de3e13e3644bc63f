package io.winloss.portal.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import io.winloss.portal.PageSession;
import io.winloss.portal.PortalTest;
import io.winloss.portal.TestTenant;
import io.winloss.portal.workspace.Workspaces;

/** Admins and analysts create interviewer accounts (issue 4); only admins hand out any other role. */
@PortalTest
class InterviewerAccountsTests {

    @Autowired
    WebTestClient client;

    @Autowired
    Workspaces workspaces;

    @Autowired
    Users users;

    TestTenant tenant;

    String analyst;

    @BeforeEach
    void newWorkspaceWithAnAnalyst() {
        TestTenant.owner(workspaces);
        tenant = TestTenant.create(workspaces);
        analyst = tenant.addUser(users, Role.ANALYST);
    }

    private static String email() {
        return "new-" + UUID.randomUUID() + "@example.test";
    }

    private static Map<String, String> user(String email, String role) {
        return Map.of("email", email, "password", TestTenant.PASSWORD, "role", role);
    }

    private Role roleOf(String email) {
        return users.findByEmail(tenant.workspace().id(), email).map(User::role).block(Duration.ofSeconds(10));
    }

    @Test
    void analystCreatesAnInterviewerByApiWhoCanSignIn() {
        String email = email();
        TestTenant.as(client, analyst).post().uri("/api/users").bodyValue(user(email, "INTERVIEWER")).exchange()
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.email").isEqualTo(email).jsonPath("$.role").isEqualTo("INTERVIEWER");
        assertThat(roleOf(email)).isEqualTo(Role.INTERVIEWER);
        TestTenant.as(client, email).get().uri("/api/competitors").exchange().expectStatus().isOk();
    }

    @Test
    void analystCannotCreateAnalystsOrAdmins() {
        for (String role : new String[] {"ANALYST", "ADMIN", "analyst", "BOSS"}) {
            String email = email();
            TestTenant.as(client, analyst).post().uri("/api/users").bodyValue(user(email, role)).exchange()
                    .expectStatus().isForbidden();
            assertThat(roleOf(email)).as(role).isNull();
        }
        // and still may not list the workspace's staff
        TestTenant.as(client, analyst).get().uri("/api/users").exchange().expectStatus().isForbidden();
    }

    @Test
    void interviewerCannotCreateAnyone() {
        String interviewer = tenant.addUser(users, Role.INTERVIEWER);
        for (String role : new String[] {"INTERVIEWER", "ANALYST", "ADMIN"}) {
            TestTenant.as(client, interviewer).post().uri("/api/users").bodyValue(user(email(), role)).exchange()
                    .expectStatus().isForbidden();
        }
        PageSession session = PageSession.signIn(client, interviewer, TestTenant.PASSWORD);
        assertThat(session.get("/interviewers").getStatus().value()).isEqualTo(403);
        assertThat(session.get("/").getResponseBody()).doesNotContain("href=\"/interviewers\"");
    }

    @Test
    void adminStillCreatesEveryRole() {
        for (String role : new String[] {"INTERVIEWER", "ANALYST", "ADMIN"}) {
            tenant.asAdmin(client).post().uri("/api/users").bodyValue(user(email(), role)).exchange()
                    .expectStatus().isCreated();
        }
    }

    @Test
    void analystAddsAnInterviewerOnThePage() {
        PageSession session = PageSession.signIn(client, analyst, TestTenant.PASSWORD);
        String empty = session.get("/interviewers").getResponseBody();
        assertThat(empty).contains("No interviewers yet", "name=\"_csrf\"", "action=\"/interviewers\"")
                .doesNotContain("name=\"role\"");
        assertThat(session.get("/").getResponseBody()).contains("href=\"/interviewers\"");

        String email = email();
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("email", email);
        form.add("password", TestTenant.PASSWORD);
        form.add("role", "ADMIN"); // ignored: the page creates interviewers only
        EntityExchangeResult<String> created = session.post("/interviewers", form);
        assertThat(created.getStatus().is3xxRedirection()).isTrue();
        assertThat(roleOf(email)).isEqualTo(Role.INTERVIEWER);

        String page = session.get(created.getResponseHeaders().getLocation().toString()).getResponseBody();
        assertThat(page).contains("Interviewer added", email).doesNotContain(analyst, tenant.adminEmail());
    }

    @Test
    void aRefusedInterviewerKeepsTheEmailAndNamesTheProblem() {
        PageSession session = PageSession.signIn(client, analyst, TestTenant.PASSWORD);
        session.get("/interviewers");
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("email", "<b>x</b>@example.test");
        form.add("password", "short");
        EntityExchangeResult<String> refused = session.post("/interviewers", form);
        assertThat(refused.getStatus().value()).isEqualTo(200);
        assertThat(refused.getResponseBody()).contains("must be at least 10 characters", "&lt;b&gt;x&lt;/b&gt;@example.test")
                .doesNotContain("<b>x</b>", "Interviewer added");

        form = new LinkedMultiValueMap<>();
        form.add("email", analyst);
        form.add("password", TestTenant.PASSWORD);
        assertThat(session.post("/interviewers", form).getResponseBody()).contains("a user with this email already exists");
        assertThat(roleOf(analyst)).isEqualTo(Role.ANALYST);
    }
}
