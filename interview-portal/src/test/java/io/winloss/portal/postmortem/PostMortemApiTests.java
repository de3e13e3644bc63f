package io.winloss.portal.postmortem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.winloss.portal.PortalTest;
import io.winloss.portal.TestTenant;
import io.winloss.portal.account.Role;
import io.winloss.portal.account.Users;
import io.winloss.portal.workspace.Workspaces;

/**
 * {@code /api/deals/{id}/post-mortem}: the five whys saved whole and read back with the last editor; bad notes refused
 * with every field named; one rating per person and deal, averaged; another workspace 404, interviewers 403.
 */
@PortalTest
class PostMortemApiTests {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    @Autowired
    WebTestClient client;

    @Autowired
    Workspaces workspaces;

    @Autowired
    Users users;

    TestTenant tenant;
    String analystEmail;
    WebTestClient analyst;
    String dealId;

    @BeforeEach
    void newTenant() {
        tenant = TestTenant.create(workspaces);
        analystEmail = tenant.addUser(users, Role.ANALYST);
        analyst = TestTenant.as(client, analystEmail);
        dealId = PostMortemFixture.deal(client, tenant, "Hooli");
    }

    private Map<String, Object> get(WebTestClient as, String uri) {
        return as.get().uri(uri, dealId).exchange().expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
    }

    private static Map<String, Object> notes() {
        return Map.of("problem", "We lost a deal forecast as committed.",
                "whys", List.of("They chose a cheaper tool.", "  ", "We never showed the ROI.", "No champion asked for it."),
                "rootCauses", List.of(Map.of("cause", "No ROI story for finance", "category", "Process"),
                        Map.of("cause", "Price per seat above the market", "category", "price")));
    }

    @Test
    void aPostMortemIsSavedWholeAndReadBackWithItsEditor() {
        assertThat(get(analyst, "/api/deals/{id}/post-mortem")).containsEntry("editedAt", null).containsEntry("problem", null)
                .containsEntry("whys", List.of());

        Map<String, Object> saved = analyst.put().uri("/api/deals/{id}/post-mortem", dealId).bodyValue(notes())
                .exchange().expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();

        assertThat(saved).containsEntry("editedBy", analystEmail).containsEntry("dealId", dealId);
        assertThat(saved.get("editedAt")).isNotNull();
        Map<String, Object> read = get(tenant.asAdmin(client), "/api/deals/{id}/post-mortem");
        assertThat(read).containsEntry("problem", "We lost a deal forecast as committed.")
                .containsEntry("whys", List.of("They chose a cheaper tool.", "We never showed the ROI.", "No champion asked for it."))
                .containsEntry("rootCauses", List.of(
                        Map.of("number", 1, "cause", "No ROI story for finance", "category", "process"),
                        Map.of("number", 2, "cause", "Price per seat above the market", "category", "price")));

        // a second save replaces the first whole, and its author becomes the last editor
        tenant.asAdmin(client).put().uri("/api/deals/{id}/post-mortem", dealId)
                .bodyValue(Map.of("problem", "Restated", "rootCauses", List.of(Map.of("cause", "Late to the shortlist", "category", "competition"))))
                .exchange().expectStatus().isOk();
        Map<String, Object> replaced = get(analyst, "/api/deals/{id}/post-mortem");
        assertThat(replaced).containsEntry("problem", "Restated").containsEntry("whys", List.of())
                .containsEntry("editedBy", tenant.adminEmail());
        assertThat((List<?>) replaced.get("rootCauses")).hasSize(1);
    }

    @Test
    void badNotesAreRefusedWithEveryFieldNamedAndNothingSaved() {
        String body = analyst.put().uri("/api/deals/{id}/post-mortem", dealId)
                .bodyValue(Map.of("problem", " ", "whys", List.of("1", "2", "3", "4", "5", "6"),
                        "rootCauses", List.of(Map.of("cause", "Fine", "category", "weather"), Map.of("category", "people"))))
                .exchange().expectStatus().isBadRequest().expectBody(String.class).returnResult().getResponseBody();

        assertThat(body).contains("\"field\":\"problem\"", "\"field\":\"whys\"", "\"field\":\"rootCauses[0].category\"",
                "\"field\":\"rootCauses[1].cause\"", "people, process, product, price, competition, other");
        assertThat(get(analyst, "/api/deals/{id}/post-mortem")).containsEntry("editedAt", null);
    }

