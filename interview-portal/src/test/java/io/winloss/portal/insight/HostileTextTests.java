package io.winloss.portal.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.winloss.portal.PageSession;
import io.winloss.portal.PortalTest;
import io.winloss.portal.TestTenant;
import io.winloss.portal.account.Role;
import io.winloss.portal.account.Users;
import io.winloss.portal.analysis.AnalysedSentence;
import io.winloss.portal.analysis.Analyses;
import io.winloss.portal.analysis.AnalysisFixture;
import io.winloss.portal.store.Store;
import io.winloss.portal.workspace.WorkspaceId;
import io.winloss.portal.workspace.Workspaces;

/**
 * What buyers and interviewers wrote, with markup and spreadsheet formulas in it, read back everywhere it is shown:
 * every page shows it as text (never as markup, including the search highlight), and every CSV export defuses the
 * cells a spreadsheet would run as a formula. One table of pages and one of exports, so a new one is a new row.
 */
@PortalTest
class HostileTextTests {

    /** What people wrote: markup that would run, and formulas that would (=, +, -, @ at the start of a cell). */
    static final List<String> HOSTILE = List.of(
            "<script>alert(1)</script> the price hurt.",
            "\"><img src=x onerror=alert(2)> the price hurt.",
            "=HYPERLINK(\"http://evil.test\",\"price\")",
            "+cmd|' /C calc'!A0 price",
            "-2+3 price",
            "@SUM(1+1) price");

    @Autowired
    WebTestClient client;

    @Autowired
    Workspaces workspaces;

    @Autowired
    Users users;

    @Autowired
    Analyses analyses;

    @Autowired
    Store store;

    @Autowired
    ChangeLog changes;

    @Autowired
    QuoteIndexer indexer;

    TestTenant tenant;
    WorkspaceId workspace;
    WebTestClient asAnalyst;
    String analyst;
    String dealId;
    String interviewId;

    @BeforeEach
    void lostDealsWhoseBuyersWroteMarkupAndFormulas() {
        TestTenant.owner(workspaces);
        tenant = TestTenant.create(workspaces);
        workspace = tenant.workspace().id();
        analyst = tenant.addUser(users, Role.ANALYST);
        asAnalyst = TestTenant.as(client, analyst);
        List<String> deals = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String deal = asAnalyst.post().uri("/api/deals").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("account", "Account " + i, "outcome", "lost", "closeDate", "2026-03-31", "segment", "smb"))
                    .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
            deals.add(deal);
            List<AnalysedSentence> sentences = new ArrayList<>();
            sentences.add(AnalysisFixture.interviewer(0, "<b>What</b> decided it? =1+1"));
            for (String text : HOSTILE) {
                sentences.add(AnalysisFixture.buyer(sentences.size(), "Eve <i>Buyer</i>", text, List.of(), List.of("price"),
                        "negative", -1.0));
            }
            String interview = IndexedQuotes.interview(store, analyses, workspace, deal, sentences);
            IndexedQuotes.response(store, analyses, workspace, deal, List.of(AnalysisFixture.buyer(0, "primaryReason",
                    HOSTILE.get(i % HOSTILE.size()), List.of(), List.of("price"), "negative", -1.0)));
            if (i == 0) {
                dealId = deal;
                interviewId = interview;
            }
        }
        for (String title : HOSTILE) {
            Map<String, Object> action = new LinkedHashMap<>();
            action.put("title", title);
            action.put("team", "marketing");
            action.put("ownerEmail", analyst);
            action.put("dueDate", "2027-06-30");
            action.put("metric", "winRate");
            action.put("hypothesis", title);
            asAnalyst.post().uri("/api/actions").bodyValue(action).exchange().expectStatus().isCreated();
        }
        IndexedQuotes.awaitIndexed(changes, indexer, workspace, deals.get(deals.size() - 1));
    }

    private String sharedReport() {
        String url = asAnalyst.post().uri("/api/reports").contentType(MediaType.APPLICATION_JSON).bodyValue(new HashMap<>())
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("url").toString();
        return url.substring(url.indexOf("/r/"));
    }

    @Test
    void everyPageShowsWhatPeopleWroteAsText() {
        PageSession session = PageSession.signIn(client, analyst, TestTenant.PASSWORD);
        record Row(String page, boolean showsQuotes) {
        }
        List<Row> pages = List.of(new Row("/interviews/" + interviewId, true), new Row("/deals/" + dealId, false),
                new Row("/interviews?deal=" + dealId, false), new Row("/search?q=hurt", true), new Row("/themes", false),
                new Row("/actions", false), new Row(sharedReport(), false));

        SoftAssertions softly = new SoftAssertions();
        for (Row row : pages) {
            EntityExchangeResult<String> result = session.get(row.page());
            softly.assertThat(result.getStatus().value()).as(row.page()).isEqualTo(200);
            String html = result.getResponseBody();
            softly.assertThat(html).as(row.page()).doesNotContain("<script>alert(1)", "<img src=x", "<i>Buyer</i>", "<b>What</b>");
            if (row.showsQuotes()) {
                softly.assertThat(html).as(row.page()).contains("&lt;script&gt;alert(1)&lt;", "&lt;img src=x onerror=alert(2)&gt;");
            }
        }
        softly.assertAll();
    }

    @Test
    void everyCsvExportDefusesFormulaCells() throws Exception {
        PageSession session = PageSession.signIn(client, analyst, TestTenant.PASSWORD);
        List<String> exports = List.of("/search.csv?q=price", "/actions.csv");

        SoftAssertions softly = new SoftAssertions();
        for (String export : exports) {
            EntityExchangeResult<String> result = session.get(export);
            softly.assertThat(result.getStatus().value()).as(export).isEqualTo(200);
            List<CSVRecord> rows = CSVFormat.DEFAULT.parse(new StringReader(result.getResponseBody())).getRecords();
            int hostileCells = 0;
            for (CSVRecord row : rows) {
                for (String cell : row) {
                    boolean written = HOSTILE.stream().anyMatch(h -> cell.contains(h.substring(1)));
                    if (written && HOSTILE.stream().anyMatch(h -> "=+-@".indexOf(h.charAt(0)) >= 0 && cell.endsWith(h.substring(1)))) {
                        hostileCells++;
                        softly.assertThat(cell).as(export + " cell").doesNotStartWith("=").doesNotStartWith("+")
                                .doesNotStartWith("-").doesNotStartWith("@").startsWith("'");
                    }
                }
            }
            softly.assertThat(hostileCells).as(export + ": cells holding a formula someone wrote").isGreaterThanOrEqualTo(4);
        }
        softly.assertAll();
    }
}
