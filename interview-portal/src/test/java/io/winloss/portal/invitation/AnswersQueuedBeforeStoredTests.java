package io.winloss.portal.invitation;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.mongodb.client.model.Sorts;

import io.winloss.portal.PortalTest;
import io.winloss.portal.TestTenant;
import io.winloss.portal.analysis.Analyses;
import io.winloss.portal.analysis.AnalysisJobs;
import io.winloss.portal.insight.ChangeLog;
import io.winloss.portal.store.Collections;
import io.winloss.portal.store.Store;
import io.winloss.portal.survey.AnswerSheet;
import io.winloss.portal.survey.Surveys;
import io.winloss.portal.workspace.WorkspaceId;
import io.winloss.portal.workspace.Workspaces;
import reactor.core.publisher.Mono;

/**
 * A buyer's answers are never stored without a job to analyse them: the job is queued first, so a process that dies
 * right after storing the answers (here: marking the invitation answered fails, as a SIGKILL at that point would
 * stop it) leaves the answers with their job, and the buyer's retry, told the answers were received, adds no other.
 */
@PortalTest
class AnswersQueuedBeforeStoredTests {

    @Autowired
    WebTestClient client;

    @Autowired
    Workspaces workspaces;

    @Autowired
    Store store;

    @Autowired
    Invitations invitations;

    @Autowired
    Responses responses;

    @Autowired
    AnalysisJobs jobs;

    @Autowired
    Analyses analyses;

    @Autowired
    Drafts drafts;

    @Autowired
    ChangeLog changes;

    @Autowired
    Surveys surveys;

    /** A buyer's answers as a process stored them that died before it could mark the invitation answered. */
    private record Died(WorkspaceId workspace, String token, Invitation invitation, AnswerSheet sheet) {
    }

    private Died answersStoredByADyingProcess(String account, String whatWouldHaveChanged) {
        TestTenant tenant = TestTenant.create(workspaces);
        WorkspaceId workspace = tenant.workspace().id();
        String dealId = SurveyFixture.deal(store, workspace, account);
        String token = SurveyFixture.token(SurveyFixture.invite(client, tenant, dealId, "buyer@example.com", null));
        Invitation invitation = invitations.byToken(token).block(Duration.ofSeconds(10));
        var form = SurveyFixture.requiredAnswers("yes");
        form.add("whatWouldHaveChanged", whatWouldHaveChanged);
        AnswerSheet sheet = AnswerSheet.read(surveys.current(workspace).block(Duration.ofSeconds(10)), form);
        Invitations dying = mock(Invitations.class);
        when(dying.markAnswered(any())).thenReturn(Mono.error(new IllegalStateException("the process died here")));
        Responses dyingAfterTheInsert = new Responses(store, dying, jobs, analyses, drafts, changes);
        assertThatThrownBy(() -> dyingAfterTheInsert.record(invitation, sheet).block(Duration.ofSeconds(10)))
                .hasMessageContaining("died");
        return new Died(workspace, token, invitation, sheet);
    }

    @Test
    void answersStoredByAProcessThatDiesRightAfterStillHaveTheirJob() {
        Died died = answersStoredByADyingProcess("Hooli", "A lower price per seat.");
        WorkspaceId workspace = died.workspace();
        Invitation invitation = died.invitation();

        String target = "response:" + invitation.id();
        assertThat(store.tenant(workspace, Collections.RESPONSES).findById(invitation.id()).hasElement()
                .block(Duration.ofSeconds(10))).as("the answers are stored").isTrue();
        assertThat(jobs.latest(workspace, target).blockOptional(Duration.ofSeconds(10))).as("and queued for analysis").isPresent();

        assertThat(responses.record(invitation, died.sheet()).block(Duration.ofSeconds(10))).as("the retry finds them stored").isFalse();
        assertThat(store.tenant(workspace, Collections.ANALYSIS_JOBS).find(eq("target", target), Sorts.ascending("_id")).count()
                .block(Duration.ofSeconds(10))).as("the retry queues no other job").isEqualTo(1);
    }

    @Test
    void aBuyerWhoseAnswersWereStoredButNotMarkedSendsThemAgainAndIsToldTheyWereReceived() {
        Died died = answersStoredByADyingProcess("Initech", "Fewer seats in the first year.");
        WorkspaceId workspace = died.workspace();
        Invitation invitation = died.invitation();
        String token = died.token();

        // the page trusts the invitation's mark, which the crash left unset: the buyer gets the form again
        SurveyFixture.Page page = SurveyFixture.survey(client, token);
        var again = SurveyFixture.requiredAnswers("yes");
        again.add("whatWouldHaveChanged", "Something else this time.");
        String answer = page.post(client, "/s/" + token, again).expectStatus().isOk().expectBody(String.class)
                .returnResult().getResponseBody();

        assertThat(answer).as("sending it says the answers were received").contains("Your answers were received");
        assertThat(invitations.byToken(token).block(Duration.ofSeconds(10)).answeredAt()).as("and marks the invitation").isNotNull();
        assertThat(SurveyFixture.get(client, "/s/" + token, HttpStatus.OK).html())
                .as("so the link says so from then on").contains("Your answers were received");
        assertThat(store.tenant(workspace, Collections.RESPONSES).findById(invitation.id()).block(Duration.ofSeconds(10))
                .get("answers", Document.class).getString("whatWouldHaveChanged"))
                .as("the first answers are kept").isEqualTo("Fewer seats in the first year.");
        assertThat(store.tenant(workspace, Collections.ANALYSIS_JOBS).find(eq("target", "response:" + invitation.id()),
                Sorts.ascending("_id")).count().block(Duration.ofSeconds(10))).as("with their one job").isEqualTo(1);
    }
}
