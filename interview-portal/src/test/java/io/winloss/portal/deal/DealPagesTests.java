package io.winloss.portal.deal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

import io.winloss.portal.PortalTest;
import io.winloss.portal.TestTenant;
import io.winloss.portal.account.Role;
import io.winloss.portal.account.Users;
import io.winloss.portal.workspace.Workspaces;

@PortalTest
class DealPagesTests {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");

    @Autowired
    WebTestClient client;

    @Autowired
    Workspaces workspaces;

    @Autowired
    Users users;

    @Autowired
    Deals deals;

    TestTenant tenant;

    @BeforeEach
    void newTenant() {
        TestTenant.owner(workspaces); // a fresh instance shows the setup page instead of the login page
        tenant = TestTenant.create(workspaces);
    }

    /** A browser-like session: cookies kept, CSRF token read from the last page. */
    final class Session {
        final MultiValueMap<String, String> cookies = new LinkedMultiValueMap<>();
        String csrf;

        EntityExchangeResult<String> get(String uri) {
            EntityExchangeResult<String> result = client.get().uri(uri).cookies(c -> c.addAll(cookies))
                    .exchange().expectBody(String.class).returnResult();
            remember(result);
            return result;
        }

        EntityExchangeResult<String> post(String uri, MultiValueMap<String, String> form) {
            form.set("_csrf", csrf);
            EntityExchangeResult<String> result = client.post().uri(uri).cookies(c -> c.addAll(cookies))
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(BodyInserters.fromFormData(form))
                    .exchange().expectBody(String.class).returnResult();
            remember(result);
            return result;
        }

