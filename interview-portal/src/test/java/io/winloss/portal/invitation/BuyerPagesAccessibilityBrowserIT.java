package io.winloss.portal.invitation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.winloss.portal.Browser;
import io.winloss.portal.PortalTest;
import io.winloss.portal.TestTenant;
import io.winloss.portal.store.Store;
import io.winloss.portal.workspace.Workspaces;

/**
 * Every page a buyer can reach passes axe-core's WCAG 2.1 A and AA rules, on a desktop and on a 390 px phone, and fits
 * the phone without sideways scrolling: the survey empty and sent back with its errors, the thank-you page, the page of
 * a link already answered, the opt-out page, an unknown link (404) and an expired one (410). A field without a label
 * added to the last page shows that the check fails when a rule is broken.
 */
@PortalTest
class BuyerPagesAccessibilityBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    WebTestClient client;

    @Autowired
    Workspaces workspaces;

    @Autowired
    Store store;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"desktop", "phone"})
    void everyBuyerPageIsAccessible(String viewport) throws Exception {
        Dimension size = viewport.equals("phone") ? Browser.PHONE : Browser.DESKTOP;
        TestTenant tenant = TestTenant.create(workspaces);
        String dealId = SurveyFixture.deal(store, tenant.workspace().id(), "Globex Industries");
        String answered = SurveyFixture.token(SurveyFixture.invite(client, tenant, dealId, "cfo@globex.test",
                "A donation of $25 to a charity you choose"));
        String optedOut = SurveyFixture.token(SurveyFixture.invite(client, tenant, dealId, "cto@globex.test", null));
        Map<String, Object> late = SurveyFixture.invite(client, tenant, dealId, "cio@globex.test", null);
        SurveyFixture.expire(store, (String) late.get("id"));
        URI portal = URI.create("http://localhost:" + port);

        try (Browser browser = new Browser(size)) {
            WebDriver page = browser.driver();
            WebDriverWait wait = new WebDriverWait(page, Duration.ofSeconds(15));

            page.get(portal.resolve("/s/" + answered).toString());
            assertThat(page.findElement(By.tagName("h1")).getText()).contains("purchase decision");
            check(browser, "the empty survey", "survey-" + viewport);

            page.findElement(By.cssSelector("#survey-form button[type=submit]")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#survey-form .errors")));
            assertThat(page.findElement(By.id("primaryReason")).getAttribute("aria-describedby")).isEqualTo("primaryReason-error");
            check(browser, "the survey with its errors", "survey-errors-" + viewport);

            page.findElement(By.cssSelector("label[for='primaryReason-0']")).click();
            page.findElement(By.cssSelector("label[for='attribution-1']")).click();
            page.findElement(By.cssSelector("#survey-form button[type=submit]")).click();
            browser.waitForPath("/s/" + answered + "/thanks");
            assertThat(page.findElement(By.tagName("h1")).getText()).containsIgnoringCase("thank");
            check(browser, "the thank-you page", "thanks-" + viewport);

            page.get(portal.resolve("/s/" + answered).toString());
            assertThat(page.findElement(By.tagName("main")).getText()).containsIgnoringCase("received");
            check(browser, "the page of a link already answered", "already-answered-" + viewport);

            page.get(portal.resolve("/s/" + optedOut + "/opt-out").toString());
            assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("No more reminders");
            check(browser, "the opt-out page", "opted-out-" + viewport);

            page.get(portal.resolve("/s/no-such-token-at-all").toString());
            assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Not found");
            check(browser, "the page of an unknown link", "unknown-link-" + viewport);

            page.get(portal.resolve("/s/" + SurveyFixture.token(late)).toString());
            assertThat(page.findElement(By.tagName("h1")).getText()).contains("expired");
            check(browser, "the page of an expired link", "expired-" + viewport);

            browser.assertNoContentSecurityPolicyViolations();

            // control: the check sees what it is meant to see, here a text field nobody can name
            ((JavascriptExecutor) page).executeScript("var field = document.createElement('input');"
                    + " field.type = 'text'; document.querySelector('main').appendChild(field);");
            assertThatThrownBy(() -> browser.assertAccessible("a page with an unlabelled field"))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("- label (critical): Form elements must have labels")
                    .hasMessageContaining("\n    input ");
        }
    }

    private static void check(Browser browser, String what, String screenshot) throws Exception {
        browser.screenshot(screenshot);
        browser.assertNoSidewaysScrolling(what);
        browser.assertAccessible(what);
    }
}
