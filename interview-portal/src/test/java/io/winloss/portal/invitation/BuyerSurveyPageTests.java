package io.winloss.portal.invitation;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.mongodb.client.model.Updates;

import io.winloss.portal.PortalTest;
import io.winloss.portal.TestTenant;
import io.winloss.portal.store.Collections;
import io.winloss.portal.store.Store;
import io.winloss.portal.workspace.Workspaces;
import reactor.core.publisher.Mono;

@PortalTest
class BuyerSurveyPageTests {

    @Autowired
    WebTestClient client;

    @Autowired
    Workspaces workspaces;

    @Autowired
    Store store;

    TestTenant tenant;
    String dealId;
    Map<String, Object> invitation;
    String token;

    @BeforeEach
    void setUp() {
        tenant = TestTenant.create(workspaces);
        dealId = SurveyFixture.deal(store, tenant.workspace().id(), "Globex Industries");
        invitation = SurveyFixture.invite(client, tenant, dealId, "buyer@example.com", "A donation of $25 to a charity you choose");
        token = SurveyFixture.token(invitation);
    }

    private Document response() {
        return Mono.from(store.global(Collections.RESPONSES).find(eq("_id", invitation.get("id"))).first()).block(Duration.ofSeconds(10));
    }

    @Test
    void surveyFormCarriesExactlyOneCsrfField() {
        String html = SurveyFixture.survey(client, token).html();
        assertThat(html.split("name=\"_csrf\"", -1)).as("one hidden CSRF field").hasSize(2);
        assertThat(html).contains("action=\"/s/" + token + "\"", "/s/" + token + "/opt-out");
    }

    @Test
    void surveyPageShowsQuestionsAndIncentiveButNotWhoseDealItIs() {
        String html = SurveyFixture.survey(client, token).html();
        assertThat(html).contains("<html lang=\"en\"", "your recent purchase decision", "A donation of $25",
                "Product fit", "May we attribute your answers to you by name?", "<legend>", "/js/survey.js",
                "name=\"csrf-token\"");
        assertThat(html).doesNotContain("Globex", tenant.workspace().name(), "style=\"");
        assertThat(html).doesNotContainPattern("<script(?![^>]*src=)");
    }

    @Test
    void unknownTokenShowsNotFoundPage() {
        String html = SurveyFixture.get(client, "/s/no-such-token-at-all", HttpStatus.NOT_FOUND).html();
        assertThat(html).contains("Not found");
    }

    @Test
    void expiredLinkShowsGonePage() {
        SurveyFixture.expire(store, (String) invitation.get("id"));
        String html = SurveyFixture.get(client, "/s/" + token, HttpStatus.GONE).html();
        assertThat(html).contains("expired").doesNotContain("Globex", tenant.workspace().name());
    }

    @Test
    void submittedAnswersAreStoredOnceAndASecondSubmissionNeverOverwrites() {
        SurveyFixture.Page page = SurveyFixture.survey(client, token);
        MultiValueMap<String, String> first = SurveyFixture.requiredAnswers("yes");
        first.add("whatWouldHaveChanged", "A lower price <b>then</b>");
        first.add("salesExperience", "4");
        page.post(client, "/s/" + token, first)
                .expectStatus().isSeeOther()
                .expectHeader().valueEquals("Location", "/s/" + token + "/thanks");

        MultiValueMap<String, String> second = SurveyFixture.requiredAnswers("anonymous");
        second.set("primaryReason", "support");
        String again = new String(page.post(client, "/s/" + token, second).expectStatus().isOk()
                .expectBody().returnResult().getResponseBody());
        assertThat(again).contains("answers were received");

        Document stored = response();
        assertThat(stored.getString("workspaceId")).isEqualTo(tenant.workspace().id().value());
        assertThat(stored.getString("dealId")).isEqualTo(dealId);
        assertThat(stored.getString("invitationId")).isEqualTo(invitation.get("id"));
        assertThat(stored.getInteger("surveyVersion")).isZero();
        assertThat(stored.getBoolean("attributable")).isTrue();
        assertThat(stored.getString("email")).isEqualTo("buyer@example.com");
        Document answers = stored.get("answers", Document.class);
        assertThat(answers.getString("primaryReason")).isEqualTo("price");
        assertThat(answers.getInteger("salesExperience")).isEqualTo(4);
        assertThat(answers.getString("whatWouldHaveChanged")).isEqualTo("A lower price <b>then</b>");

        assertThat(SurveyFixture.get(client, "/s/" + token, HttpStatus.OK).html()).contains("answers were received");
        SurveyFixture.get(client, "/s/" + token + "/thanks", HttpStatus.OK);
    }

