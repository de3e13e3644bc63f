package io.winloss.portal.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.DefaultUriBuilderFactory;
import org.springframework.web.util.HtmlUtils;

import io.winloss.portal.PageSession;
import io.winloss.portal.PortalTest;
import io.winloss.portal.TestTenant;
import io.winloss.portal.account.Role;
import io.winloss.portal.account.Users;
import io.winloss.portal.analysis.Analyses;
import io.winloss.portal.insight.ChangeLog;
import io.winloss.portal.insight.QuoteIndexer;
import io.winloss.portal.store.Store;
import io.winloss.portal.workspace.WorkspaceId;
import io.winloss.portal.workspace.Workspaces;

@PortalTest
class ActionPagesTests {

    @Autowired
    WebTestClient client;

    @Autowired
    Workspaces workspaces;

    @Autowired
    Users users;

    @Autowired
    Store store;

    @Autowired
    Analyses analyses;

    @Autowired
    ChangeLog changes;

    @Autowired
    QuoteIndexer indexer;

    @Value("${local.server.port}")
    int port;

    TestTenant tenant;
    WorkspaceId workspace;
    String analyst;
    WebTestClient asAnalyst;

    @BeforeEach
    void setUp() {
        TestTenant.owner(workspaces); // a fresh instance shows the setup page instead of the login page
        tenant = TestTenant.create(workspaces);
        workspace = tenant.workspace().id();
        analyst = tenant.addUser(users, Role.ANALYST);
        asAnalyst = TestTenant.as(client, analyst);
    }

    /**
     * Signs in with a client that sends paths as given, as a browser follows a link: the links under test carry
     * {@code %23} for the {@code #} of a sentence id, which the default client would encode a second time.
     */
    private PageSession signIn() {
        DefaultUriBuilderFactory asGiven = new DefaultUriBuilderFactory("http://localhost:" + port);
        asGiven.setEncodingMode(DefaultUriBuilderFactory.EncodingMode.NONE);
        return PageSession.signIn(client.mutate().uriBuilderFactory(asGiven).build(), analyst, TestTenant.PASSWORD);
    }

    private Map<String, Object> action(String title, String team, String startDate) {
        Map<String, Object> body = ActionFixture.action(analyst);
        body.put("title", title);
        body.put("team", team);
        body.put("startDate", startDate);
        return ActionFixture.create(asAnalyst, body);
    }

