package io.winloss.portal.interview;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

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
import io.winloss.portal.invitation.SurveyFixture;
import io.winloss.portal.store.Store;
import io.winloss.portal.workspace.Workspaces;

/**
 * A candidate competitor found in an interview is added to the workspace's list from the interview page by
 * analysts; an interviewer who may read the interview may not change the list. (The interview is an
 * unreadable file: the page needs no analysis for this.)
 */
@PortalTest
class CandidateCompetitorTests {

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
    String interviewId;

    @BeforeEach
    void interviewOnADeal() {
        TestTenant.owner(workspaces);
        tenant = TestTenant.create(workspaces);
        dealId = SurveyFixture.deal(store, tenant.workspace().id(), "Hooli");
        PageSession admin = PageSession.signIn(client, tenant.adminEmail(), TestTenant.PASSWORD);
        admin.get("/interviews?deal=" + dealId);
        String location = admin.upload("/interviews", "file", "call.txt", MediaType.APPLICATION_OCTET_STREAM, new byte[] {0, 1, 2},
                Map.of("dealId", dealId)).getResponseHeaders().getLocation().toString();
        interviewId = location.substring(location.lastIndexOf('/') + 1);
    }

    private EntityExchangeResult<String> addAs(String email, String name) {
        PageSession session = PageSession.signIn(client, email, TestTenant.PASSWORD);
        assertThat(session.get("/interviews/" + interviewId).getStatus()).as("%s reads the interview", email).isEqualTo(HttpStatus.OK);
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("name", name);
        return session.post("/interviews/" + interviewId + "/candidates", form);
    }

    private List<String> competitorNames() {
        return tenant.asAdmin(client).get().uri("/api/competitors").exchange().expectStatus().isOk()
                .expectBodyList(Map.class).returnResult().getResponseBody().stream().map(e -> (String) e.get("name")).toList();
    }

    @Test
    void anAnalystAddsACandidateToTheList() {
        EntityExchangeResult<String> result = addAs(tenant.addUser(users, Role.ANALYST), " Globex ");

        assertThat(result.getStatus().is3xxRedirection()).as("answered %s", result.getStatus()).isTrue();
        assertThat(result.getResponseHeaders().getLocation().toString()).isEqualTo("/interviews/" + interviewId + "?added=Globex");
        assertThat(competitorNames()).containsExactly("Globex");

        addAs(tenant.adminEmail(), "globex");
        assertThat(competitorNames()).as("a name already on the list is not added twice").containsExactly("Globex");
    }

    @Test
    void anAssignedInterviewerCannotChangeTheList() {
        String interviewer = tenant.addUser(users, Role.INTERVIEWER);
        tenant.asAdmin(client).post().uri("/api/deals/{id}/assignments", dealId)
                .bodyValue(Map.of("interviewerEmail", interviewer)).exchange().expectStatus().isCreated();

        EntityExchangeResult<String> result = addAs(interviewer, "Globex");

        assertThat(result.getStatus()).isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
        assertThat(competitorNames()).isEmpty();
    }

    @Test
    void theAddedNameIsAnnouncedEscaped() {
        String html = PageSession.signIn(client, tenant.adminEmail(), TestTenant.PASSWORD)
                .get("/interviews/" + interviewId + "?added=<i>Globex</i>").getResponseBody();
        assertThat(html).contains("&lt;i&gt;Globex&lt;/i&gt; is on the competitor list now").doesNotContain("<i>Globex</i>");
    }

    @Test
    void aRefusedNameIsExplainedOnTheInterviewPage() {
        EntityExchangeResult<String> result = addAs(tenant.addUser(users, Role.ANALYST), "x".repeat(300));

        assertThat(result.getStatus()).isEqualTo(HttpStatus.OK);
        assertThat(result.getResponseBody()).contains("a name is at most", "call.txt");
        assertThat(competitorNames()).isEmpty();
    }
}
