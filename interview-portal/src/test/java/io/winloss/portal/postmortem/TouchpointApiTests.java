package io.winloss.portal.postmortem;

import static io.winloss.portal.postmortem.PostMortemFixture.touchpoint;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.winloss.portal.PortalTest;
import io.winloss.portal.TestTenant;
import io.winloss.portal.account.Role;
import io.winloss.portal.account.Users;
import io.winloss.portal.workspace.Workspaces;

/**
 * {@code /api/deals/{id}/touchpoints}: one touchpoint or an array in, 201 with what was stored; every bad field named
 * in one 400 with nothing stored; the list in date order; another workspace's deal 404, interviewers 403.
 */
@PortalTest
class TouchpointApiTests {

    @Autowired
    WebTestClient client;

    @Autowired
    Workspaces workspaces;

    @Autowired
    Users users;

    TestTenant tenant;
    WebTestClient analyst;
    String dealId;

    @BeforeEach
    void newTenant() {
        tenant = TestTenant.create(workspaces);
        analyst = TestTenant.as(client, tenant.addUser(users, Role.ANALYST));
        dealId = PostMortemFixture.deal(client, tenant, "Hooli");
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> list(String deal) {
        return (List<Map<String, Object>>) analyst.get().uri("/api/deals/{id}/touchpoints", deal).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("items");
    }

    @Test
    void oneTouchpointAnswers201WithWhatWasStored() {
        Map<String, Object> stored = analyst.post().uri("/api/deals/{id}/touchpoints", dealId)
                .bodyValue(Map.of("date", "2026-02-03T14:30:00+02:00", "type", "Call", "summary", "  Discovery call with the CFO  ",
                        "owner", "ann@vendor.example"))
                .exchange().expectStatus().isCreated()
                .expectBody(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody();

        assertThat(stored.get("id")).isNotNull();
        assertThat(stored).containsEntry("dealId", dealId).containsEntry("date", "2026-02-03T12:30:00Z")
                .containsEntry("type", "call").containsEntry("summary", "Discovery call with the CFO")
                .containsEntry("owner", "ann@vendor.example");
        assertThat(list(dealId)).extracting(t -> t.get("id")).containsExactly(stored.get("id"));
    }

    @Test
    void anArrayAnswers201WithAnArrayAndTheListIsInDateOrder() {
        List<?> stored = analyst.post().uri("/api/deals/{id}/touchpoints", dealId)
                .bodyValue(List.of(
                        touchpoint("2026-03-02", "PROPOSAL", "Sent the proposal"),
                        touchpoint("2026-02-10T09:00:00Z", "demo", "Demo to the ops team"),
                        Map.of("date", "2026-02-10", "type", "email", "summary", "Agenda for the demo"),
                        touchpoint("2026-01-20", "meeting", "First meeting")))
                .exchange().expectStatus().isCreated()
                .expectBody(List.class).returnResult().getResponseBody();

        assertThat(stored).hasSize(4);
        assertThat(list(dealId)).extracting(t -> t.get("summary")).containsExactly(
                "First meeting", "Agenda for the demo", "Demo to the ops team", "Sent the proposal");
        assertThat(list(dealId).get(1)).containsEntry("owner", null).containsEntry("date", "2026-02-10");
    }

    @Test
    void everyBadFieldIsNamedAndNothingIsStored() {
        String body = analyst.post().uri("/api/deals/{id}/touchpoints", dealId)
                .bodyValue(Map.of("date", "last Tuesday", "type", "fax", "summary", "x".repeat(2001), "owner", "o".repeat(201)))
                .exchange().expectStatus().isBadRequest()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(body).contains("\"field\":\"date\"", "\"field\":\"type\"", "\"field\":\"summary\"", "\"field\":\"owner\"",
                "last Tuesday", "email, call, meeting, demo, proposal, negotiation, other");

        String missing = analyst.post().uri("/api/deals/{id}/touchpoints", dealId).bodyValue(Map.of("owner", "ann"))
                .exchange().expectStatus().isBadRequest()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(missing).contains("\"field\":\"date\",\"message\":\"is required\"", "\"field\":\"type\"",
                "\"field\":\"summary\",\"message\":\"is required\"");

        // in an array, a bad element is named by its index and the good ones are not stored either
        String inArray = analyst.post().uri("/api/deals/{id}/touchpoints", dealId)
                .bodyValue(List.of(touchpoint("2026-02-01", "call", "Fine"), Map.of("date", "2026-13-45", "type", "call", "summary", "Bad date")))
                .exchange().expectStatus().isBadRequest()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(inArray).contains("\"field\":\"[1].date\"").doesNotContain("[0]");

        analyst.post().uri("/api/deals/{id}/touchpoints", dealId).bodyValue(List.of())
                .exchange().expectStatus().isBadRequest();
        analyst.post().uri("/api/deals/{id}/touchpoints", dealId).bodyValue("\"just text\"")
                .header("Content-Type", "application/json").exchange().expectStatus().isBadRequest();

        assertThat(list(dealId)).isEmpty();
    }

    @Test
    void theSameTouchpointSentTwiceIsStoredOnce() {
        Map<String, String> call = touchpoint("2026-02-03", "call", "Discovery call");
        Map<?, ?> first = analyst.post().uri("/api/deals/{id}/touchpoints", dealId).bodyValue(call)
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        Map<?, ?> second = analyst.post().uri("/api/deals/{id}/touchpoints", dealId)
                .bodyValue(Map.of("date", "2026-02-03", "type", "CALL", "summary", "Discovery call", "owner", "bob@vendor.example"))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();

        assertThat(second.get("id")).isEqualTo(first.get("id"));
        assertThat(list(dealId)).singleElement().satisfies(t -> assertThat(t).containsEntry("owner", "bob@vendor.example"));
    }

    @Test
    void deleteRemovesOneTouchpointThen404() {
        PostMortemFixture.touchpoints(client, tenant, dealId, List.of(touchpoint("2026-02-01", "call", "Kept"),
                touchpoint("2026-02-02", "email", "Deleted")));
        String deleted = list(dealId).get(1).get("id").toString();

        analyst.delete().uri("/api/deals/{id}/touchpoints/{t}", dealId, deleted).exchange().expectStatus().isNoContent();

        assertThat(list(dealId)).extracting(t -> t.get("summary")).containsExactly("Kept");
        analyst.delete().uri("/api/deals/{id}/touchpoints/{t}", dealId, deleted).exchange().expectStatus().isNotFound();
    }

    @Test
    void anotherWorkspacesDealIsNotFound() {
        TestTenant other = TestTenant.create(workspaces);
        String theirs = PostMortemFixture.deal(client, other, "Theirs");
        PostMortemFixture.touchpoints(client, other, theirs, List.of(touchpoint("2026-02-01", "call", "Their call")));
        String theirTouchpoint = other.asAdmin(client).get().uri("/api/deals/{id}/touchpoints", theirs).exchange()
                .expectBody(String.class).returnResult().getResponseBody().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");

        analyst.post().uri("/api/deals/{id}/touchpoints", theirs).bodyValue(touchpoint("2026-02-02", "call", "Mine"))
                .exchange().expectStatus().isNotFound();
        analyst.get().uri("/api/deals/{id}/touchpoints", theirs).exchange().expectStatus().isNotFound();
        analyst.delete().uri("/api/deals/{id}/touchpoints/{t}", theirs, theirTouchpoint).exchange().expectStatus().isNotFound();
        // naming their touchpoint under our deal finds nothing either
        analyst.delete().uri("/api/deals/{id}/touchpoints/{t}", dealId, theirTouchpoint).exchange().expectStatus().isNotFound();

        assertThat(other.asAdmin(client).get().uri("/api/deals/{id}/touchpoints", theirs).exchange()
                .expectBody(String.class).returnResult().getResponseBody()).contains("Their call").doesNotContain("Mine");
    }

    @Test
    void interviewersAreForbiddenEvenOnTheirDealAndStrangersUnauthorized() {
        String interviewer = tenant.addUser(users, Role.INTERVIEWER);
        analyst.post().uri("/api/deals/{id}/assignments", dealId).bodyValue(Map.of("interviewerEmail", interviewer))
                .exchange().expectStatus().isCreated();
        WebTestClient asInterviewer = TestTenant.as(client, interviewer);

        asInterviewer.get().uri("/api/deals/{id}/touchpoints", dealId).exchange().expectStatus().isForbidden();
        asInterviewer.post().uri("/api/deals/{id}/touchpoints", dealId).bodyValue(touchpoint("2026-02-02", "call", "x"))
                .exchange().expectStatus().isForbidden();
        asInterviewer.post().uri("/api/touchpoints/import").contentType(TouchpointImportTests.CSV)
                .bodyValue("dealId,date,type,summary\n" + dealId + ",2026-02-02,call,x\n").exchange().expectStatus().isForbidden();
        client.get().uri("/api/deals/{id}/touchpoints", dealId).exchange().expectStatus().isUnauthorized();

        assertThat(list(dealId)).isEmpty();
    }
}
