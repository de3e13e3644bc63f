package io.winloss.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import io.winloss.portal.PageSession;
import io.winloss.portal.PortalTest;
import io.winloss.portal.TestTenant;
import io.winloss.portal.invitation.SurveyFixture;
import io.winloss.portal.store.Store;
import io.winloss.portal.workspace.Workspaces;

/**
 * Every kind of answer carries the strict headers ({@link SecurityHeaders}); the session cookie is HttpOnly,
 * SameSite=Lax and Secure once the request came over HTTPS (as a trusted proxy reports it: {@link BehindProxyTests}); and no template holds inline
 * script or style the Content-Security-Policy would refuse.
 */
@PortalTest
class SecurityHeadersTests {

    @Autowired
    WebTestClient client;

    @Autowired
    Workspaces workspaces;

    @Autowired
    Store store;

    TestTenant tenant;

    @BeforeEach
    void newTenant() {
        TestTenant.owner(workspaces); // a fresh instance shows the setup page instead of the login page
        tenant = TestTenant.create(workspaces);
    }

    private static void assertStrictHeaders(EntityExchangeResult<?> result, String referrerPolicy) {
        HttpHeaders headers = result.getResponseHeaders();
        String what = result.getMethod() + " " + result.getUrl() + " (" + result.getStatus() + ")";
        assertThat(headers.getFirst("Content-Security-Policy")).as(what).isEqualTo(SecurityHeaders.CONTENT_SECURITY_POLICY)
                .contains("script-src 'self';", "style-src 'self';", "frame-ancestors 'none'", "object-src 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(headers.getFirst("X-Content-Type-Options")).as(what).isEqualTo("nosniff");
        assertThat(headers.getFirst("X-Frame-Options")).as(what).isEqualTo("DENY");
        assertThat(headers.get("Referrer-Policy")).as(what).containsExactly(referrerPolicy);
        assertThat(headers.getFirst("Permissions-Policy")).as(what).contains("camera=()", "microphone=()", "geolocation=()");
    }

    private static void assertStrictHeaders(EntityExchangeResult<?> result) {
        assertStrictHeaders(result, "strict-origin-when-cross-origin");
    }

    @Test
    void loginPageCarriesTheHeaders() {
        EntityExchangeResult<String> login = client.get().uri("/login").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult();
        assertStrictHeaders(login);
    }

    @Test
    void staffPagesAndTheirNotFoundPageCarryTheHeaders() {
        PageSession admin = PageSession.signIn(client, tenant.adminEmail(), TestTenant.PASSWORD);
        EntityExchangeResult<String> deals = admin.get("/deals");
        assertThat(deals.getStatus()).isEqualTo(HttpStatus.OK);
        assertStrictHeaders(deals);

        EntityExchangeResult<String> missingDeal = admin.get("/deals/no-such-deal");
        assertThat(missingDeal.getStatus()).isEqualTo(HttpStatus.NOT_FOUND);
        assertStrictHeaders(missingDeal);

        EntityExchangeResult<String> noSuchPage = admin.get("/no-such-page-at-all");
        assertThat(noSuchPage.getStatus()).isEqualTo(HttpStatus.NOT_FOUND);
        assertStrictHeaders(noSuchPage);
    }

    @Test
    void buyerSurveyPageCarriesTheHeaders() {
        String dealId = SurveyFixture.deal(store, tenant.workspace().id(), "Initech");
        String token = SurveyFixture.token(SurveyFixture.invite(client, tenant, dealId, "buyer@example.com", null));
        EntityExchangeResult<String> survey = client.get().uri("/s/" + token).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult();
        assertStrictHeaders(survey);

        EntityExchangeResult<String> unknown = client.get().uri("/s/no-such-token-at-all").exchange()
                .expectStatus().isNotFound().expectBody(String.class).returnResult();
        assertStrictHeaders(unknown);
    }

    @Test
    void apiAnswersCarryTheHeadersToo() {
        EntityExchangeResult<String> list = tenant.asAdmin(client).get().uri("/api/deals").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult();
        assertStrictHeaders(list);

        EntityExchangeResult<String> unauthenticated = client.get().uri("/api/deals").exchange()
                .expectStatus().isUnauthorized().expectBody(String.class).returnResult();
        assertStrictHeaders(unauthenticated);
    }

    @Test
    void sharedReportsKeepTheirNoReferrerPolicy() {
        EntityExchangeResult<String> report = client.get().uri("/r/no-such-report").exchange()
                .expectBody(String.class).returnResult();
        assertThat(report.getStatus().is4xxClientError()).as("status %s", report.getStatus()).isTrue();
        assertStrictHeaders(report, "no-referrer");
        assertThat(report.getResponseHeaders().getFirst("X-Robots-Tag")).isEqualTo("noindex");
    }

    @Test
    void onlyTheSwaggerUiMayApplyInlineStyle() {
        EntityExchangeResult<String> swagger = client.get().uri("/swagger-ui/index.html").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult();
        assertThat(swagger.getResponseHeaders().getFirst("Content-Security-Policy"))
                .isEqualTo(SecurityHeaders.SWAGGER_UI_CONTENT_SECURITY_POLICY)
                .contains("style-src 'self' 'unsafe-inline';", "script-src 'self';", "frame-ancestors 'none'");
        assertThat(swagger.getResponseHeaders().getFirst("X-Frame-Options")).isEqualTo("DENY");
    }

    static ResponseCookie sessionCookieAfterLogin(WebTestClient browser, String email) {
        PageSession session = new PageSession(browser);
        session.get("/login");
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", email);
        form.add("password", TestTenant.PASSWORD);
        EntityExchangeResult<String> result = session.post("/login", form);
        assertThat(result.getStatus().is3xxRedirection()).as("login answered %s", result.getStatus()).isTrue();
        ResponseCookie cookie = result.getResponseCookies().getFirst("SESSION");
        assertThat(cookie).as("a session cookie is set at login").isNotNull();
        return cookie;
    }

    @Test
    void sessionCookieIsHttpOnlyAndSameSiteLaxButNotSecureOverPlainHttp() {
        ResponseCookie cookie = sessionCookieAfterLogin(client, tenant.adminEmail());
        assertThat(cookie.isHttpOnly()).as("HttpOnly").isTrue();
        assertThat(cookie.getSameSite()).isEqualToIgnoringCase("Lax");
        assertThat(cookie.isSecure()).as("a Secure cookie would never come back over plain HTTP").isFalse();
        assertThat(cookie.getPath()).isEqualTo("/");
    }

    @Test
    void aForwardedProtoHeaderIsNotTrustedWithoutAProxy() {
        // by default no proxy is trusted: a client saying it came over HTTPS changes nothing (BehindProxyTests)
        WebTestClient forging = client.mutate().defaultHeader("X-Forwarded-Proto", "https").build();
        ResponseCookie cookie = sessionCookieAfterLogin(forging, tenant.adminEmail());
        assertThat(cookie.isSecure()).as("Secure").isFalse();
        EntityExchangeResult<String> page = forging.get().uri("/login").exchange().expectBody(String.class).returnResult();
        assertThat(page.getResponseHeaders().getFirst("Strict-Transport-Security")).isNull();
    }

    @Test
    void csrfCookieStaysReadableByThePagesOwnScripts() {
        ResponseCookie csrf = client.get().uri("/login").exchange().expectBody(String.class).returnResult()
                .getResponseCookies().getFirst("XSRF-TOKEN");
        assertThat(csrf).as("CSRF cookie").isNotNull();
        assertThat(csrf.isHttpOnly()).as("scripts may read the CSRF cookie").isFalse();
    }

    /** Inline script, event-handler attributes and style attributes or blocks: what the CSP refuses to run. */
    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script\\b(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern HANDLER_ATTRIBUTE = Pattern.compile("\\s(?:th:|data-th-)?on[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
    private static final Pattern STYLE = Pattern.compile("\\s(?:th:|data-th-)?style\\s*=|<style\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern JAVASCRIPT_URL = Pattern.compile("javascript:", Pattern.CASE_INSENSITIVE);

    /** Finds the top-level templates folder whether Maven runs from the module or from the project root. */
    private static Path templates() {
        for (Path candidate : List.of(Path.of("templates"), Path.of("..", "templates"))) {
            if (Files.isDirectory(candidate.resolve("fragments"))) {
                return candidate;
            }
        }
        throw new AssertionError("templates/ not found from " + Path.of("").toAbsolutePath());
    }

    static List<String> inlineCode(String name, String html) {
        List<String> found = new ArrayList<>();
        for (Pattern pattern : List.of(INLINE_SCRIPT, HANDLER_ATTRIBUTE, STYLE, JAVASCRIPT_URL)) {
            Matcher m = pattern.matcher(html);
            while (m.find()) {
                int line = html.substring(0, m.start()).split("\n", -1).length;
                found.add(name + ":" + line + ": " + m.group().strip());
            }
        }
        return found;
    }

    @Test
    void noTemplateHoldsInlineScriptOrStyle() throws IOException {
        Path root = templates();
        List<String> found = new ArrayList<>();
        int scanned = 0;
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).sorted().toList()) {
                String name = root.relativize(file).toString().replace('\\', '/');
                if (name.startsWith("mail/")) {
                    continue; // mails are read in mail clients, which ignore style sheets: their inline style stays
                }
                scanned++;
                found.addAll(inlineCode(name, Files.readString(file, StandardCharsets.UTF_8)));
            }
        }
        assertThat(scanned).as("templates scanned").isGreaterThan(30);
        assertThat(found).as("move these to static/js or static/css: the Content-Security-Policy refuses them").isEmpty();
    }

    @Test
    void theScanFindsEachKindOfInlineCode() {
        assertThat(inlineCode("t.html", "<script>alert(1)</script>")).hasSize(1);
        assertThat(inlineCode("t.html", "<script th:inline=\"javascript\">var x;</script>")).hasSize(1);
        assertThat(inlineCode("t.html", "<script th:src=\"@{/js/portal.js}\" defer></script>")).isEmpty();
        assertThat(inlineCode("t.html", "<button onclick=\"go()\">")).hasSize(1);
        assertThat(inlineCode("t.html", "<button th:onclick=\"|go()|\">")).hasSize(1);
        assertThat(inlineCode("t.html", "<p\nstyle=\"color: red\">")).hasSize(1);
        assertThat(inlineCode("t.html", "<p th:style=\"${s}\">")).hasSize(1);
        assertThat(inlineCode("t.html", "<style>p { color: red }</style>")).hasSize(1);
        assertThat(inlineCode("t.html", "<a href=\"javascript:void(0)\">")).hasSize(1);
        assertThat(inlineCode("t.html", "<p class=\"online\" data-label=\"Stylesheet\">")).isEmpty();
    }
}
