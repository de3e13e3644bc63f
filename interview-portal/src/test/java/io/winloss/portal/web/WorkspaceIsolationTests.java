package io.winloss.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

import io.winloss.portal.PageSession;
import io.winloss.portal.PortalTest;
import io.winloss.portal.TestTenant;
import io.winloss.portal.account.ApiKeys;
import io.winloss.portal.account.Role;
import io.winloss.portal.account.Users;
import io.winloss.portal.analysis.Analyses;
import io.winloss.portal.analysis.AnalysisFixture;
import io.winloss.portal.invitation.SurveyFixture;
import io.winloss.portal.workspace.Workspaces;

/**
 * Workspace isolation across every route that takes an id: workspace A makes one of everything through the API
 * (deal, invitation, buyer response, interview upload, program, action, touchpoint, post-mortem with a rating,
 * shared report, interviewer assignment, API key, user), then an ADMIN of workspace B calls each {@code /api/**}
 * and staff page route with A's ids, and every call must answer 404 (pages: the "Not found" page). Afterwards A
 * still reads its resources unchanged. A guard test lists the running portal's handler mappings and fails when a
 * route with a path variable is neither in {@link #ROUTES} nor in {@link #OUT_OF_SCOPE}, so a new route cannot
 * skip this check.
 */
@PortalTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkspaceIsolationTests {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String FILE = "<multipart file>";

    /**
     * Routes whose path variable is not an id of a workspace's resource, so workspace isolation does not apply:
     * the buyer's survey ({@code /s/{token}}) and the public report ({@code /r/{token}}) are reached by an
     * unguessable secret link and are meant to be opened without an account; the CRM webhook names the workspace
     * itself and is authenticated by that workspace's signing secret (see CrmWebhookTests).
     */
    static final Set<String> OUT_OF_SCOPE = Set.of(
            "GET /s/{token}", "POST /s/{token}", "POST /s/{token}/draft", "GET /s/{token}/thanks", "GET /s/{token}/opt-out",
            "GET /r/{token}",
            "POST /api/webhooks/crm/{workspaceId}");

    /** One call: the mapping it checks ("METHOD pattern"), the concrete URI with A's ids, and a body if any. */
    record Route(String method, String pattern, String uri, Object body) {

        boolean page() {
            return !pattern.startsWith("/api/");
        }

        String mapping() {
            return method + " " + pattern;
        }

        @Override
        public String toString() {
            return method + " " + uri;
        }
    }

    @Autowired
    WebTestClient client;
    @Autowired
    Workspaces workspaces;
    @Autowired
    Users users;
    @Autowired
    ApiKeys apiKeys;
    @Autowired
    Analyses analyses;
    @Autowired
    ApplicationContext context;

    TestTenant a;
    TestTenant b;
    String deal;
    String bDeal;
    String invitation;
    String response;
    String interview;
    String program;
    String action;
    String touchpoint;
    String report;
    String interviewer;
    String analystId;
    String apiKey;
    List<Route> routes;

    @BeforeAll
    void workspaceAMakesOneOfEverything() throws InterruptedException {
        TestTenant.owner(workspaces); // a fresh instance shows the setup page instead of the login page
        a = TestTenant.create(workspaces);
        b = TestTenant.create(workspaces);
        WebTestClient asA = a.asAdmin(client);
        interviewer = a.addUser(users, Role.INTERVIEWER);
        String analyst = a.addUser(users, Role.ANALYST);
        analystId = users.findByEmail(a.workspace().id(), analyst).block(WAIT).id();

        deal = id(asA.post().uri("/api/deals").bodyValue(Map.of("account", "Acme of A", "outcome", "lost",
                "closeDate", "2026-03-31", "amount", 25000)).exchange().expectStatus().isCreated());
        bDeal = id(b.asAdmin(client).post().uri("/api/deals").bodyValue(Map.of("account", "Globex of B", "outcome", "lost",
                "closeDate", "2026-03-31", "amount", 1000)).exchange().expectStatus().isCreated());

        Map<String, Object> invited = SurveyFixture.invite(client, a, deal, "buyer@acme.example", null);
        invitation = (String) invited.get("id");
        String token = SurveyFixture.token(invited);
        SurveyFixture.survey(client, token).post(client, "/s/" + token, SurveyFixture.requiredAnswers("anonymous"))
                .expectStatus().is3xxRedirection();
        response = firstItemId(asA, "/api/deals/" + deal + "/responses");

        MultipartBodyBuilder upload = new MultipartBodyBuilder();
        upload.part("file", new ByteArrayResource("Interviewer: Why did you choose them?\nBuyer: The price.\n".getBytes()) {
            @Override
            public String getFilename() {
                return "call.txt";
            }
        }).contentType(MediaType.TEXT_PLAIN);
        upload.part("dealId", deal);
        upload.part("interviewer", "Priya Raman");
        upload.part("interviewDate", "2026-04-02");
        interview = id(asA.post().uri("/api/interviews").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(upload.build())).exchange().expectStatus().isAccepted());
        analysisJobEnds(asA, interview);
        // an analysis of its own (replacing the job's), so that sentence 1 exists for A and B's 404 on the sentence routes is isolation
        AnalysisFixture.save(analyses, a.workspace().id(), "interview:" + interview, List.of(
                AnalysisFixture.interviewer(0, "Why did you choose them?"),
                AnalysisFixture.buyer(1, "Buyer", "The price.", List.of(), List.of("price"), "negative", -1)));

        program = id(asA.post().uri("/api/programs").bodyValue(programBody()).exchange().expectStatus().isCreated());
        action = id(asA.post().uri("/api/actions").bodyValue(actionBody()).exchange().expectStatus().isCreated());

        asA.post().uri("/api/deals/" + deal + "/touchpoints").bodyValue(List.of(touchpointBody()))
                .exchange().expectStatus().isCreated();
        touchpoint = firstItemId(asA, "/api/deals/" + deal + "/touchpoints");
        asA.put().uri("/api/deals/" + deal + "/post-mortem").bodyValue(Map.of("problem", "Lost on price"))
                .exchange().expectStatus().is2xxSuccessful();
        asA.post().uri("/api/deals/" + deal + "/post-mortem/ratings").bodyValue(Map.of("score", 4))
                .exchange().expectStatus().isCreated();
        report = id(asA.post().uri("/api/reports").bodyValue(Map.of("title", "Why A loses"))
                .exchange().expectStatus().isCreated());
        asA.post().uri("/api/deals/" + deal + "/assignments").bodyValue(Map.of("interviewerEmail", interviewer))
                .exchange().expectStatus().is2xxSuccessful();

        PageSession aSession = PageSession.signIn(client, a.adminEmail(), a.password());
        aSession.get("/admin/api-keys");
        assertThat(aSession.post("/admin/api-keys", form(Map.of("name", "A's CRM sync"))).getStatus().is2xxSuccessful()).isTrue();
        apiKey = apiKeys.list(a.workspace().id()).blockFirst(WAIT).id();

        routes = routes();
    }

    private List<Route> routes() {
        String d = deal;
        List<Route> r = new ArrayList<>();
        // --- /api/** (B's admin with Basic auth)
        r.add(new Route("GET", "/api/deals/{id}", "/api/deals/" + d, null));
        r.add(new Route("DELETE", "/api/deals/{id}", "/api/deals/" + d, null));
        r.add(new Route("GET", "/api/deals/{dealId}/assignments", "/api/deals/" + d + "/assignments", null));
        r.add(new Route("POST", "/api/deals/{dealId}/assignments", "/api/deals/" + d + "/assignments",
                Map.of("interviewerEmail", b.adminEmail())));
        r.add(new Route("DELETE", "/api/deals/{dealId}/assignments/{interviewerEmail}",
                "/api/deals/" + d + "/assignments/" + interviewer, null));
        r.add(new Route("POST", "/api/deals/{dealId}/invitations", "/api/deals/" + d + "/invitations",
                Map.of("email", "someone@b.example")));
        r.add(new Route("GET", "/api/deals/{dealId}/invitations", "/api/deals/" + d + "/invitations", null));
        r.add(new Route("GET", "/api/deals/{dealId}/responses", "/api/deals/" + d + "/responses", null));
        r.add(new Route("DELETE", "/api/responses/{id}", "/api/responses/" + response, null));
        r.add(new Route("GET", "/api/deals/{dealId}/interviews", "/api/deals/" + d + "/interviews", null));
        r.add(new Route("GET", "/api/interviews/{id}", "/api/interviews/" + interview, null));
        r.add(new Route("PATCH", "/api/interviews/{id}/sentences/{index}", "/api/interviews/" + interview + "/sentences/1",
                Map.of("sentiment", "positive")));
        r.add(new Route("DELETE", "/api/interviews/{id}", "/api/interviews/" + interview, null));
        r.add(new Route("POST", "/api/interviews/{id}/reanalyze", "/api/interviews/" + interview + "/reanalyze", null));
        r.add(new Route("GET", "/api/deals/{id}/post-mortem", "/api/deals/" + d + "/post-mortem", null));
        r.add(new Route("PUT", "/api/deals/{id}/post-mortem", "/api/deals/" + d + "/post-mortem", Map.of("problem", "Overwritten by B")));
        r.add(new Route("GET", "/api/deals/{id}/post-mortem/ratings", "/api/deals/" + d + "/post-mortem/ratings", null));
        r.add(new Route("POST", "/api/deals/{id}/post-mortem/ratings", "/api/deals/" + d + "/post-mortem/ratings", Map.of("score", 1)));
        r.add(new Route("GET", "/api/deals/{id}/touchpoints", "/api/deals/" + d + "/touchpoints", null));
        r.add(new Route("POST", "/api/deals/{id}/touchpoints", "/api/deals/" + d + "/touchpoints", List.of(touchpointBody())));
        r.add(new Route("DELETE", "/api/deals/{id}/touchpoints/{touchpointId}", "/api/deals/" + d + "/touchpoints/" + touchpoint, null));
        // B's own deal with A's touchpoint: the touchpoint must be looked up in B's workspace too
        r.add(new Route("DELETE", "/api/deals/{id}/touchpoints/{touchpointId}", "/api/deals/" + bDeal + "/touchpoints/" + touchpoint, null));
        r.add(new Route("GET", "/api/programs/{id}", "/api/programs/" + program, null));
        r.add(new Route("PUT", "/api/programs/{id}", "/api/programs/" + program, programBody()));
        r.add(new Route("POST", "/api/programs/{id}/pause", "/api/programs/" + program + "/pause", null));
        r.add(new Route("POST", "/api/programs/{id}/resume", "/api/programs/" + program + "/resume", null));
        r.add(new Route("GET", "/api/programs/{id}/health", "/api/programs/" + program + "/health", null));
        r.add(new Route("GET", "/api/programs/{id}/plans", "/api/programs/" + program + "/plans", null));
        r.add(new Route("GET", "/api/actions/{id}", "/api/actions/" + action, null));
        r.add(new Route("PATCH", "/api/actions/{id}", "/api/actions/" + action, Map.of("dueDate", "2027-12-31")));
        r.add(new Route("POST", "/api/actions/{id}/reviews/{n}", "/api/actions/" + action + "/reviews/1",
                Map.of("status", "off_track", "notes", "B was here")));
        r.add(new Route("DELETE", "/api/reports/{id}", "/api/reports/" + report, null));
        // --- staff pages (B's admin signed in through the login form)
        r.add(new Route("GET", "/deals/{id}", "/deals/" + d, null));
        r.add(new Route("GET", "/deals/{id}/edit", "/deals/" + d + "/edit", null));
        r.add(new Route("POST", "/deals/{id}/edit", "/deals/" + d + "/edit",
                Map.of("account", "Renamed by B", "outcome", "won", "closeDate", "2026-03-31")));
        r.add(new Route("POST", "/deals/{id}/interviewers", "/deals/" + d + "/interviewers", Map.of("interviewerEmail", b.adminEmail())));
        r.add(new Route("POST", "/deals/{id}/interviewers/remove", "/deals/" + d + "/interviewers/remove",
                Map.of("interviewerEmail", interviewer)));
        r.add(new Route("POST", "/deals/{id}/delete", "/deals/" + d + "/delete", Map.of()));
        r.add(new Route("GET", "/deals/{id}/post-mortem", "/deals/" + d + "/post-mortem", null));
        r.add(new Route("POST", "/deals/{id}/post-mortem", "/deals/" + d + "/post-mortem", Map.of("problem", "Overwritten by B")));
        r.add(new Route("POST", "/deals/{id}/post-mortem/ratings", "/deals/" + d + "/post-mortem/ratings", Map.of("score", "1")));
        r.add(new Route("POST", "/deals/{id}/touchpoints", "/deals/" + d + "/touchpoints", touchpointBody()));
        r.add(new Route("POST", "/deals/{id}/touchpoints/import", "/deals/" + d + "/touchpoints/import", FILE));
        r.add(new Route("GET", "/deals/{dealId}/answers", "/deals/" + d + "/answers", null));
        r.add(new Route("POST", "/deals/{dealId}/invitations", "/deals/" + d + "/invitations", Map.of("email", "someone@b.example")));
        r.add(new Route("POST", "/deals/{dealId}/responses/{id}/delete", "/deals/" + d + "/responses/" + response + "/delete", Map.of()));
        // B's own deal with A's response
        r.add(new Route("POST", "/deals/{dealId}/responses/{id}/delete", "/deals/" + bDeal + "/responses/" + response + "/delete", Map.of()));
        r.add(new Route("GET", "/assigned/{dealId}", "/assigned/" + d, null));
        r.add(new Route("GET", "/interviews/{id}", "/interviews/" + interview, null));
        r.add(new Route("GET", "/interviews/{id}/progress", "/interviews/" + interview + "/progress", null));
        r.add(new Route("POST", "/interviews/{id}/candidates", "/interviews/" + interview + "/candidates", Map.of("name", "Initech")));
        r.add(new Route("POST", "/interviews/{id}/delete", "/interviews/" + interview + "/delete", Map.of()));
        r.add(new Route("POST", "/interviews/{id}/reanalyze", "/interviews/" + interview + "/reanalyze", Map.of()));
        r.add(new Route("GET", "/interviews/{id}/sentences/{index}", "/interviews/" + interview + "/sentences/1", null));
        r.add(new Route("POST", "/interviews/{id}/sentences/{index}", "/interviews/" + interview + "/sentences/1",
                Map.of("sentiment", "positive")));
        r.add(new Route("GET", "/programs/{id}", "/programs/" + program, null));
        r.add(new Route("POST", "/programs/{id}", "/programs/" + program, Map.of("name", "Renamed by B", "outcomes", "lost",
                "inviteAfterDays", "3")));
        r.add(new Route("POST", "/programs/{id}/pause", "/programs/" + program + "/pause", Map.of()));
        r.add(new Route("POST", "/programs/{id}/resume", "/programs/" + program + "/resume", Map.of()));
        r.add(new Route("GET", "/actions/{id}", "/actions/" + action, null));
        r.add(new Route("POST", "/actions/{id}/reviews/{n}", "/actions/" + action + "/reviews/1", Map.of("status", "off_track")));
        r.add(new Route("POST", "/actions/{id}/change", "/actions/" + action + "/change", Map.of("dueDate", "2027-12-31")));
        r.add(new Route("POST", "/reports/{id}/revoke", "/reports/" + report + "/revoke", Map.of()));
        r.add(new Route("POST", "/admin/users/{id}/role", "/admin/users/" + analystId + "/role", Map.of("role", "ADMIN")));
        r.add(new Route("POST", "/admin/users/{id}/remove", "/admin/users/" + analystId + "/remove", Map.of()));
        r.add(new Route("POST", "/admin/users/{id}/unlock", "/admin/users/" + analystId + "/unlock", Map.of()));
        r.add(new Route("POST", "/admin/api-keys/{id}/revoke", "/admin/api-keys/" + apiKey + "/revoke", Map.of()));
        return r;
    }

    @Test
    void anAdminOfAnotherWorkspaceGetsNotFoundOnEveryRouteAndChangesNothing() {
        Map<String, String> before = snapshotOfA();
        String analystRole = users.find(a.workspace().id(), analystId).block(WAIT).role().name();

        WebTestClient asB = b.asAdmin(client);
        PageSession bSession = PageSession.signIn(client, b.adminEmail(), b.password());
        SoftAssertions softly = new SoftAssertions();
        for (Route route : routes) {
            if (route.page()) {
                bSession.get("/deals"); // a page of B's own, for a fresh CSRF token
                EntityExchangeResult<String> result = call(bSession, route);
                softly.assertThat(result.getStatus().value()).as("%s (page) status; body %s", route, abbreviate(result.getResponseBody()))
                        .isEqualTo(404);
                softly.assertThat(result.getResponseBody()).as("%s shows the not-found page", route).contains("Not found");
            } else {
                EntityExchangeResult<String> result = call(asB, route);
                softly.assertThat(result.getStatus().value()).as("%s status; body %s", route, abbreviate(result.getResponseBody()))
                        .isEqualTo(404);
            }
        }

        softly.assertThat(snapshotOfA()).as("A's resources read by A after B's calls").isEqualTo(before);
        a.asAdmin(client).get().uri("/api/interviews/" + interview).exchange().expectStatus().isOk();
        softly.assertThat(users.find(a.workspace().id(), analystId).block(WAIT).role().name()).as("A's analyst keeps the role")
                .isEqualTo(analystRole);
        softly.assertThat(apiKeys.list(a.workspace().id()).map(k -> k.id()).collectList().block(WAIT))
                .as("A's API key is not revoked").contains(apiKey);
        softly.assertAll();
    }

    /**
     * The control: A reaches each GET row's URI (200), so B's 404s come from isolation and not from a wrong URI.
     * The progress stream is left out (it stays open while an analysis runs); {@code /assigned/{dealId}} is the
     * assigned interviewer's page.
     */
    @Test
    void workspaceAReachesEveryGetRowItself() {
        PageSession aSession = PageSession.signIn(client, a.adminEmail(), a.password());
        PageSession interviewerSession = PageSession.signIn(client, interviewer, TestTenant.PASSWORD);
        SoftAssertions softly = new SoftAssertions();
        for (Route route : routes) {
            if (!"GET".equals(route.method()) || route.uri().endsWith("/progress")) {
                continue;
            }
            int status = route.page()
                    ? (route.pattern().startsWith("/assigned/") ? interviewerSession : aSession).get(route.uri()).getStatus().value()
                    : call(a.asAdmin(client), route).getStatus().value();
            softly.assertThat(status).as("%s as workspace A", route).isEqualTo(200);
        }
        softly.assertAll();
    }

    @Test
    void everyMappingWithAPathVariableIsCheckedOrExplainedOutOfScope() {
        Set<String> mapped = new TreeSet<>();
        for (RequestMappingHandlerMapping mapping : context.getBeansOfType(RequestMappingHandlerMapping.class).values()) {
            for (Map.Entry<RequestMappingInfo, org.springframework.web.method.HandlerMethod> e : mapping.getHandlerMethods().entrySet()) {
                if (!e.getValue().getBeanType().getPackageName().startsWith("io.winloss.portal")) {
                    continue;
                }
                Set<RequestMethod> methods = e.getKey().getMethodsCondition().getMethods();
                for (PathPattern pattern : e.getKey().getPatternsCondition().getPatterns()) {
                    if (!pattern.getPatternString().contains("{")) {
                        continue;
                    }
                    if (methods.isEmpty()) {
                        mapped.add("ANY " + pattern.getPatternString());
                    }
                    methods.forEach(m -> mapped.add(m.name() + " " + pattern.getPatternString()));
                }
            }
        }
        for (RouterFunction<?> routes : context.getBeansOfType(RouterFunction.class).values()) {
            routes.accept(new PortalRoutesWithPathVariables(mapped));
        }
        assertThat(mapped).as("the portal's mappings with a path variable were found").contains("GET /api/deals/{id}", "GET /s/{token}");
        Set<String> checked = routes.stream().map(Route::mapping).collect(Collectors.toCollection(TreeSet::new));
        Set<String> unchecked = new TreeSet<>(mapped);
        unchecked.removeAll(checked);
        unchecked.removeAll(OUT_OF_SCOPE);
        assertThat(unchecked).as("routes with a path variable missing from WorkspaceIsolationTests' table").isEmpty();
        Set<String> stale = new TreeSet<>(checked);
        stale.removeAll(mapped);
        assertThat(stale).as("table rows that match no mapping (renamed routes?)").isEmpty();
    }

    /** Adds "METHOD pattern" for each of the portal's functional routes whose path has a variable. */
    private record PortalRoutesWithPathVariables(Set<String> mapped) implements RouterFunctions.Visitor {

        @Override
        public void route(RequestPredicate predicate, HandlerFunction<?> handler) {
            if (!handler.getClass().getPackageName().startsWith("io.winloss.portal")) {
                return;
            }
            Set<String> methods = new TreeSet<>();
            List<String> paths = new ArrayList<>();
            predicate.accept(new RequestPredicates.Visitor() {
                @Override public void method(Set<HttpMethod> m) { m.forEach(method -> methods.add(method.name())); }
                @Override public void path(String pattern) { paths.add(pattern); }
                @Override public void pathExtension(String extension) { }
                @Override public void header(String name, String value) { }
                @Override public void queryParam(String name, String value) { }
                @Override public void version(String version) { }
                @Override public void startAnd() { }
                @Override public void and() { }
                @Override public void endAnd() { }
                @Override public void startOr() { }
                @Override public void or() { }
                @Override public void endOr() { }
                @Override public void startNegate() { }
                @Override public void endNegate() { }
                @Override public void unknown(RequestPredicate p) { }
            });
            paths.stream().filter(path -> path.contains("{"))
                    .forEach(path -> methods.forEach(method -> mapped.add(method + " " + path)));
        }

        @Override public void startNested(RequestPredicate predicate) { }
        @Override public void endNested(RequestPredicate predicate) { }
        @Override public void resources(java.util.function.Function<ServerRequest, reactor.core.publisher.Mono<org.springframework.core.io.Resource>> lookup) { }
        @Override public void attributes(Map<String, Object> attributes) { }
        @Override public void unknown(RouterFunction<?> routerFunction) { }
    }

    private Map<String, String> snapshotOfA() {
        Map<String, String> snapshot = new LinkedHashMap<>();
        for (String uri : List.of("/api/deals/" + deal, "/api/deals/" + deal + "/invitations", "/api/deals/" + deal + "/responses",
                "/api/deals/" + deal + "/touchpoints", "/api/deals/" + deal + "/post-mortem",
                "/api/deals/" + deal + "/post-mortem/ratings", "/api/deals/" + deal + "/assignments",
                "/api/programs/" + program, "/api/actions/" + action, "/api/reports")) {
            snapshot.put(uri, a.asAdmin(client).get().uri(uri).exchange().expectStatus().isOk()
                    .expectBody(String.class).returnResult().getResponseBody());
        }
        return snapshot;
    }

    private static EntityExchangeResult<String> call(WebTestClient as, Route route) {
        WebTestClient.RequestBodySpec request = as.method(HttpMethod.valueOf(route.method())).uri(route.uri());
        WebTestClient.RequestHeadersSpec<?> ready = route.body() == null ? request
                : request.contentType(MediaType.APPLICATION_JSON).bodyValue(route.body());
        return ready.exchange().expectBody(String.class).returnResult();
    }

    @SuppressWarnings("unchecked")
    private static EntityExchangeResult<String> call(PageSession session, Route route) {
        if ("GET".equals(route.method())) {
            return session.get(route.uri());
        }
        if (FILE.equals(route.body())) {
            return session.upload(route.uri(), "file", "touchpoints.csv", MediaType.TEXT_PLAIN,
                    "date,type,summary,owner\n2026-02-01,call,Pricing call,ann@vendor.example\n".getBytes());
        }
        return session.post(route.uri(), form((Map<String, String>) route.body()));
    }

    private static MultiValueMap<String, String> form(Map<String, String> fields) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        fields.forEach(form::add);
        return form;
    }

    private static Map<String, Object> programBody() {
        return Map.of("name", "Every lost deal", "outcomes", List.of("lost"), "inviteAfterDays", 7.0,
                "reminderAfterDays", List.of(3.0));
    }

    private Map<String, Object> actionBody() {
        return Map.of("title", "Publish per-seat pricing", "team", "marketing", "ownerEmail", a.adminEmail(),
                "dueDate", "2027-06-30", "metric", "winRate");
    }

    private static Map<String, String> touchpointBody() {
        return Map.of("date", "2026-02-01", "type", "call", "summary", "Pricing call", "owner", "ann@vendor.example");
    }

    private static String id(WebTestClient.ResponseSpec created) {
        return created.expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
    }

    @SuppressWarnings("unchecked")
    private static String firstItemId(WebTestClient as, String uri) {
        List<Map<String, Object>> items = (List<Map<String, Object>>) as.get().uri(uri).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("items");
        assertThat(items).as("items of %s", uri).isNotEmpty();
        return items.get(0).get("id").toString();
    }

    /**
     * Waits (at most 180 s: the first job loads CoreNLP, slow on a busy machine) until the upload's analysis job has
     * finished, so that it cannot overwrite what we save.
     */
    @SuppressWarnings("unchecked")
    private static void analysisJobEnds(WebTestClient as, String interviewId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        String status;
        do {
            status = String.valueOf(as.get().uri("/api/interviews/" + interviewId).exchange().expectStatus().isOk()
                    .expectBody(Map.class).returnResult().getResponseBody().get("status"));
            if (!"queued".equals(status) && !"analyzing".equals(status)) {
                return;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("the analysis of interview " + interviewId + " is still " + status + " after 180 s");
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }
}
