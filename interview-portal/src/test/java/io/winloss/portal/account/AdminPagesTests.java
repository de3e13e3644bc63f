package io.winloss.portal.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

import io.winloss.portal.PortalTest;
import io.winloss.portal.TestTenant;
import io.winloss.portal.workspace.Workspaces;

@PortalTest
class AdminPagesTests {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"");

    @Autowired
    WebTestClient client;

    @Autowired
    Workspaces workspaces;

    @Autowired
    Users users;

    TestTenant tenant;

    /** A browser's cookie jar and the CSRF token of the last page it saw. */
    final Map<String, String> cookies = new HashMap<>();
    String csrf;

    @BeforeEach
    void signInAsAdmin() {
        TestTenant.owner(workspaces); // an instance that is set up shows the login page, not the setup page
        tenant = TestTenant.create(workspaces);
        get("/login");
        EntityExchangeResult<byte[]> login = post("/login", Map.of("username", tenant.adminEmail(), "password", tenant.password()));
        assertThat(login.getStatus().is3xxRedirection()).isTrue();
        assertThat(login.getResponseHeaders().getLocation().getPath()).isEqualTo("/");
    }

    private String get(String path) {
        EntityExchangeResult<byte[]> result = client.get().uri(path)
                .cookies(c -> cookies.forEach(c::add))
                .exchange()
                .expectBody().returnResult();
        remember(result);
        assertThat(result.getStatus().value()).as("GET %s", path).isEqualTo(200);
        String html = new String(result.getResponseBody());
        Matcher m = CSRF.matcher(html);
        if (m.find()) {
            csrf = m.group(1);
        }
        return html;
    }

    private EntityExchangeResult<byte[]> post(String path, Map<String, String> fields) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        fields.forEach(form::add);
        form.add("_csrf", csrf);
        EntityExchangeResult<byte[]> result = client.post().uri(path)
                .cookies(c -> cookies.forEach(c::add))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(form))
                .exchange()
                .expectBody().returnResult();
        remember(result);
        return result;
    }

    private void remember(EntityExchangeResult<byte[]> result) {
        result.getResponseCookies().forEach((name, values) -> values.forEach(v -> {
            if (v.getValue().isEmpty()) {
                cookies.remove(name);
            } else {
                cookies.put(name, v.getValue());
            }
        }));
    }

    @Test
    void adminAddsAUserAndSeesThemListed() {
        get("/admin/users");
        String email = "page-" + UUID.randomUUID() + "@example.test";
        EntityExchangeResult<byte[]> created = post("/admin/users", Map.of("email", email, "password", TestTenant.PASSWORD, "role", "INTERVIEWER"));
        assertThat(created.getStatus().is3xxRedirection()).isTrue();

        String page = get(created.getResponseHeaders().getLocation().toString());
        assertThat(page).contains(email, "User added");
        assertThat(users.findByEmail(tenant.workspace().id(), email).block().role()).isEqualTo(Role.INTERVIEWER);
    }

    @Test
    void noticesAppearOnlyAfterTheChangeTheyReport() {
        assertThat(get("/admin/users")).doesNotContain("User added", "Role changed", "User removed");
        assertThat(get("/admin/api-keys")).doesNotContain("Key revoked");
        cookies.clear();
        assertThat(get("/login")).doesNotContain("workspace is ready", "do not match", "signed out");
        assertThat(get("/login?error")).contains("do not match").doesNotContain("signed out");
    }

    @Test
    void refusedUserFormIsShownAgainWithItsErrors() {
        get("/admin/users");
        EntityExchangeResult<byte[]> refused = post("/admin/users", Map.of("email", "kept@example", "password", "short", "role", "ANALYST"));
        assertThat(refused.getStatus().value()).isEqualTo(200);
        String page = new String(refused.getResponseBody());
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
        EntityExchangeResult<byte[]> self = post("/admin/users/" + me + "/remove", Map.of());
        assertThat(new String(self.getResponseBody())).contains("you cannot remove yourself");
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
        EntityExchangeResult<byte[]> created = post("/admin/api-keys", Map.of("name", "CRM sync"));
        String page = new String(created.getResponseBody());
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
        cookies.clear();
        get("/login");
        post("/login", Map.of("username", analyst, "password", TestTenant.PASSWORD));
        client.get().uri("/admin/users").cookies(c -> cookies.forEach(c::add)).exchange().expectStatus().isForbidden();
    }
}
