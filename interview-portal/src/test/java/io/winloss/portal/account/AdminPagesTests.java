package io.winloss.portal.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

@PortalTest
class AdminPagesTests {

    @Autowired
    WebTestClient client;

    @Autowired
    Workspaces workspaces;

    @Autowired
    Users users;

    TestTenant tenant;

    PageSession session;

    @BeforeEach
    void signInAsAdmin() {
        TestTenant.owner(workspaces); // an instance that is set up shows the login page, not the setup page
        tenant = TestTenant.create(workspaces);
        session = PageSession.signIn(client, tenant.adminEmail(), tenant.password());
    }

    private String get(String path) {
        EntityExchangeResult<String> result = session.get(path);
        assertThat(result.getStatus().value()).as("GET %s", path).isEqualTo(200);
        return result.getResponseBody();
    }

    private EntityExchangeResult<String> post(String path, Map<String, String> fields) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        fields.forEach(form::add);
        return session.post(path, form);
    }

    @Test
    void adminAddsAUserAndSeesThemListed() {
        get("/admin/users");
        String email = "page-" + UUID.randomUUID() + "@example.test";
        EntityExchangeResult<String> created = post("/admin/users", Map.of("email", email, "password", TestTenant.PASSWORD, "role", "INTERVIEWER"));
        assertThat(created.getStatus().is3xxRedirection()).isTrue();

        String page = get(created.getResponseHeaders().getLocation().toString());
        assertThat(page).contains(email, "User added");
        assertThat(users.findByEmail(tenant.workspace().id(), email).block().role()).isEqualTo(Role.INTERVIEWER);
    }

    @Test
    void noticesAppearOnlyAfterTheChangeTheyReport() {
        assertThat(get("/admin/users")).doesNotContain("User added", "Role changed", "User removed");
        assertThat(get("/admin/api-keys")).doesNotContain("Key revoked");
        session = new PageSession(client);
        assertThat(get("/login")).doesNotContain("workspace is ready", "do not match", "signed out");
        assertThat(get("/login?error")).contains("do not match").doesNotContain("signed out");
    }

    @Test
    void refusedUserFormIsShownAgainWithItsErrors() {
        get("/admin/users");
        EntityExchangeResult<String> refused = post("/admin/users", Map.of("email", "kept@example", "password", "short", "role", "ANALYST"));
        assertThat(refused.getStatus().value()).isEqualTo(200);
        String page = refused.getResponseBody();
        assertThat(page).contains("value=\"kept@example\"", "must be an email address", "must be at least 10 characters");
    }

    @Test
    void adminChangesARoleAndRemovesAUserButNotThemselves() {
        String analyst = tenant.addUser(users, Role.ANALYST);
        String id = users.findByEmail(tenant.workspace().id(), analyst).block().id();
        String me = users.findByEmail(tenant.workspace().id(), tenant.adminEmail()).block().id();
        get("/admin/users");

        assertThat(post("/admin/users/" + id + "/role", Map.of("role", "ADMIN")).getStatus().is3xxRedirection()).isTrue();
        assertThat(users.find(tenant.workspace().id(), id).block().role()).isEqualTo(Role.ADMIN);

        get("/admin/users");
        assertThat(post("/admin/users/" + id + "/remove", Map.of()).getStatus().is3xxRedirection()).isTrue();
        assertThat(users.findByEmail(tenant.workspace().id(), analyst).blockOptional()).isEmpty();

        get("/admin/users");
        EntityExchangeResult<String> self = post("/admin/users/" + me + "/remove", Map.of());
        assertThat(self.getResponseBody()).contains("you cannot remove yourself");
        assertThat(users.find(tenant.workspace().id(), me).block()).isNotNull();
    }

    @Test
    void userOfAnotherWorkspaceCannotBeRemoved() {
        TestTenant other = TestTenant.create(workspaces);
        String otherId = users.findByEmail(other.workspace().id(), other.adminEmail()).block().id();
        get("/admin/users");
        assertThat(post("/admin/users/" + otherId + "/remove", Map.of()).getStatus().value()).isEqualTo(404);
        assertThat(users.find(other.workspace().id(), otherId).block()).isNotNull();
    }

    @Test
    void newKeySecretIsShownOnceAndWorksUntilRevoked() {
        get("/admin/api-keys");
        EntityExchangeResult<String> created = post("/admin/api-keys", Map.of("name", "CRM sync"));
        String page = created.getResponseBody();
        Matcher secret = Pattern.compile("value=\"(wl_[^\"]+)\"").matcher(page);
        assertThat(secret.find()).as("the secret is on the page").isTrue();
        String key = secret.group(1);

        client.get().uri("/api/users").headers(h -> h.setBearerAuth(key)).exchange().expectStatus().isOk();
        String list = get("/admin/api-keys");
        assertThat(list).contains("CRM sync").doesNotContain(key);

        Matcher revoke = Pattern.compile("action=\"(/admin/api-keys/[^\"]+/revoke)\"").matcher(list);
        assertThat(revoke.find()).isTrue();
        assertThat(post(revoke.group(1), Map.of()).getStatus().is3xxRedirection()).isTrue();
        client.get().uri("/api/users").headers(h -> h.setBearerAuth(key)).exchange().expectStatus().isUnauthorized();
    }

    @Test
    void analystCannotOpenAdminPages() {
        String analyst = tenant.addUser(users, Role.ANALYST);
        session = PageSession.signIn(client, analyst, TestTenant.PASSWORD);
        assertThat(session.get("/admin/users").getStatus().value()).isEqualTo(403);
    }
}
