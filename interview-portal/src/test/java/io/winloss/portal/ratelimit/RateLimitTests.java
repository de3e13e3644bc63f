package io.winloss.portal.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import io.winloss.portal.PageSession;
import io.winloss.portal.TestTenant;
import io.winloss.portal.account.Role;
import io.winloss.portal.account.Users;
import io.winloss.portal.workspace.Workspaces;

/**
 * The limits with tiny numbers in a context of their own. Tests run from loopback, so the portal is told it sits
 * behind a trusted proxy and each test names its clients in {@code X-Forwarded-For}: distinct addresses per test
 * keep the tests apart, and show that one address's limit leaves another alone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "PORTAL_DATA_DIR=target/test-data/${random.uuid}",
        "portal.rate-limit.trusted-proxy=true",
        "portal.rate-limit.pages.per-minute=3", "portal.rate-limit.pages.burst=3",
        "portal.rate-limit.login.per-minute=3", "portal.rate-limit.login.burst=3",
        "portal.rate-limit.login-username.per-minute=2", "portal.rate-limit.login-username.burst=2",
        "portal.rate-limit.api.per-minute=3", "portal.rate-limit.api.burst=3",
        "portal.rate-limit.api-anonymous.per-minute=2", "portal.rate-limit.api-anonymous.burst=2",
        "portal.rate-limit.webhook.per-minute=2", "portal.rate-limit.webhook.burst=2"})
@AutoConfigureWebTestClient
class RateLimitTests {

    @Autowired
    WebTestClient client;

    @Autowired
    Workspaces workspaces;

    @Autowired
    Users users;

    @org.junit.jupiter.api.BeforeEach
    void setUp() {
        TestTenant.owner(workspaces); // an instance that is set up shows the login page, not the setup page
    }

    private WebTestClient from(String ip) {
        return client.mutate().defaultHeader("X-Forwarded-For", "198.51.100.250, " + ip).build();
    }

    private static void assertRefused(EntityExchangeResult<?> result) {
        assertThat(result.getStatus().value()).as("refused").isEqualTo(429);
        String retryAfter = result.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER);
        assertThat(retryAfter).as("Retry-After").isNotNull();
        assertThat(Long.parseLong(retryAfter)).as("whole seconds until a token is back (a minute holds 2 or 3)").isBetween(1L, 60L);
    }

    @Test
    void buyerTokenPageAnswers429WithRetryAfterOnceTheIpUsedItsBurst() {
        WebTestClient buyer = from("203.0.113.1");
        for (int i = 0; i < 3; i++) {
            EntityExchangeResult<String> page = buyer.get().uri("/s/no-such-token-" + i).exchange()
                    .expectBody(String.class).returnResult();
            assertThat(page.getStatus().value()).as("request %s", i + 1).isNotEqualTo(429);
        }
        EntityExchangeResult<String> refused = buyer.get().uri("/s/no-such-token-4").exchange().expectBody(String.class).returnResult();
        assertRefused(refused);
        assertThat(refused.getResponseHeaders().getContentType().toString()).startsWith("text/html");
        assertThat(refused.getResponseBody()).contains("Too many requests").contains("Please wait")
                .as("the page in the portal's layout, not the plain fallback").contains("class=\"topbar\"");

        EntityExchangeResult<String> other = from("203.0.113.2").get().uri("/s/no-such-token-5").exchange()
                .expectBody(String.class).returnResult();
        assertThat(other.getStatus().value()).as("another IP is not limited by the first").isNotEqualTo(429);
    }

    @Test
    void sharedReportsShareTheBuyerPagesLimit() {
        WebTestClient reader = from("203.0.113.3");
        for (int i = 0; i < 3; i++) {
            reader.get().uri("/r/no-such-report").exchange().expectStatus().value(s -> assertThat(s).isNotEqualTo(429));
        }
        assertRefused(reader.get().uri("/r/no-such-report").exchange().expectBody(String.class).returnResult());
    }

    private static MultiValueMap<String, String> login(String username) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", username);
        form.add("password", "not-the-password");
        return form;
    }

    @Test
    void loginIsLimitedPerIp() {
        PageSession browser = new PageSession(from("203.0.113.10"));
        browser.get("/login");
        for (int i = 0; i < 3; i++) {
            EntityExchangeResult<String> failed = browser.post("/login", login("nobody-" + i + "@example.test"));
            assertThat(failed.getStatus().is3xxRedirection()).as("attempt %s is a normal failed login: %s", i + 1, failed.getStatus()).isTrue();
        }
        EntityExchangeResult<String> refused = browser.post("/login", login("nobody-4@example.test"));
        assertRefused(refused);
        assertThat(refused.getResponseBody()).contains("Too many requests");

        PageSession elsewhere = new PageSession(from("203.0.113.11"));
        elsewhere.get("/login");
        assertThat(elsewhere.post("/login", login("nobody-5@example.test")).getStatus().is3xxRedirection())
                .as("another IP may still try").isTrue();
    }

    @Test
    void loginIsLimitedPerUsernameWhateverTheIp() {
        String target = "target-" + System.nanoTime() + "@example.test";
        for (int i = 0; i < 2; i++) {
            PageSession browser = new PageSession(from("203.0.113." + (20 + i)));
            browser.get("/login");
            assertThat(browser.post("/login", login(target)).getStatus().is3xxRedirection()).isTrue();
        }
        PageSession third = new PageSession(from("203.0.113.22"));
        third.get("/login");
        assertRefused(third.post("/login", login(" " + target.toUpperCase() + " ")));
        assertThat(third.post("/login", login("someone-else@example.test")).getStatus().is3xxRedirection())
                .as("another username from this IP may still try").isTrue();
    }

    @Test
    void apiIsLimitedPerUserWithTheJsonErrorShape() {
        TestTenant tenant = TestTenant.create(workspaces);
        WebTestClient admin = tenant.asAdmin(from("203.0.113.30"));
        for (int i = 0; i < 3; i++) {
            admin.get().uri("/api/deals").exchange().expectStatus().isOk();
        }
        admin.get().uri("/api/deals").exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().exists(HttpHeaders.RETRY_AFTER)
                .expectHeader().contentTypeCompatibleWith("application/json")
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("request")
                .jsonPath("$.errors[0].message").value(m -> assertThat((String) m).contains("too many requests"));

        String analyst = tenant.addUser(users, Role.ANALYST);
        TestTenant.as(from("203.0.113.30"), analyst).get().uri("/api/deals").exchange()
                .expectStatus().isOk(); // the same IP, another user: a bucket of their own
    }

    @Test
    void apiCallsWithoutGoodCredentialsHaveALowerLimitPerIp() {
        WebTestClient anonymous = from("203.0.113.40");
        anonymous.get().uri("/api/deals").exchange().expectStatus().isUnauthorized();
        anonymous.get().uri("/api/deals").exchange().expectStatus().isUnauthorized();
        EntityExchangeResult<byte[]> refused = anonymous.get().uri("/api/deals").exchange().expectBody().returnResult();
        assertRefused(refused);

        WebTestClient guesser = from("203.0.113.41").mutate()
                .defaultHeaders(h -> h.setBasicAuth("nobody@example.test", "guess-guess-guess")).build();
        guesser.get().uri("/api/deals").exchange().expectStatus().isUnauthorized();
        guesser.get().uri("/api/deals").exchange().expectStatus().isUnauthorized();
        assertRefused(guesser.get().uri("/api/deals").exchange().expectBody().returnResult());

        TestTenant tenant = TestTenant.create(workspaces);
        tenant.asAdmin(from("203.0.113.41")).get().uri("/api/deals").exchange()
                .expectStatus().isEqualTo(429); // that IP spent its budget on refused credentials
        tenant.asAdmin(from("203.0.113.42")).get().uri("/api/deals").exchange().expectStatus().isOk();
    }

    @Test
    void forwardedForIsIgnoredUnlessBehindATrustedProxy() {
        // Unit check of the address rule: without the setting the connection's address counts, whatever the header.
        var exchange = org.springframework.mock.web.server.MockServerWebExchange.from(
                org.springframework.mock.http.server.reactive.MockServerHttpRequest.get("/s/x")
                        .remoteAddress(new java.net.InetSocketAddress("192.0.2.7", 4000))
                        .header("X-Forwarded-For", "10.0.0.1, 192.0.2.99"));
        assertThat(ClientAddress.of(exchange, false)).isEqualTo("192.0.2.7");
        assertThat(ClientAddress.of(exchange, true)).isEqualTo("192.0.2.99");
    }

    @Test
    void crmWebhookIsLimitedPerWorkspaceNamed() {
        WebTestClient crm = from("203.0.113.50");
        for (int i = 0; i < 2; i++) {
            crm.post().uri("/api/webhooks/crm/ws-limited").contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                    .bodyValue("{}").exchange().expectStatus().value(status -> assertThat(status).isNotEqualTo(429));
        }
        assertRefused(crm.post().uri("/api/webhooks/crm").header("X-Workspace", "ws-limited")
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectBody().returnResult());
        crm.post().uri("/api/webhooks/crm/ws-other").contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .bodyValue("{}").exchange().expectStatus().value(status -> assertThat(status).isNotEqualTo(429)); // its own bucket
    }

    @Test
    void theApiDescriptionSaysCallsMayBeRateLimited() {
        client.mutate().responseTimeout(java.time.Duration.ofSeconds(60)).build().get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.paths['/api/deals'].get.responses['429'].headers['Retry-After']").exists();
    }
}
