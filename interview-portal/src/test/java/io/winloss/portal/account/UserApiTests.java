package io.winloss.portal.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.winloss.portal.PortalTest;
import io.winloss.portal.TestTenant;
import io.winloss.portal.workspace.Workspaces;

@PortalTest
class UserApiTests {

    @Autowired
    WebTestClient client;

    @Autowired
    Workspaces workspaces;

    @Autowired
    Users users;

    @Autowired
    ApiKeys apiKeys;

    TestTenant tenant;

    @BeforeEach
    void newWorkspace() {
        tenant = TestTenant.create(workspaces);
    }

    private static String email() {
        return "new-" + UUID.randomUUID() + "@example.test";
    }

    @Test
    void adminCreatesAUserWhoCanSignIn() {
        String email = email();
        tenant.asAdmin(client).post().uri("/api/users")
                .bodyValue(Map.of("email", email, "password", TestTenant.PASSWORD, "role", "ANALYST"))
                .exchange()
                .expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.id").isNotEmpty()
                .jsonPath("$.email").isEqualTo(email)
                .jsonPath("$.role").isEqualTo("ANALYST")
                .jsonPath("$.password").doesNotExist()
                .jsonPath("$.passwordHash").doesNotExist();
        // the new analyst is signed in by Basic auth, and is no admin
        TestTenant.as(client, email).get().uri("/api/users").exchange().expectStatus().isForbidden();
    }

    @Test
    void duplicateEmailAnswers409() {
        String email = email();
        Map<String, String> body = Map.of("email", email, "password", TestTenant.PASSWORD, "role", "INTERVIEWER");
        tenant.asAdmin(client).post().uri("/api/users").bodyValue(body).exchange().expectStatus().isCreated();
        TestTenant other = TestTenant.create(workspaces);
        other.asAdmin(client).post().uri("/api/users").bodyValue(body).exchange().expectStatus().isEqualTo(409);
    }

    @Test
    void invalidUserAnswers400NamingEveryBadField() {
        byte[] body = tenant.asAdmin(client).post().uri("/api/users")
                .bodyValue(Map.of("email", "nope", "password", "short", "role", "BOSS"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().returnResult().getResponseBody();
        assertThat(new String(body)).contains("\"field\":\"email\"", "\"field\":\"password\"", "\"field\":\"role\"");
    }

    @Test
    void onlyAdminsCreateUsers() {
        String analyst = tenant.addUser(users, Role.ANALYST);
        TestTenant.as(client, analyst).post().uri("/api/users")
                .bodyValue(Map.of("email", email(), "password", TestTenant.PASSWORD, "role", "ADMIN"))
                .exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void listShowsOnlyTheWorkspacesOwnUsers() {
        String analyst = tenant.addUser(users, Role.ANALYST);
        TestTenant other = TestTenant.create(workspaces);
        tenant.asAdmin(client).get().uri("/api/users")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(2)
                .jsonPath("$[?(@.email == '%s')]".formatted(analyst)).exists()
                .jsonPath("$[?(@.email == '%s')]".formatted(other.adminEmail())).doesNotExist();
    }

    @Test
    void apiKeyOfAnAdminCreatesUsers() {
        Staff admin = tenant.staff(users, tenant.adminEmail());
        String key = apiKeys.issue(admin, "script").block().secret();
        client.post().uri("/api/users")
                .headers(h -> h.setBearerAuth(key))
                .bodyValue(Map.of("email", email(), "password", TestTenant.PASSWORD, "role", "ANALYST"))
                .exchange()
                .expectStatus().isCreated();
    }
}