    @Test
    @SuppressWarnings("unchecked")
    void eachPersonRatesOnceAndTheAverageCountsEveryone() {
        Map<String, Object> first = analyst.post().uri("/api/deals/{id}/post-mortem/ratings", dealId)
                .bodyValue(Map.of("score", 2, "biased", "Only the rep spoke."))
                .exchange().expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody();
        assertThat(first).containsEntry("count", 1).containsEntry("average", 2.0);

        // the same person again replaces their rating
        analyst.post().uri("/api/deals/{id}/post-mortem/ratings", dealId)
                .bodyValue(Map.of("score", 4, "worked", "The buyer's answers changed our minds."))
                .exchange().expectStatus().isOk();
        tenant.asAdmin(client).post().uri("/api/deals/{id}/post-mortem/ratings", dealId)
                .bodyValue(Map.of("score", "5")).exchange().expectStatus().isCreated();

        Map<String, Object> ratings = get(analyst, "/api/deals/{id}/post-mortem/ratings");
        assertThat(ratings).containsEntry("count", 2).containsEntry("average", 4.5);
        List<Map<String, Object>> items = (List<Map<String, Object>>) ratings.get("items");
        assertThat(items).filteredOn(r -> Boolean.TRUE.equals(r.get("mine"))).singleElement().satisfies(mine -> assertThat(mine)
                .containsEntry("score", 4).containsEntry("worked", "The buyer's answers changed our minds.")
                .containsEntry("biased", null));
        assertThat(items.toString()).doesNotContain(analystEmail, tenant.adminEmail());
        assertThat(get(analyst, "/api/deals/{id}/post-mortem").get("ratings")).isEqualTo(Map.of("count", 2, "average", 4.5));
    }

    @Test
    void aScoreOutsideOneToFiveIsRefused() {
        for (Object score : List.of(0, 6, "4.5", "great")) {
            String body = analyst.post().uri("/api/deals/{id}/post-mortem/ratings", dealId).bodyValue(Map.of("score", score))
                    .exchange().expectStatus().isBadRequest().expectBody(String.class).returnResult().getResponseBody();
            assertThat(body).as("score %s", score).contains("\"field\":\"score\"");
        }
        analyst.post().uri("/api/deals/{id}/post-mortem/ratings", dealId)
                .bodyValue(Map.of("score", 3, "worked", "w".repeat(2001))).exchange().expectStatus().isBadRequest();
        assertThat(get(analyst, "/api/deals/{id}/post-mortem/ratings")).containsEntry("count", 0);
    }

    @Test
    void anotherWorkspacesDealIsNotFoundAndInterviewersAreForbidden() {
        TestTenant other = TestTenant.create(workspaces);
        String theirs = PostMortemFixture.deal(client, other, "Theirs");
        analyst.get().uri("/api/deals/{id}/post-mortem", theirs).exchange().expectStatus().isNotFound();
        analyst.put().uri("/api/deals/{id}/post-mortem", theirs).bodyValue(notes()).exchange().expectStatus().isNotFound();
        analyst.post().uri("/api/deals/{id}/post-mortem/ratings", theirs).bodyValue(Map.of("score", 1))
                .exchange().expectStatus().isNotFound();
        analyst.get().uri("/api/deals/{id}/post-mortem/ratings", theirs).exchange().expectStatus().isNotFound();
        Map<String, Object> untouched = other.asAdmin(client).get().uri("/api/deals/{id}/post-mortem", theirs).exchange()
                .expectBody(JSON).returnResult().getResponseBody();
        assertThat(untouched).containsEntry("editedAt", null);
        assertThat(((Map<?, ?>) untouched.get("ratings")).get("count")).isEqualTo(0);

        String interviewer = tenant.addUser(users, Role.INTERVIEWER);
        analyst.post().uri("/api/deals/{id}/assignments", dealId).bodyValue(Map.of("interviewerEmail", interviewer))
                .exchange().expectStatus().isCreated();
        WebTestClient asInterviewer = TestTenant.as(client, interviewer);
        asInterviewer.get().uri("/api/deals/{id}/post-mortem", dealId).exchange().expectStatus().isForbidden();
        asInterviewer.put().uri("/api/deals/{id}/post-mortem", dealId).bodyValue(notes()).exchange().expectStatus().isForbidden();
        asInterviewer.post().uri("/api/deals/{id}/post-mortem/ratings", dealId).bodyValue(Map.of("score", 1))
                .exchange().expectStatus().isForbidden();
        assertThat(get(analyst, "/api/deals/{id}/post-mortem")).containsEntry("editedAt", null);
    }
}
