package io.winloss.portal.interview;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.winloss.portal.PageSession;
import io.winloss.portal.PortalTest;
import io.winloss.portal.TestTenant;
import io.winloss.portal.account.Role;
import io.winloss.portal.account.Users;
import io.winloss.portal.invitation.SurveyFixture;
import io.winloss.portal.store.Store;
import io.winloss.portal.workspace.Workspaces;

/** The interview pages without the models: uploading from the page, the list, the interview page, its live status. */
@PortalTest
class InterviewPagesTests {

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
    PageSession analyst;

    @BeforeEach
    void signedInAnalystWithADeal() {
        TestTenant.owner(workspaces);
        tenant = TestTenant.create(workspaces);
        dealId = SurveyFixture.deal(store, tenant.workspace().id(), "Hooli");
        analyst = PageSession.signIn(client, tenant.addUser(users, Role.ANALYST), TestTenant.PASSWORD);
        analyst.get("/interviews?deal=" + dealId);
    }

    private EntityExchangeResult<String> upload(String fileName, byte[] bytes) {
        return analyst.upload("/interviews", "file", fileName, MediaType.APPLICATION_OCTET_STREAM, bytes,
                Map.of("dealId", dealId, "interviewer", "Priya Raman, Sam Lee", "interviewDate", "2026-04-02"));
    }

    @Test
    void uploadingOneFileFromThePageOpensItsInterviewPage() {
        EntityExchangeResult<String> result = upload("<b>call</b>.txt", new byte[] {0, 1, 2});

        assertThat(result.getStatus().is3xxRedirection()).isTrue();
        String location = result.getResponseHeaders().getLocation().toString();
        assertThat(location).startsWith("/interviews/");

        String html = analyst.get(location).getResponseBody();
        assertThat(html).contains("&lt;b&gt;call&lt;/b&gt;.txt").doesNotContain("<b>call</b>");
        assertThat(html).contains("uploaded by").contains("interviewed 2026-04-02");

        String list = analyst.get("/interviews?deal=" + dealId).getResponseBody();
        assertThat(list).contains("&lt;b&gt;call&lt;/b&gt;.txt").contains("name=\"file\"").contains("multiple");
    }

    @Test
    void aRefusedUploadShowsWhyOnTheList() {
        EntityExchangeResult<String> result = upload("slides.pdf", new byte[] {1});

        assertThat(result.getStatus()).isEqualTo(HttpStatus.OK);
        assertThat(result.getResponseBody()).contains("slides.pdf: must be a .txt, .vtt, .srt or .docx transcript");
    }

    @Test
    void theProgressStreamEndsWithTheFinishedStatus() throws InterruptedException {
        String location = upload("garbage.srt", new byte[] {0, 0, 0, 9}).getResponseHeaders().getLocation().toString();

        String events = client.get().uri(location + "/progress").cookies(c -> c.add("SESSION", analyst.cookie("SESSION")))
                .accept(MediaType.TEXT_EVENT_STREAM).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(events).contains("event:finished").contains("\"status\":\"failed\"");
        String html = analyst.get(location).getResponseBody();
        assertThat(html).contains("Failed:").contains("Analyse again");
    }

    @Test
    void anotherWorkspacesInterviewPagesAreNotFound() {
        String location = upload("call.txt", new byte[] {0, 1}).getResponseHeaders().getLocation().toString();
        TestTenant other = TestTenant.create(workspaces);
        PageSession stranger = PageSession.signIn(client, other.addUser(users, Role.ANALYST), TestTenant.PASSWORD);

        assertThat(stranger.get(location).getStatus()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(stranger.get(location + "/sentences/0").getStatus()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(stranger.get("/interviews?deal=" + dealId).getStatus()).isEqualTo(HttpStatus.NOT_FOUND);
    }
}
