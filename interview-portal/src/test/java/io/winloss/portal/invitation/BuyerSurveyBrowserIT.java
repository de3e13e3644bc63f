package io.winloss.portal.invitation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.winloss.portal.Browser;
import io.winloss.portal.PortalClient;
import io.winloss.portal.SharedPortal;

/**
 * The buyer's whole journey in a real Chromium, on a phone and on a desktop: open the link, answer, leave and come back,
 * submit, thank-you, and the link again. No page scrolls sideways. {@link BuyerPagesAccessibilityBrowserIT} runs axe-core
 * on every buyer page.
 */
class BuyerSurveyBrowserIT {

    static SharedPortal.Workspace portal;
    static PortalClient api;

    @BeforeAll
    static void workspace() throws Exception {
        portal = SharedPortal.workspace("buyer-browser");
        api = portal.api();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"phone", "desktop"})
    void buyerAnswersFromTheLinkAndSeesTheThankYouPage(String viewport) throws Exception {
        Dimension size = viewport.equals("phone") ? Browser.PHONE : Browser.DESKTOP;
        String dealId = api.createDeal("Globex Secret Account");
        String link = portal.baseUrl().resolve(api.invite(dealId, "buyer@globex.test")).toString();

        try (Browser browser = new Browser(size)) {
            WebDriver page = browser.driver();
            page.get(link);
            assertThat(page.getTitle()).contains("purchase decision");
            assertThat(page.getPageSource()).as("the link does not reveal the vendor's account").doesNotContain("Globex Secret Account");
            assertThat(page.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");

            page.findElement(By.cssSelector("label[for='primaryReason-0']")).click();
            page.findElement(By.id("whatWouldHaveChanged")).sendKeys("A clearer <b>price</b> & faster onboarding");
            browser.assertNoSidewaysScrolling("the survey");
            browser.screenshot("buyer-survey-" + viewport);

            // closing the tab loses nothing: the draft comes back on the next visit
            new WebDriverWait(page, Duration.ofSeconds(10)).until(
                    ExpectedConditions.textToBe(By.id("draft-status"), "Draft saved."));
            page.get(link);
            assertThat(page.findElement(By.id("whatWouldHaveChanged")).getAttribute("value"))
                    .isEqualTo("A clearer <b>price</b> & faster onboarding");
            assertThat(page.findElement(By.id("primaryReason-0")).isSelected()).isTrue();

            page.findElement(By.cssSelector("label[for='attribution-1']")).click();
            page.findElement(By.cssSelector("#survey-form button[type=submit]")).click();
            new WebDriverWait(page, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/thanks"));
            assertThat(page.findElement(By.tagName("h1")).getText()).containsIgnoringCase("thank");
            browser.assertNoSidewaysScrolling("the thank-you page");
            browser.screenshot("buyer-thanks-" + viewport);

            page.get(link);
            assertThat(page.getPageSource()).containsIgnoringCase("received");
            browser.assertNoSidewaysScrolling("the page of a link already answered");
            browser.screenshot("buyer-already-answered-" + viewport);
            browser.assertNoContentSecurityPolicyViolations();
        }

        String responses = api.getJson("/api/deals/" + dealId + "/responses").body();
        assertThat(responses).contains("A clearer <b>price</b> & faster onboarding", "\"attributable\":false");
    }
}
