package io.winloss.portal.invitation;

import static io.winloss.portal.analysis.AnalysisFixture.buyer;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.winloss.portal.PortalTest;
import io.winloss.portal.TestTenant;
import io.winloss.portal.account.Role;
import io.winloss.portal.account.Users;
import io.winloss.portal.analysis.Analyses;
import io.winloss.portal.analysis.AnalysisFixture;
import io.winloss.portal.analysis.Correction;
import io.winloss.portal.store.Collections;
import io.winloss.portal.store.Store;
import io.winloss.portal.workspace.WorkspaceId;
import io.winloss.portal.workspace.Workspaces;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tags of buyers' free-text answers beside the answers, on the deal page's answers fragment and in the
 * responses API: nothing before analysis is queued, "analysing…" while it runs, chips (machine and human)
 * once done. The answer sheet, its jobs and its analysis are stored by hand, so no model is loaded.
 */
@PortalTest
class ResponseTagsTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String QUESTION = "whatWouldHaveChanged";
    private static final String ANSWER = "<b>HubSpot</b> was far cheaper";

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
    WorkspaceId workspace;
    String dealId;
    final String responseId = UUID.randomUUID().toString();
    SurveyFixture.Staff analyst;

    @BeforeEach
    void answeredSheet() {
        TestTenant.owner(workspaces);
        tenant = TestTenant.create(workspaces);
        workspace = tenant.workspace().id();
        dealId = SurveyFixture.deal(store, workspace, "Hooli");
        store.tenant(workspace, Collections.RESPONSES).insert(new Document("_id", responseId).append("dealId", dealId)
                .append("invitationId", responseId).append("surveyVersion", 0).append("submittedAt", new Date())
                .append("attributable", true).append("email", "buyer@example.com")
                .append("answers", new Document("primaryReason", "price").append(QUESTION, ANSWER).append("attribution", "yes")))
                .block(Duration.ofSeconds(10));
        analyst = SurveyFixture.signIn(client, tenant.addUser(users, Role.ANALYST));
    }

    /** A job stored as it is, never claimed by the portal's worker (done, or queued but due only tomorrow). */
    private void job(String status, Instant createdAt) {
        store.tenant(workspace, Collections.ANALYSIS_JOBS).insert(new Document("_id", UUID.randomUUID().toString())
                .append("target", "response:" + responseId).append("status", status).append("attempts", 0)
                .append("notBefore", Date.from(Instant.now().plus(Duration.ofDays(1))))
                .append("createdAt", Date.from(createdAt))).block(Duration.ofSeconds(10));
    }

    private void analysed() {
        AnalysisFixture.save(analyses, workspace, "response:" + responseId,
                List.of(buyer(0, QUESTION, ANSWER, List.of("HubSpot"), List.of("price"), "negative", -1.5)));
        job("done", Instant.now().plusSeconds(1));
    }

    private String fragment() {
        return analyst.get("/deals/" + dealId + "/answers").html();
    }

    private JsonNode response() {
        JsonNode items = JSON.readTree(tenant.asAdmin(client).get().uri("/api/deals/{id}/responses", dealId).exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody()).get("items");
        assertThat(items.size()).isEqualTo(1);
        return items.get(0);
    }

    @Test
    void nothingIsShownForASheetNeverQueued() {
        String html = fragment();

        assertThat(html).contains("&lt;b&gt;HubSpot&lt;/b&gt; was far cheaper").doesNotContain("analysing…", "class=\"chip");
        assertThat(response().get("tags").size()).isZero();
    }

    @Test
    void aFreeTextAnswerSaysAnalysingWhileItsJobIsUnfinished() {
        job("queued", Instant.now());

        String html = fragment();

        assertThat(html.split("analysing…", -1)).as("once, under the one free-text answer").hasSize(2);
        assertThat(html.indexOf("analysing…")).isGreaterThan(html.indexOf("&lt;b&gt;HubSpot&lt;/b&gt; was far cheaper"));
        assertThat(response().get("tags").size()).isZero();
    }

    @Test
    void analysedAnswerShowsItsTagsAsMachineChips() {
        job("queued", Instant.now());
        analysed();

        String html = fragment();

        assertThat(html).doesNotContain("analysing…", "<b>HubSpot</b>")
                .contains("<span class=\"chip competitor machine\">HubSpot</span>",
                        "<span class=\"chip criterion machine\">price</span>",
                        "<span class=\"chip sentiment negative machine\">negative</span>");
        JsonNode tags = response().get("tags");
        assertThat(tags.size()).isEqualTo(1);
        assertThat(tags.get(0).get("questionId").asString()).isEqualTo(QUESTION);
        assertThat(tags.get(0).get("competitors").get(0).asString()).isEqualTo("HubSpot");
        assertThat(tags.get(0).get("criteria").get(0).asString()).isEqualTo("price");
        assertThat(tags.get(0).get("sentiment").asString()).isEqualTo("negative");
        assertThat(tags.get(0).get("score").asDouble()).isEqualTo(-1.5);
        assertThat(response().get("answers").get(QUESTION).asString()).as("answers unchanged").isEqualTo(ANSWER);
    }

    @Test
    void correctedTagsWinAndShowWhoGaveThem() {
        analysed();
        analyses.correct(workspace, "response:" + responseId, 0, new Correction(0, null, List.of("Salesforce"), null,
                "neutral", tenant.adminEmail(), Instant.now())).block(Duration.ofSeconds(10));

        String html = fragment();

        assertThat(html).contains("<span class=\"chip competitor human\">Salesforce</span>",
                "<span class=\"chip competitor removed\">HubSpot</span>",
                "<span class=\"chip criterion machine\">price</span>",
                "<span class=\"chip sentiment neutral human\">neutral</span>");
        JsonNode tags = response().get("tags").get(0);
        assertThat(tags.get("competitors").valueStream().map(JsonNode::asString).toList()).containsExactly("Salesforce");
        assertThat(tags.get("sentiment").asString()).isEqualTo("neutral");
    }
}
