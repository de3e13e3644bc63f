package io.winloss.portal.invitation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.MultiValueMap;

import io.winloss.portal.PortalTest;
import io.winloss.portal.TestTenant;
import io.winloss.portal.account.Role;
import io.winloss.portal.account.Users;
import io.winloss.portal.store.Store;
import io.winloss.portal.workspace.Workspaces;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A buyer's free-text answer goes through the real pipeline when submitted: the workspace's competitor list
 * and the criteria patterns tag it, and the tags appear beside the answer in the API and on the deal page.
 */
@PortalTest
class ResponseAnalysisIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ANSWER = "HubSpot's price was far lower and the integration was painful";

    @Autowired
    WebTestClient client;

    @Autowired
    Workspaces workspaces;

    @Autowired
    Users users;

    @Autowired
    Store store;

    TestTenant tenant;
    String dealId;

    @BeforeEach
    void dealWithACompetitorList() {
        TestTenant.owner(workspaces);
        tenant = TestTenant.create(workspaces);
        tenant.asAdmin(client).put().uri("/api/competitors")
                .bodyValue(List.of(Map.of("name", "HubSpot", "aliases", List.of("Hubspot CRM"))))
                .exchange().expectStatus().isOk();
        dealId = SurveyFixture.deal(store, tenant.workspace().id(), "Hooli");
    }

    private JsonNode responses() {
        return JSON.readTree(tenant.asAdmin(client).get().uri("/api/deals/{id}/responses", dealId).exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody()).get("items");
    }

    private JsonNode awaitTags() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        JsonNode items = responses();
        while ((items.isEmpty() || items.get(0).get("tags").isEmpty()) && System.nanoTime() < deadline) {
            Thread.sleep(250);
            items = responses();
        }
        assertThat(items.size()).isEqualTo(1);
        return items.get(0).get("tags");
    }

    private static List<String> strings(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }

    @Test
    void aSubmittedAnswerIsTaggedAndShownWithItsChips() throws InterruptedException {
        String token = SurveyFixture.token(SurveyFixture.invite(client, tenant, dealId, "buyer@example.com", null));
        MultiValueMap<String, String> form = SurveyFixture.requiredAnswers("yes");
        form.add("whatWouldHaveChanged", ANSWER);
        form.add("vendorComparison", "");
        SurveyFixture.survey(client, token).post(client, "/s/" + token, form).expectStatus().isSeeOther();

        JsonNode tags = awaitTags();

        assertThat(tags.size()).as("one per non-empty free-text answer").isEqualTo(1);
        JsonNode answer = tags.get(0);
        assertThat(answer.get("questionId").asString()).isEqualTo("whatWouldHaveChanged");
        assertThat(strings(answer.get("competitors"))).containsExactly("HubSpot");
        assertThat(strings(answer.get("criteria"))).contains("price");
        assertThat(answer.get("sentiment").asString()).isIn("positive", "neutral", "negative");
        assertThat(answer.get("score").asDouble()).isBetween(-2.0, 2.0);

        String html = SurveyFixture.signIn(client, tenant.addUser(users, Role.ANALYST)).get("/deals/" + dealId + "/answers").html();
        String answers = html.substring(html.indexOf("<h3>Answers</h3>"));
        assertThat(answers).contains("HubSpot&#39;s price was far lower", "<span class=\"chip competitor machine\">HubSpot</span>",
                "<span class=\"chip criterion machine\">price</span>", "class=\"chip sentiment ").doesNotContain("analysing…");
    }
}