    @Test
    void answersLargerThanAFormMayBeAreRefusedWithAPageAndNothingIsStored() {
        SurveyFixture.Page page = SurveyFixture.survey(client, token);
        MultiValueMap<String, String> answers = SurveyFixture.requiredAnswers("yes");
        answers.add("whatWouldHaveChanged", "x".repeat(2 * 1024 * 1024));

        String refused = new String(page.post(client, "/s/" + token, answers).expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
                .expectBody().returnResult().getResponseBody());

        assertThat(refused).contains("Your answers are too long", "Nothing was sent");
        assertThat(response()).isNull();
        assertThat(SurveyFixture.get(client, "/s/" + token, HttpStatus.OK).html()).contains("id=\"survey-form\"");
    }

    @Test
    void requiredQuestionsAreCheckedAndEnteredValuesShownAgain() {
        SurveyFixture.Page page = SurveyFixture.survey(client, token);
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("whatWouldHaveChanged", "Faster onboarding & <script>x</script>");
        form.add("primaryReason", "not-a-criterion");
        String html = new String(page.post(client, "/s/" + token, form).expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                .expectBody().returnResult().getResponseBody());
        assertThat(html).contains("please answer this question", "please choose one of the offered answers",
                "Faster onboarding &amp; &lt;script&gt;x&lt;/script&gt;");
        assertThat(response()).isNull();
    }

    @Test
    void draftIsSavedAndRenderedIntoTheFormOnAnotherDevice() {
        SurveyFixture.Page page = SurveyFixture.survey(client, token);
        MultiValueMap<String, String> draft = new LinkedMultiValueMap<>();
        draft.add("primaryReason", "integration");
        draft.add("vendorComparison", "Initech was cheaper");
        draft.add("notAQuestion", "ignored");
        page.postDraft(client, "/s/" + token + "/draft", draft).expectStatus().isNoContent();

        String html = SurveyFixture.survey(client.mutate().build(), token).html();
        assertThat(html).contains("Initech was cheaper");
        assertThat(html).containsPattern("value=\"integration\"\\s+checked");
        assertThat(html).doesNotContain("ignored");
    }

    @Test
    void anInvitationStoredBeforeDraftsWereNotedStillShowsItsDraft() {
        String id = (String) invitation.get("id");
        Mono.from(store.global(Collections.INVITATIONS).updateOne(eq("_id", id), Updates.unset("draftSaved")))
                .block(Duration.ofSeconds(10));
        store.tenant(tenant.workspace().id(), Collections.DRAFTS)
                .insert(new Document("_id", id).append("values", new Document("vendorComparison", List.of("Initech was cheaper"))))
                .block(Duration.ofSeconds(10));

        assertThat(SurveyFixture.survey(client, token).html()).contains("Initech was cheaper");
    }

    @Test
    void draftWithoutCsrfTokenIsRefused() {
        MultiValueMap<String, String> draft = new LinkedMultiValueMap<>();
        draft.add("vendorComparison", "x");
        client.post().uri("/s/" + token + "/draft").bodyValue(draft).exchange().expectStatus().isForbidden();
    }

    @Test
    void optOutIsConfirmedAndTheBuyerMayStillAnswer() {
        String html = SurveyFixture.get(client, "/s/" + token + "/opt-out", HttpStatus.OK).html();
        assertThat(html).contains("No more reminders", "any more reminders").doesNotContain("Globex");
        Document stored = Mono.from(store.global(Collections.INVITATIONS).find(eq("_id", invitation.get("id"))).first())
                .block(Duration.ofSeconds(10));
        assertThat(stored.getDate("optedOutAt")).isNotNull();

        SurveyFixture.survey(client, token).post(client, "/s/" + token, SurveyFixture.requiredAnswers("anonymous"))
                .expectStatus().isSeeOther();
        assertThat(response()).isNotNull();
    }
}
