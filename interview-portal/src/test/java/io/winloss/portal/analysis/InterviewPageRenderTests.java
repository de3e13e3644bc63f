package io.winloss.portal.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import io.winloss.portal.PageSession;
import io.winloss.portal.PortalTest;
import io.winloss.portal.TestTenant;
import io.winloss.portal.account.Role;
import io.winloss.portal.account.Users;
import io.winloss.portal.interview.Interview;
import io.winloss.portal.interview.Interviews;
import io.winloss.portal.invitation.SurveyFixture;
import io.winloss.portal.store.Store;
import io.winloss.portal.workspace.Workspaces;
import reactor.core.publisher.Flux;

/**
 * The interview page over a stored analysis (written here directly, so no models load): turns, chips, filters,
 * escaping, and a correction made through the page showing as a person's tag beside the machine's.
 */
@PortalTest
class InterviewPageRenderTests {

    @Autowired
    WebTestClient client;

    @Autowired
    Workspaces workspaces;

    @Autowired
    Users users;

    @Autowired
    Store store;

    @Autowired
    Interviews interviews;

    @Autowired
    Analyses analyses;

    TestTenant tenant;
    Interview interview;
    PageSession analyst;

    private static AnalysedSentence buyer(int index, int turn, String text, List<String> competitors, List<String> criteria,
            String sentiment) {
        return new AnalysedSentence(index, turn, "Tom <Becker>", "buyer", text, 62.0, competitors, List.of("Globex Corp"),
                criteria, sentiment, sentiment.equals("negative") ? -1.2 : 0.8,
                List.of(new AnalysedSentence.AspectTag("criterion", criteria.isEmpty() ? "price" : criteria.get(0), sentiment, -1.0)),
                List.of("price"));
    }

    @BeforeEach
    void analysedInterview() {
        TestTenant.owner(workspaces);
        tenant = TestTenant.create(workspaces);
        String dealId = SurveyFixture.deal(store, tenant.workspace().id(), "Hooli");
        interview = interviews.upload(tenant.workspace().id(), tenant.adminEmail(),
                new Interviews.Upload(dealId, "call.txt", List.of("Priya"), null),
                Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(new byte[] {0, 1, 2}))).block(Duration.ofSeconds(10));
        analyses.save(tenant.workspace().id(), interview.target(), "job", List.of(
                new AnalysedSentence(0, 0, "Priya", "interviewer", "Why did you choose them?", 0.0, List.of(), List.of(),
                        List.of(), null, null, List.of(), List.of()),
                buyer(1, 1, "HubSpot's price was <b>lower</b>.", List.of("HubSpot"), List.of("price"), "negative"),
                buyer(2, 1, "Support was great.", List.of(), List.of("support"), "positive")), Instant.now())
                .block(Duration.ofSeconds(10));
        analyst = PageSession.signIn(client, tenant.addUser(users, Role.ANALYST), TestTenant.PASSWORD);
    }

    @Test
    void showsTurnsWithChipsAndEscapesWhatPeopleSaid() {
        String html = analyst.get("/interviews/" + interview.id()).getResponseBody();

        assertThat(html).contains("class=\"turn buyer\"", "class=\"turn interviewer\"");
        assertThat(html).contains("HubSpot&#39;s price was &lt;b&gt;lower&lt;/b&gt;.").doesNotContain("<b>lower</b>");
        assertThat(html).contains("Tom &lt;Becker&gt;").contains("1:02");
        assertThat(html).contains(">HubSpot<", ">price<", ">support<", "Globex Corp?", "add to list");
        String question = html.substring(html.indexOf("id=\"s-0\""), html.indexOf("id=\"s-1\""));
        assertThat(question).contains("Why did you choose them?").doesNotContain("Correct").doesNotContain("chip");
    }

    @Test
    void filtersKeepMatchingBuyerSentencesWithTheirQuestion() {
        String html = analyst.get("/interviews/" + interview.id() + "?criterion=support").getResponseBody();

        assertThat(html).contains("Support was great.", "Why did you choose them?").doesNotContain("price was");
        assertThat(html).contains("1 shown, 2 buyer sentences");
    }

    @Test
    void aCorrectionThroughThePageShowsAsAPersonsTag() {
        assertThat(analyst.get("/interviews/" + interview.id() + "/sentences/1").getResponseBody())
                .contains("HubSpot&#39;s price was &lt;b&gt;lower&lt;/b&gt;.")
                .containsPattern("value=\"price\"\s+checked");
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("competitors", "HubSpot");
        form.add("criteria", "price");
        form.add("criteria", "roi_value");
        form.add("sentiment", "neutral");

        assertThat(analyst.post("/interviews/" + interview.id() + "/sentences/1", form).getStatus().is3xxRedirection()).isTrue();

        String html = analyst.get("/interviews/" + interview.id()).getResponseBody();
        assertThat(html).containsPattern("chip criterion human\">roi_value<");
        assertThat(html).containsPattern("chip sentiment neutral human\">neutral<");
        assertThat(html).contains("corrected by ");
    }

    @Test
    void interviewerSentencesCannotBeCorrected() {
        assertThat(analyst.get("/interviews/" + interview.id() + "/sentences/0").getStatus()).isEqualTo(HttpStatus.NOT_FOUND);
    }
}
