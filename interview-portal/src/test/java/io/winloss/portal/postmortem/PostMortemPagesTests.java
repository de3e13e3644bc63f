package io.winloss.portal.postmortem;

import static io.winloss.portal.analysis.AnalysisFixture.buyer;
import static io.winloss.portal.analysis.AnalysisFixture.interviewer;
import static io.winloss.portal.postmortem.PostMortemFixture.touchpoint;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import io.winloss.portal.PageSession;
import io.winloss.portal.PortalTest;
import io.winloss.portal.TestTenant;
import io.winloss.portal.account.Role;
import io.winloss.portal.account.Users;
import io.winloss.portal.analysis.Analyses;
import io.winloss.portal.analysis.AnalysisFixture;
import io.winloss.portal.invitation.SurveyFixture;
import io.winloss.portal.store.Collections;
import io.winloss.portal.store.Store;
import io.winloss.portal.workspace.Workspaces;

/**
 * The post-mortem page: the deal's facts and the rep's reason, its timeline in date order, the buyers' answers with an
 * anonymous buyer unnamed, the tagged interview quotes, everything users wrote shown as text; and its forms: five whys,
 * ratings, a touchpoint, a CSV upload.
 */
@PortalTest
class PostMortemPagesTests {

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

    TestTenant tenant;
    String analystEmail;
    String dealId;
    PageSession page;

    @BeforeEach
    void newTenant() {
        TestTenant.owner(workspaces); // the login page answers only once the instance is set up
        tenant = TestTenant.create(workspaces);
        analystEmail = tenant.addUser(users, Role.ANALYST);
        dealId = PostMortemFixture.deal(client, tenant, "Hooli");
        page = PageSession.signIn(client, analystEmail, TestTenant.PASSWORD);
    }

    private String show() {
        EntityExchangeResult<String> result = page.get("/deals/" + dealId + "/post-mortem");
        assertThat(result.getStatus()).isEqualTo(HttpStatus.OK);
        return result.getResponseBody();
    }

    @Test
    void thePageTellsTheDealsStoryWithEverythingUsersWroteAsText() {
        PostMortemFixture.touchpoints(client, tenant, dealId, List.of(
                touchpoint("2026-02-10T09:00:00Z", "demo", "Demo <script>alert(1)</script> to the ops team"),
                touchpoint("2026-01-20", "meeting", "Kick-off with procurement")));
        Map<String, Object> invited = SurveyFixture.invite(client, tenant, dealId, "cfo@hooli.example", null);
        String token = SurveyFixture.token(invited);
        SurveyFixture.survey(client, token).post(client, "/s/" + token, SurveyFixture.requiredAnswers("anonymous")).expectStatus().isSeeOther();
        String interviewId = interview("call.vtt");
        AnalysisFixture.save(analyses, tenant.workspace().id(), "interview:" + interviewId, List.of(
                interviewer(0, "What decided it?"),
                buyer(1, "Dana", "HubSpot was half the price per seat.", List.of("HubSpot"), List.of("price"), "negative", -1.2),
                buyer(2, "Dana", "We had a call on Tuesday.", List.of(), List.of(), "neutral", 0.0)));

        String html = show();

        assertThat(html).contains("Hooli", "Price: they went with a cheaper tool", "2026-01-05", "2026-03-31");
        assertThat(html).contains("Demo &lt;script&gt;alert(1)&lt;/script&gt; to the ops team").doesNotContain("<script>alert(1)");
        assertThat(html.indexOf("Deal opened")).isPositive()
                .isLessThan(html.indexOf("Kick-off with procurement"));
        assertThat(html.indexOf("Kick-off with procurement")).isLessThan(html.indexOf("to the ops team"));
        assertThat(html.indexOf("to the ops team")).isLessThan(html.indexOf("Deal closed: lost"));
        assertThat(html.indexOf("Deal closed: lost")).isLessThan(html.indexOf("Buyer answered the survey"));
        String answer = html.substring(html.indexOf("id=\"answer-" + invited.get("id") + "\""));
        answer = answer.substring(0, answer.indexOf("</article>"));
        assertThat(answer).contains("Anonymous buyer", "What was the primary reason").doesNotContain("cfo@hooli.example");
        assertThat(html).contains("HubSpot was half the price per seat.", "/interviews/" + interviewId + "#s-1")
                .doesNotContain("We had a call on Tuesday.", "What decided it?");
        assertThat(html).contains("id=\"five-whys\"", "name=\"problem\"", "id=\"actions\"", "Not rated yet.");
        assertThat(page.get("/deals/" + dealId).getResponseBody()).contains("href=\"/deals/" + dealId + "/post-mortem\"");
    }