        EntityExchangeResult<String> upload(String uri, String filename, String csv) {
            MultipartBodyBuilder body = new MultipartBodyBuilder();
            body.part("file", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)).filename(filename)
                    .contentType(MediaType.parseMediaType("text/csv"));
            // as a browser's plain form sends it: the token is a part of the multipart body
            body.part("_csrf", csrf);
            EntityExchangeResult<String> result = client.post().uri(uri).cookies(c -> c.addAll(cookies))
                    .contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(body.build()))
                    .exchange().expectBody(String.class).returnResult();
            remember(result);
            return result;
        }

        private void remember(EntityExchangeResult<String> result) {
            for (ResponseCookie cookie : result.getResponseCookies().toSingleValueMap().values()) {
                cookies.set(cookie.getName(), cookie.getValue());
            }
            if (result.getResponseBody() != null) {
                Matcher m = CSRF_FIELD.matcher(result.getResponseBody());
                if (m.find()) {
                    csrf = m.group(1) != null ? m.group(1) : m.group(2);
                }
            }
        }
    }

    private Session signIn(String email) {
        Session session = new Session();
        session.get("/login");
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", email);
        form.add("password", TestTenant.PASSWORD);
        EntityExchangeResult<String> result = session.post("/login", form);
        assertThat(result.getStatus().is3xxRedirection()).as("login answered %s, csrf %s", result.getStatus(), session.csrf).isTrue();
        assertThat(result.getResponseHeaders().getLocation().toString()).doesNotContain("error");
        return session;
    }

    private String createDeal(TestTenant owner, String account) {
        return owner.asAdmin(client).post().uri("/api/deals")
                .bodyValue(Map.of("account", account, "outcome", "lost", "closeDate", "2026-01-01",
                        "contacts", java.util.List.of(Map.of("name", "Ann", "email", "ann@acme.test"))))
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
    }

    @Test
    void anotherWorkspacesDealShowsTheNotFoundPage() {
        TestTenant other = TestTenant.create(workspaces);
        String theirs = createDeal(other, "Theirs");
        Session session = signIn(tenant.adminEmail());
        assertThat(session.get("/deals/" + theirs).getStatus().value()).isEqualTo(404);
        assertThat(session.get("/deals/" + theirs + "/edit").getStatus().value()).isEqualTo(404);
    }

    @Test
    void dealPageShowsItsFactsAndContactsAndTheAnswersPlaceholder() {
        String id = createDeal(tenant, "Acme Rockets");
        Session session = signIn(tenant.adminEmail());
        EntityExchangeResult<String> page = session.get("/deals/" + id);
        assertThat(page.getStatus().value()).isEqualTo(200);
        assertThat(page.getResponseBody()).contains("Acme Rockets", "ann@acme.test", "id=\"buyer-answers\"");
        EntityExchangeResult<String> list = session.get("/deals?outcome=lost&account=rockets");
        assertThat(list.getResponseBody()).contains("Acme Rockets", "New deal", "Import CSV");
    }

    @Test
    void creationFormCreatesADealOrShowsErrorsWithWhatWasTyped() {
        Session session = signIn(tenant.adminEmail());
        assertThat(session.get("/deals/new").getStatus().value()).isEqualTo(200);

        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("account", "Typed Account");
        form.add("outcome", "won");
        form.add("closeDate", "");
        form.add("contactName", "Bob");
        form.add("contactEmail", "bob-at-nowhere");
        EntityExchangeResult<String> refused = session.post("/deals/new", form);
        assertThat(refused.getStatus().value()).isEqualTo(200);
        assertThat(refused.getResponseBody()).contains("closeDate", "contacts[0].email", "value=\"Typed Account\"", "value=\"bob-at-nowhere\"");
        assertThat(deals.list(tenant.workspace().id(), DealFilter.ANY, 0, 1).block(Duration.ofSeconds(5)).total()).isZero();

        form.set("closeDate", "2026-02-03");
        form.set("contactEmail", "bob@nowhere.test");
        EntityExchangeResult<String> created = session.post("/deals/new", form);
        assertThat(created.getStatus().is3xxRedirection()).isTrue();
        String location = created.getResponseHeaders().getLocation().toString();
        assertThat(location).startsWith("/deals/");
        Deal deal = deals.find(tenant.workspace().id(), location.substring("/deals/".length())).block(Duration.ofSeconds(5));
        assertThat(deal.account()).isEqualTo("Typed Account");
        assertThat(deal.contacts()).containsExactly(new Contact("Bob", "bob@nowhere.test", null));
    }

    @Test
    void editFormUpdatesTheDeal() {
        String id = createDeal(tenant, "Before");
        Session session = signIn(tenant.adminEmail());
        assertThat(session.get("/deals/" + id + "/edit").getResponseBody()).contains("value=\"Before\"");
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("account", "After");
        form.add("outcome", "churned");
        form.add("closeDate", "2026-04-05");
        assertThat(session.post("/deals/" + id + "/edit", form).getStatus().is3xxRedirection()).isTrue();
        Deal deal = deals.find(tenant.workspace().id(), id).block(Duration.ofSeconds(5));
        assertThat(deal.account()).isEqualTo("After");
        assertThat(deal.outcome()).isEqualTo(Outcome.CHURNED);
        assertThat(deal.contacts()).isEmpty();
    }

    @Test
    void uploadPageImportsAndShowsTheReport() {
        Session session = signIn(tenant.adminEmail());
        session.get("/deals/import");
        EntityExchangeResult<String> report = session.upload("/deals/import", "deals.csv",
                "account,outcome,closeDate\nAcme,won,2026-01-01\n,lost,2026-01-02\n");
        assertThat(report.getStatus().value()).isEqualTo(200);
        assertThat(report.getResponseBody()).contains("Rejected lines", "account is required");
        assertThat(deals.list(tenant.workspace().id(), DealFilter.ANY, 0, 5).block(Duration.ofSeconds(5)).total()).isEqualTo(1);
    }

    @Test
    void interviewersDoNotSeeDealPages() {
        String interviewer = tenant.addUser(users, Role.INTERVIEWER);
        Session session = signIn(interviewer);
        assertThat(session.get("/deals").getStatus().value()).isEqualTo(403);
    }
}