    private static MultiValueMap<String, String> form(String... pairs) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.add(pairs[i], pairs[i + 1]);
        }
        return form;
    }

    /** The first link on the page whose text is {@code text}, its HTML entities decoded. */
    private static String link(String html, String text) {
        Matcher m = Pattern.compile("<a[^>]*href=\"([^\"]+)\"[^>]*>" + Pattern.quote(text) + "</a>").matcher(html);
        assertThat(m.find()).as("a link '%s'", text).isTrue();
        return HtmlUtils.htmlUnescape(m.group(1));
    }

    @Test
    void trackerListsActionsByNextReviewWithFiltersAndTheMenuLinksToIt() {
        action("Later <b>sales</b> play", "sales", "2026-03-01");
        action("Sooner pricing page", "marketing", "2026-01-01");
        PageSession session = signIn();

        EntityExchangeResult<String> page = session.get("/actions");
        assertThat(page.getStatus().value()).isEqualTo(200);
        String html = page.getResponseBody();
        assertThat(html).contains("href=\"/actions\">Actions</a>", "Later &lt;b&gt;sales&lt;/b&gt; play", "2026-02-12")
                .doesNotContain("<b>sales</b>");
        assertThat(html.indexOf("Sooner pricing page")).as("sorted by next review").isLessThan(html.indexOf("Later &lt;b&gt;"));

        String sales = session.get("/actions?team=sales").getResponseBody();
        assertThat(sales).contains("Later &lt;b&gt;sales&lt;/b&gt; play").doesNotContain("Sooner pricing page");
        assertThat(session.get("/actions?status=done").getResponseBody()).doesNotContain("Sooner pricing page", "Later &lt;b&gt;");
    }

    @Test
    void trackerExportsCsvWithFormulaCellsDefused() throws Exception {
        Map<String, Object> formula = action("=HYPERLINK(\"http://evil.test\",\"click\")", "sales", "2026-03-01");
        Map<String, Object> plain = action("Sooner pricing page", "product", "2026-01-01");
        asAnalyst.patch().uri("/api/actions/{id}", plain.get("id")).bodyValue(Map.of("status", "in_progress")).exchange()
                .expectStatus().isOk();
        PageSession session = signIn();

        EntityExchangeResult<String> csv = session.get("/actions.csv");
        assertThat(csv.getStatus().value()).isEqualTo(200);
        assertThat(csv.getResponseHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(csv.getResponseHeaders().getContentDisposition().getFilename()).isEqualTo("actions.csv");
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new java.io.StringReader(csv.getResponseBody())).getRecords();
        assertThat(csv.getResponseBody().lines().findFirst().orElseThrow()).isEqualTo(
                "id,title,team,owner,status,metric,startDate,dueDate,nextReview,reviewsRecorded,themes,evidence,dealId,segment,hypothesis");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("id")).isEqualTo(plain.get("id"));
        assertThat(rows.get(0).get("status")).isEqualTo("in_progress");
        assertThat(rows.get(0).get("nextReview")).isEqualTo("2026-02-12");
        assertThat(rows.get(0).get("owner")).isEqualTo(analyst);
        assertThat(rows.get(1).get("id")).isEqualTo(formula.get("id"));
        assertThat(rows.get(1).get("title")).isEqualTo("'=HYPERLINK(\"http://evil.test\",\"click\")");
        assertThat(rows.get(1).get("team")).isEqualTo("sales");

        String filtered = session.get("/actions.csv?team=product").getResponseBody();
        assertThat(filtered).contains("Sooner pricing page").doesNotContain("HYPERLINK");
    }

    @Test
    void dealPageLinksToANewActionFilledInWithTheDealAndCreatingItShowsItsPage() {
        String dealId = ActionFixture.deal(asAnalyst, "lost", "2026-03-31", Map.of());
        String interview = ActionFixture.interview(store, analyses, workspace, dealId,
                "Your price per seat was double what we could justify <to finance>.");
        PageSession session = signIn();

        String dealPage = session.get("/deals/" + dealId).getResponseBody();
        String create = link(dealPage, "Create an action");
        assertThat(create).isEqualTo("/actions/new?dealId=" + dealId);

        String evidence = "interview:" + interview + "#1";
        String formPage = session.get(create + "&theme=criterion:price&evidence=" + evidence.replace("#", "%23")).getResponseBody();
        assertThat(formPage).contains("name=\"dealId\" value=\"" + dealId + "\"", "criterion:price",
                "Your price per seat was double what we could justify &lt;to finance&gt;.",
                "value=\"" + evidence + "\"", "<option value=\"" + analyst + "\" selected=\"selected\"");

        EntityExchangeResult<String> created = session.post("/actions/new", form("title", "Publish per-seat pricing",
                "team", "marketing", "ownerEmail", analyst, "metric", "winRate", "startDate", "2026-04-01",
                "dueDate", "2026-09-30", "themes", "criterion:price\ncompetitor:HubSpot", "evidence", evidence,
                "hypothesis", "Buyers who see the price early stop dropping out late.", "dealId", dealId));
        assertThat(created.getStatus().value()).isEqualTo(303);
        String location = created.getResponseHeaders().getLocation().toString();
        assertThat(location).matches("/actions/[0-9a-f]{24}");

        String page = session.get(location).getResponseBody();
        assertThat(page).contains("Publish per-seat pricing", "Marketing", "Buyers who see the price early",
                "Your price per seat was double what we could justify &lt;to finance&gt;.",
                "href=\"/interviews/" + interview + "#s-1\"", "href=\"/search?criterion=price\"",
                "href=\"/search?competitor=HubSpot\"", "href=\"/themes?competitor=HubSpot\"",
                "href=\"/deals/" + dealId + "\"", "Six-week review", "2026-05-13", "Three-month review", "2026-07-01",
                "Six-month review", "2026-10-01", "Before: ", "2025-10-03 to 2026-03-31", "Since: ",
                "1 (0 won)", "Too early to tell since the start: No won or lost deals closed between 2026-04-01 and ");
    }

    @Test
    void aRefusedFormSaysWhyAndKeepsWhatWasTyped() {
        PageSession session = signIn();
        session.get("/actions/new");
        EntityExchangeResult<String> refused = session.post("/actions/new", form("title", "Call every lost buyer",
                "team", "", "ownerEmail", analyst, "metric", "winRate", "startDate", "2026-04-01", "dueDate", "2026-03-01",
                "themes", "mood:grumpy"));
        assertThat(refused.getStatus().value()).isEqualTo(200);
        assertThat(refused.getResponseBody()).contains("Please correct the following", "team", "dueDate",
                "themes[0]", "value=\"Call every lost buyer\"", "mood:grumpy");
        asAnalyst.get().uri("/api/actions").exchange().expectBody().jsonPath("$.total").isEqualTo(0);
    }

    @Test
    void recordingAReviewOnThePageShowsItAndChangesAreSaved() {
        Map<String, Object> action = action("Review me", "sales", "2026-01-01");
        PageSession session = signIn();
        String path = "/actions/" + action.get("id");
        String page = session.get(path).getResponseBody();
        assertThat(page).contains("id=\"review-1\"", "Record the six-week review", "Too early to tell since the start");

        EntityExchangeResult<String> recorded = session.post(path + "/reviews/1",
                form("status", "off_track", "notes", "Nothing moved <yet>."));
        assertThat(recorded.getStatus().value()).isEqualTo(303);
        assertThat(recorded.getResponseHeaders().getLocation().toString()).isEqualTo(path + "#review-1");
        String after = session.get(path).getResponseBody();
        assertThat(after).contains("Off track", "Nothing moved &lt;yet&gt;.", "Recorded by " + analyst, "Then: ");

        EntityExchangeResult<String> badReview = session.post(path + "/reviews/2", form("status", "great"));
        assertThat(badReview.getStatus().value()).isEqualTo(200);
        assertThat(badReview.getResponseBody()).contains("Please correct the following", "on_track, off_track, too_early");

        EntityExchangeResult<String> changed = session.post(path + "/change",
                form("status", "in_progress", "ownerEmail", tenant.adminEmail(), "dueDate", "2026-12-31"));
        assertThat(changed.getStatus().value()).isEqualTo(303);
        asAnalyst.get().uri("/api/actions/{id}", action.get("id")).exchange().expectBody()
                .jsonPath("$.status").isEqualTo("in_progress")
                .jsonPath("$.ownerEmail").isEqualTo(tenant.adminEmail())
                .jsonPath("$.dueDate").isEqualTo("2026-12-31")
                .jsonPath("$.reviews[0].notes").isEqualTo("Nothing moved <yet>.");
    }

    @Test
    void themesAndSearchPagesLinkToANewActionWithTheThemeOrTheQuote() {
        String first = ActionFixture.deal(asAnalyst, "lost", "2026-03-31", Map.of());
        String second = ActionFixture.deal(asAnalyst, "lost", "2026-04-30", Map.of());
        String interview = ActionFixture.interview(store, analyses, workspace, first, "The price was far too high.");
        ActionFixture.interview(store, analyses, workspace, second, "The price per seat hurt.");
        awaitIndexed(second);
        PageSession session = signIn();

        String themes = session.get("/themes").getResponseBody();
        String fromTheme = link(themes, "Create an action");
        assertThat(fromTheme).startsWith("/actions/new?theme=criterion");
        assertThat(session.get(fromTheme).getResponseBody()).contains(">criterion:price</textarea>");

        String search = session.get("/search?q=%22far+too+high%22").getResponseBody();
        String fromQuote = link(search, "Create an action");
        assertThat(session.get(fromQuote).getResponseBody()).contains("value=\"interview:" + interview + "#1\"",
                "<q>The price was far too high.</q>");
    }

    @Test
    void interviewersAreForbiddenAndAnotherWorkspacesActionIsNotFound() {
        Map<String, Object> action = action("Mine", "sales", "2026-01-01");
        String interviewer = tenant.addUser(users, Role.INTERVIEWER);
        PageSession asInterviewer = PageSession.signIn(client, interviewer, TestTenant.PASSWORD);
        assertThat(asInterviewer.get("/actions").getStatus().value()).isEqualTo(403);
        assertThat(asInterviewer.get("/actions.csv").getStatus().value()).isEqualTo(403);
        assertThat(asInterviewer.get("/actions/new").getStatus().value()).isEqualTo(403);
        assertThat(asInterviewer.get("/actions/" + action.get("id")).getStatus().value()).isEqualTo(403);
        assertThat(asInterviewer.get("/").getResponseBody()).doesNotContain("href=\"/actions\"");

        TestTenant other = TestTenant.create(workspaces);
        PageSession stranger = PageSession.signIn(client, other.adminEmail(), TestTenant.PASSWORD);
        assertThat(stranger.get("/actions/" + action.get("id")).getStatus().value()).isEqualTo(404);
        assertThat(stranger.get("/actions").getResponseBody()).doesNotContain("Mine");
        assertThat(stranger.get("/actions.csv").getResponseBody()).doesNotContain("Mine");
    }

    /** Waits until the quote index has committed every change recorded so far. */
    private void awaitIndexed(String dealId) {
        long mark = changes.record(workspace, "deal:" + dealId).block(Duration.ofSeconds(10));
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (indexer.position() < mark) {
            assertThat(System.nanoTime()).as("the index reached change %d", mark).isLessThan(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void aPostMortemRootCauseStartsAnActionThatThePostMortemThenLists() {
        String dealId = ActionFixture.deal(asAnalyst, "lost", "2026-03-31", Map.of());
        asAnalyst.put().uri("/api/deals/{id}/post-mortem", dealId)
                .bodyValue(Map.of("problem", "Lost on price", "whys", List.of("The price came late"),
                        "rootCauses", List.of(Map.of("cause", "Pricing is only shown <after> the demo", "category", "process"))))
                .exchange().expectStatus().isOk();
        PageSession session = signIn();

        String postMortem = session.get("/deals/" + dealId + "/post-mortem").getResponseBody();
        assertThat(postMortem).contains("None yet. Create one from a root cause above.");
        String create = link(postMortem, "Create an action from this root cause");
        String form = session.get(create).getResponseBody();
        assertThat(form).contains(">Pricing is only shown &lt;after&gt; the demo</textarea>",
                "href=\"/deals/" + dealId + "/post-mortem\"");

        EntityExchangeResult<String> created = session.post("/actions/new", form("title", "Show pricing before the demo",
                "team", "sales", "ownerEmail", analyst, "metric", "cycleDays", "startDate", "2026-04-01",
                "dueDate", "2026-09-30", "hypothesis", "Pricing is only shown after the demo", "dealId", dealId));
        assertThat(created.getStatus().value()).isEqualTo(303);
        String action = created.getResponseHeaders().getLocation().toString();

        assertThat(session.get("/deals/" + dealId + "/post-mortem").getResponseBody())
                .contains("<a href=\"" + action + "\">Show pricing before the demo</a>", "Open")
                .doesNotContain("None yet. Create one from a root cause above.");
    }
}
