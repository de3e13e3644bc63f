package io.winloss.portal.program;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
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

@PortalTest
class ProgramPagesTests {

    @Autowired
    WebTestClient client;

    @Autowired
    Workspaces workspaces;

    @Autowired
    Users users;

    @Autowired
    Store store;

    @Autowired
    ProgramSchedule schedule;

    TestTenant tenant;
    ProgramFixture fixture;

    @BeforeEach
    void setUp() {
        TestTenant.owner(workspaces); // a fresh instance shows the setup page instead of the login page
        tenant = TestTenant.create(workspaces);
        fixture = new ProgramFixture(client, tenant, store);
    }

    private static MultiValueMap<String, String> form(String name, String inviteAfterDays, String reminders, String... outcomes) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("name", name);
        for (String outcome : outcomes) {
            form.add("outcomes", outcome);
        }
        form.add("minAmount", "");
        form.add("segments", "");
        form.add("inviteAfterDays", inviteAfterDays);
        form.add("reminderAfterDays", reminders);
        form.add("incentive", "");
        return form;
    }

    @Test
    void programsAreInTheMenuAndCreatedFromTheListPage() {
        PageSession session = PageSession.signIn(client, tenant.adminEmail(), TestTenant.PASSWORD);
        EntityExchangeResult<String> list = session.get("/programs");
        assertThat(list.getStatus().value()).isEqualTo(200);
        assertThat(list.getResponseBody()).contains("href=\"/programs\"", "New program", "name=\"_csrf\"");

        EntityExchangeResult<String> created = session.post("/programs", form("Every <loss>", "2.5", "3; 7.5", "lost"));
        assertThat(created.getStatus().is3xxRedirection()).isTrue();
        String location = created.getResponseHeaders().getLocation().getPath();
        assertThat(location).startsWith("/programs/");
        String page = session.get(location).getResponseBody();
        assertThat(page).contains("Every &lt;loss&gt;", "invited 2.5 days after the close date", "reminded 3, 7.5 days");
        assertThat(page).doesNotContain("Every <loss>");
        assertThat(session.get("/programs").getResponseBody()).contains("Every &lt;loss&gt;");
    }

    @Test
    void aRefusedFormIsShownAgainWithItsErrorsAndWhatWasTyped() {
        PageSession session = PageSession.signIn(client, tenant.adminEmail(), TestTenant.PASSWORD);
        session.get("/programs");
        EntityExchangeResult<String> refused = session.post("/programs", form("Typed name", "soon", "7,5"));
        assertThat(refused.getStatus().value()).isEqualTo(422);
        assertThat(refused.getResponseBody()).contains("Please correct", "outcomes", "inviteAfterDays", "reminderAfterDays",
                "value=\"Typed name\"", "value=\"7,5\"");
    }

    @Test
    void theProgramPageShowsItsHealthAndPlansAndPausesTheProgram() {
        String id = (String) fixture.program(Map.of("name", "Wins and losses", "outcomes", List.of("won", "lost"),
                "inviteAfterDays", 0, "reminderAfterDays", List.of(3))).get("id");
        String won = fixture.deal(Map.of("account", "Initech", "outcome", "won", "closeDate", ProgramFixture.today().toString(),
                "segment", "Mid market", "contacts", List.of(Map.of("name", "Ann", "email", "ann@initech.test"))));
        fixture.deal(Map.of("account", "Globex", "outcome", "lost", "closeDate", ProgramFixture.today().toString(),
                "segment", "Mid market", "contacts", List.of(Map.of("name", "Bob", "email", "bob@globex.test"))));
        fixture.deal(Map.of("account", "Hooli", "outcome", "lost", "closeDate", ProgramFixture.today().toString()));
        schedule.runDue(Instant.now()).block(Duration.ofSeconds(60));
        String token = ProgramFixture.token(fixture.mails(fixture.invitations(won).get(0).getString("_id")).get(0));
        SurveyFixture.survey(client, token).post(client, "/s/" + token, SurveyFixture.requiredAnswers("anonymous"))
                .expectStatus().isSeeOther();

        PageSession session = PageSession.signIn(client, tenant.adminEmail(), TestTenant.PASSWORD);
        String page = session.get("/programs/" + id).getResponseBody();
        assertThat(page).contains("Health", "Invitations sent", "Response rate (95% interval)", "50%", "Initech", "Globex",
                "Mid market", "Enough answers to compare wins with losses?", "19 more needed", ">answered<")
                .doesNotContain("Hooli");
        assertThat(page).containsPattern("<th scope=\"row\">Deals enrolled</th><td>2</td>");
        assertThat(page).containsPattern("<th scope=\"row\">Answered</th><td>1</td>");

        assertThat(session.post("/programs/" + id + "/pause", new LinkedMultiValueMap<>()).getStatus().is3xxRedirection()).isTrue();
        assertThat(session.get("/programs/" + id).getResponseBody()).contains("Resume this program", ">paused<");
    }

    @Test
    void interviewersAndOtherWorkspacesCannotOpenAProgram() {
        String id = (String) fixture.program(Map.of("name", "Losses", "outcomes", List.of("lost"), "inviteAfterDays", 3,
                "reminderAfterDays", List.of())).get("id");
        PageSession interviewer = PageSession.signIn(client, tenant.addUser(users, Role.INTERVIEWER), TestTenant.PASSWORD);
        assertThat(interviewer.get("/programs").getStatus().value()).isEqualTo(403);
        assertThat(interviewer.get("/").getResponseBody()).doesNotContain("href=\"/programs\"");
        TestTenant other = TestTenant.create(workspaces);
        PageSession them = PageSession.signIn(client, other.adminEmail(), TestTenant.PASSWORD);
        assertThat(them.get("/programs/" + id).getStatus().value()).isEqualTo(404);
    }
}