    @Test
    void savedFiveWhysComeBackWithTheirEditorAndEachRootCauseOffersAnAction() {
        page.get("/deals/" + dealId + "/post-mortem");
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("problem", "We lost a committed deal <b>late</b>.");
        form.addAll("why", List.of("They chose a cheaper tool.", "", "We never showed the ROI.", "", ""));
        form.addAll("cause", List.of("No ROI story for finance", "", "Price per seat above the market"));
        form.addAll("category", List.of("process", "", "price"));

        EntityExchangeResult<String> saved = page.post("/deals/" + dealId + "/post-mortem", form);

        assertThat(saved.getStatus()).isEqualTo(HttpStatus.SEE_OTHER);
        assertThat(saved.getResponseHeaders().getLocation()).hasToString("/deals/" + dealId + "/post-mortem?saved=whys#five-whys");
        String html = page.get("/deals/" + dealId + "/post-mortem?saved=whys").getResponseBody();
        assertThat(html).contains("The five whys were saved.", "Last saved by " + analystEmail,
                "We lost a committed deal &lt;b&gt;late&lt;/b&gt;.", "We never showed the ROI.",
                "href=\"/actions/new?dealId=" + dealId + "&amp;rootCause=1\"",
                "href=\"/actions/new?dealId=" + dealId + "&amp;rootCause=2\"", "Create an action from this root cause");
        assertThat(html.indexOf("Price per seat above the market")).isGreaterThan(html.indexOf("No ROI story for finance"));
    }

    @Test
    void refusedFiveWhysShowTheFormAsTypedWithWhatToCorrect() {
        page.get("/deals/" + dealId + "/post-mortem");
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("problem", "");
        form.add("why", "Kept as typed");
        form.add("cause", "A cause without a category");
        form.add("category", "");

        EntityExchangeResult<String> refused = page.post("/deals/" + dealId + "/post-mortem", form);

        assertThat(refused.getStatus()).isEqualTo(HttpStatus.OK);
        assertThat(refused.getResponseBody()).contains("Please correct the following", "problem", "rootCauses[0].category",
                "Kept as typed", "A cause without a category");
        assertThat(show()).doesNotContain("Last saved by");
    }

    @Test
    void eachPersonRatesOnceAndThePageShowsTheAverageAndTheCommentsAsText() {
        page.get("/deals/" + dealId + "/post-mortem");
        EntityExchangeResult<String> rated = page.post("/deals/" + dealId + "/post-mortem/ratings",
                form("score", "2", "biased", "Only the rep <i>spoke</i>."));
        assertThat(rated.getStatus()).isEqualTo(HttpStatus.SEE_OTHER);
        page.get("/deals/" + dealId + "/post-mortem");
        page.post("/deals/" + dealId + "/post-mortem/ratings", form("score", "4", "worked", "The buyer's answers."));
        tenant.asAdmin(client).post().uri("/api/deals/{id}/post-mortem/ratings", dealId).bodyValue(Map.of("score", 5))
                .exchange().expectStatus().isCreated();

        String html = show();

        assertThat(html).contains("<strong>4.5</strong> out of 5", "2 ratings", "The buyer&#39;s answers.",
                "Your rating (replaces the one you gave)").doesNotContain("Only the rep");
        assertThat(html).containsPattern("id=\"score-4\"[^>]*checked|checked[^>]*id=\"score-4\"");

        page.post("/deals/" + dealId + "/post-mortem/ratings", form("score", "3", "biased", "Only the rep <i>spoke</i>."));
        assertThat(show()).contains("Only the rep &lt;i&gt;spoke&lt;/i&gt;.").doesNotContain("<i>spoke</i>");

        EntityExchangeResult<String> refused = page.post("/deals/" + dealId + "/post-mortem/ratings", form("score", "9"));
        assertThat(refused.getStatus()).isEqualTo(HttpStatus.OK);
        assertThat(refused.getResponseBody()).contains("Please correct the following", "whole number from 1 to 5");
    }

