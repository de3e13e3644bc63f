package io.winloss.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseCookie;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.winloss.portal.PortalTest;
import io.winloss.portal.TestTenant;
import io.winloss.portal.workspace.Workspaces;

/** Behind a TLS-terminating proxy that the portal is told to trust, the session cookie is Secure and HSTS is sent. */
@PortalTest
@TestPropertySource(properties = "server.forward-headers-strategy=framework")
class BehindProxyTests {

    @Autowired
    WebTestClient client;

    @Autowired
    Workspaces workspaces;

    @Test
    void sessionCookieIsSecureWhenTheProxySaysTheRequestCameOverHttps() {
        TestTenant.owner(workspaces);
        TestTenant tenant = TestTenant.create(workspaces);
        WebTestClient behindProxy = client.mutate().defaultHeader("X-Forwarded-Proto", "https").build();
        ResponseCookie cookie = SecurityHeadersTests.sessionCookieAfterLogin(behindProxy, tenant.adminEmail());
        assertThat(cookie.isSecure()).as("Secure").isTrue();
        assertThat(cookie.isHttpOnly()).as("HttpOnly").isTrue();
        assertThat(cookie.getSameSite()).isEqualToIgnoringCase("Lax");

        EntityExchangeResult<String> page = behindProxy.get().uri("/login").exchange().expectBody(String.class).returnResult();
        assertThat(page.getResponseHeaders().getFirst("Strict-Transport-Security")).as("HSTS over HTTPS").isNotBlank();
        EntityExchangeResult<String> plain = client.get().uri("/login").exchange().expectBody(String.class).returnResult();
        assertThat(plain.getResponseHeaders().getFirst("Strict-Transport-Security")).as("no HSTS over plain HTTP").isNull();
    }
}
