package io.winloss.portal.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import io.winloss.portal.PortalTest;
import io.winloss.portal.TestTenant;
import io.winloss.portal.account.Role;
import io.winloss.portal.account.Users;
import io.winloss.portal.invitation.SurveyFixture;
import io.winloss.portal.store.Store;
import io.winloss.portal.web.Conflict;
import io.winloss.portal.web.InvalidInput;
import io.winloss.portal.workspace.WorkspaceId;
import io.winloss.portal.workspace.Workspaces;

@PortalTest
class SurveyBuilderTests {

    @Autowired
    WebTestClient client;

    @Autowired
    Workspaces workspaces;

    @Autowired
    Surveys surveys;

    @Autowired
    Store store;

    @Autowired
    Users users;

    TestTenant tenant;

    @BeforeEach
    void setUp() {
        TestTenant.owner(workspaces); // login answers only once the instance is set up
        tenant = TestTenant.create(workspaces);
    }

    /** The builder form as the page posts it, for the given questions. */
    private static MultiValueMap<String, String> form(int basedOn, List<Question> questions, String action) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("basedOn", String.valueOf(basedOn));
        form.add("count", String.valueOf(questions.size()));
        for (int i = 0; i < questions.size(); i++) {
            Question q = questions.get(i);
            form.add("q" + i + ".id", q.id());
            form.add("q" + i + ".prompt", q.prompt());
            form.add("q" + i + ".type", q.type().id());
            if (q.required()) {
                form.add("q" + i + ".required", "true");
            }
            form.add("q" + i + ".choices", String.join("\n", q.choices().stream().map(c -> c.value() + ": " + c.label()).toList()));
        }
        form.add("action", action);
        return form;
    }

    @Test
    void workspaceWithoutSurveyAsksTheDefaultQuestions() {
        Survey survey = surveys.current(tenant.workspace().id()).block(Duration.ofSeconds(10));
        assertThat(survey.version()).isZero();
        assertThat(survey.questions()).extracting(Question::id).containsExactly("primaryReason", "vendorComparison",
                "competitorsConsidered", "whatWouldHaveChanged", "salesExperience", "attribution");
        assertThat(survey.question("primaryReason").orElseThrow().choices()).hasSize(14);
    }

    @Test
    void adminMovesAddsAndSavesQuestionsAsANewVersionThatBuyersSee() {
        SurveyFixture.Staff admin = SurveyFixture.signIn(client, tenant.adminEmail());
        SurveyFixture.Page page = admin.get("/admin/survey");
        assertThat(page.html()).contains("What was the primary reason for your decision?", "Move up", "Save as a new version");

        List<Question> questions = new ArrayList<>(DefaultSurvey.SURVEY.questions());
        String moved = new String(page.post(admin.client(), "/admin/survey", form(0, questions, "down-0"))
                .expectStatus().isOk().expectBody().returnResult().getResponseBody());
        assertThat(moved.indexOf("How did the vendors")).isLessThan(moved.indexOf("What was the primary reason"));
        assertThat(surveys.current(tenant.workspace().id()).block(Duration.ofSeconds(10)).version()).isZero();

        questions.add(new Question("likelihood", "How likely are you to recommend us?", QuestionType.LIKELIHOOD_TO_RECOMMEND, true, List.of()));
        String saved = new String(page.post(admin.client(), "/admin/survey", form(0, questions, "save"))
                .expectStatus().isOk().expectBody().returnResult().getResponseBody());
        assertThat(saved).contains("Saved as version");
        Survey current = surveys.current(tenant.workspace().id()).block(Duration.ofSeconds(10));
        assertThat(current.version()).isEqualTo(1);
        assertThat(current.question("likelihood").orElseThrow().required()).isTrue();

        String dealId = SurveyFixture.deal(store, tenant.workspace().id(), "Wayne Enterprises");
        String token = SurveyFixture.token(SurveyFixture.invite(client, tenant, dealId, "b@example.com", null));
        assertThat(SurveyFixture.survey(client, token).html()).contains("How likely are you to recommend us?", "likelihood-10");
    }

    @Test
    void aVersionSavedThroughAnotherProcessIsCurrentWithinASecondOrSo() throws InterruptedException {
        WorkspaceId workspace = tenant.workspace().id();
        assertThat(surveys.current(workspace).block(Duration.ofSeconds(10)).version()).isZero();
        // what another process's save writes, straight into the shared store: this process's cache knows nothing of it
        List<Question> questions = new ArrayList<>(DefaultSurvey.SURVEY.questions());
        questions.add(new Question("elsewhere", "Saved on another process?", QuestionType.FREE_TEXT, false, List.of()));
        new Surveys(store).save(workspace, 0, questions, "other-process@example.com").block(Duration.ofSeconds(10));

        long deadline = System.nanoTime() + (Surveys.CURRENT_FOR.toNanos() * 3);
        Survey current = surveys.current(workspace).block(Duration.ofSeconds(10));
        while (current.version() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
            current = surveys.current(workspace).block(Duration.ofSeconds(10));
        }
        assertThat(current.version()).isEqualTo(1);
        assertThat(current.question("elsewhere")).isPresent();
    }

    @Test
    void analystsCannotOpenTheBuilder() {
        String analyst = tenant.addUser(users, Role.ANALYST);
        SurveyFixture.signIn(client, analyst).client().get().uri("/admin/survey").exchange().expectStatus().isForbidden();
    }

    @Test
    void choiceQuestionsNeedChoicesAndSavingTheSameVersionTwiceConflicts() {
        var id = tenant.workspace().id();
        List<Question> bad = List.of(new Question("pick", "Pick one", QuestionType.SINGLE_CHOICE, true, List.of()));
        assertThatThrownBy(() -> surveys.save(id, 0, bad, "a").block(Duration.ofSeconds(10)))
                .isInstanceOf(InvalidInput.class);
        List<Question> good = List.of(new Question("why", "Why?", QuestionType.FREE_TEXT, true, List.of()));
        surveys.save(id, 0, good, "a").block(Duration.ofSeconds(10));
        assertThatThrownBy(() -> surveys.save(id, 0, good, "b").block(Duration.ofSeconds(10)))
                .isInstanceOf(Conflict.class);
    }

    @Test
    void answersAreValidatedAgainstTheQuestionTypes() {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("primaryReason", "price");
        form.add("attribution", "yes");
        form.add("salesExperience", "9");
        AnswerSheet sheet = AnswerSheet.read(DefaultSurvey.SURVEY, form);
        assertThat(sheet.errorFor("salesExperience")).isNotNull();
        form.set("salesExperience", "5");
        sheet = AnswerSheet.read(DefaultSurvey.SURVEY, form);
        assertThat(sheet.valid()).isTrue();
        assertThat(sheet.attributable()).isTrue();
        assertThat(sheet.answers()).containsEntry("salesExperience", 5).containsEntry("primaryReason", "price");
    }
}