    @Test
    void touchpointsAreAddedByFormAndImportedFromAnUploadedFileOnce() {
        page.get("/deals/" + dealId + "/post-mortem");
        EntityExchangeResult<String> added = page.post("/deals/" + dealId + "/touchpoints",
                form("date", "2026-02-03", "type", "call", "summary", "Discovery call", "owner", "Ann"));
        assertThat(added.getStatus()).isEqualTo(HttpStatus.SEE_OTHER);
        assertThat(page.get("/deals/" + dealId + "/post-mortem?saved=touchpoint").getResponseBody())
                .contains("The touchpoint was added", "Discovery call", "by Ann");

        byte[] csv = ("date,type,summary,owner\n2026-02-10,demo,Demo to the ops team,Ann\n2026-03-02,proposal,Proposal sent,\n"
                + "someday,call,Bad date,\n").getBytes(StandardCharsets.UTF_8);
        String report = page.upload("/deals/" + dealId + "/touchpoints/import", "file", "touchpoints.csv",
                MediaType.parseMediaType("text/csv"), csv).getResponseBody();
        assertThat(report).contains("2 touchpoints added, 0 already there, 1 lines rejected.", "line 4: date");

        String again = page.upload("/deals/" + dealId + "/touchpoints/import", "file", "touchpoints.csv",
                MediaType.parseMediaType("text/csv"), csv).getResponseBody();
        assertThat(again).contains("0 touchpoints added, 2 already there");
        assertThat(tenant.asAdmin(client).get().uri("/api/deals/{id}/touchpoints", dealId).exchange()
                .expectBody(Map.class).returnResult().getResponseBody().get("items")).asList().hasSize(3);

        EntityExchangeResult<String> refused = page.post("/deals/" + dealId + "/touchpoints",
                form("date", "soon", "type", "fax", "summary", ""));
        assertThat(refused.getResponseBody()).contains("Please correct the following", "date", "type", "summary");
    }

    @Test
    void interviewersAreForbiddenAndAnotherWorkspacesDealIsNotFound() {
        TestTenant other = TestTenant.create(workspaces);
        String theirs = PostMortemFixture.deal(client, other, "Theirs");
        assertThat(page.get("/deals/" + theirs + "/post-mortem").getStatus()).isEqualTo(HttpStatus.NOT_FOUND);
        page.get("/deals/" + dealId + "/post-mortem");
        assertThat(page.post("/deals/" + theirs + "/post-mortem", form("problem", "Mine now")).getStatus())
                .isEqualTo(HttpStatus.NOT_FOUND);

        String interviewerEmail = tenant.addUser(users, Role.INTERVIEWER);
        tenant.asAdmin(client).post().uri("/api/deals/{id}/assignments", dealId).bodyValue(Map.of("interviewerEmail", interviewerEmail))
                .exchange().expectStatus().isCreated();
        PageSession interviewer = PageSession.signIn(client, interviewerEmail, TestTenant.PASSWORD);
        assertThat(interviewer.get("/deals/" + dealId + "/post-mortem").getStatus()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    private static MultiValueMap<String, String> form(String... pairs) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.add(pairs[i], pairs[i + 1]);
        }
        return form;
    }

    /** An interview stored as an upload leaves it (no file: the page reads only its analysis); returns its id. */
    private String interview(String fileName) {
        String id = UUID.randomUUID().toString();
        store.tenant(tenant.workspace().id(), Collections.INTERVIEWS).insert(new Document("_id", id).append("dealId", dealId)
                .append("fileName", fileName).append("size", 10L).append("interviewers", List.of())
                .append("interviewDate", "2026-04-10").append("uploadedBy", analystEmail).append("uploadedAt", new Date()))
                .block(Duration.ofSeconds(10));
        return id;
    }
}
