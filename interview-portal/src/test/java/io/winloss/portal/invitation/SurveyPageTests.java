package io.winloss.portal.invitation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.web.server.csrf.DefaultCsrfToken;

import io.winloss.portal.PortalTest;
import io.winloss.portal.TestTenant;
import io.winloss.portal.survey.QuestionType;
import io.winloss.portal.survey.Survey;
import io.winloss.portal.survey.SurveyForm;
import io.winloss.portal.survey.Surveys;
import io.winloss.portal.workspace.Workspaces;

/** The prerendered survey page must be exactly the page Thymeleaf renders for the same link. */
@PortalTest
class SurveyPageTests {

    @Autowired
    SurveyPage page;

    @Autowired
    Surveys surveys;

    @Autowired
    Workspaces workspaces;

    Survey survey;

    @BeforeEach
    void setUp() {
        TestTenant tenant = TestTenant.create(workspaces);
        survey = surveys.current(tenant.workspace().id()).block(Duration.ofSeconds(10));
    }

    private static MockServerWebExchange exchange(String token) {
        return MockServerWebExchange.from(MockServerHttpRequest.get("/s/" + token));
    }

    private SurveyPage.Values values(String token, String incentive, String csrf) {
        return new SurveyPage.Values(token, SurveyForm.of(survey, Map.of(), List.of()), "survey-draft-" + token.length(),
                incentive, new DefaultCsrfToken("X-XSRF-TOKEN", "_csrf", csrf));
    }

    @Test
    void prerenderedPageIsTheFullyRenderedPageForEveryLink() {
        String incentive = "<b>\"Thanks\" & 'a gift'</b> of $25";
        for (String token : List.of("kZPmK-HISxUAsmw1hVRiGcBYby7GcLmLXRXLkcRF794", "Ab_9-zz", "secondLinkOfTheSameSurvey")) {
            for (String thanks : List.of(incentive, "")) {
                SurveyPage.Values link = values(token, thanks, "csrf-" + token + "-" + thanks.length());
                String prerendered = page.html(link, exchange(token));
                String full = page.renderInFull(link, exchange(token));
                assertThat(prerendered).isEqualTo(full);
                assertThat(prerendered).contains("action=\"/s/" + token + "\"", "value=\"csrf-" + token);
            }
        }
        String withIncentive = page.html(values("Ab_9-zz", incentive, "c"), exchange("Ab_9-zz"));
        assertThat(withIncentive).contains("&lt;b&gt;&quot;Thanks&quot; &amp; &#39;a gift&#39;&lt;/b&gt;").doesNotContain("<b>");
    }

    private String firstTextQuestion() {
        return survey.questions().stream().filter(q -> q.type() == QuestionType.FREE_TEXT).findFirst().orElseThrow().id();
    }

    @Test
    void pageWithADraftIsRenderedInFullWithTheDraft() {
        SurveyPage.Values draft = new SurveyPage.Values("Ab_9-zz",
                SurveyForm.of(survey, Map.of(firstTextQuestion(), List.of("We chose <Initech>")), List.of()),
                "d", "", new DefaultCsrfToken("X-XSRF-TOKEN", "_csrf", "c"));
        assertThat(page.html(draft, exchange("Ab_9-zz"))).contains("We chose &lt;Initech&gt;");
    }

    @Test
    void theCsrfFieldIsWrittenOnceInTheSurveyForm() {
        String html = page.html(values("Ab_9-zz", "", "the-csrf-token"), exchange("Ab_9-zz"));
        assertThat(html.split("name=\"_csrf\"", -1)).hasSize(2);
        assertThat(html).contains("<meta name=\"csrf-token\" content=\"the-csrf-token\">");
    }
}
