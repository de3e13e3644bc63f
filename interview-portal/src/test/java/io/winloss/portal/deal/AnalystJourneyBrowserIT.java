package io.winloss.portal.deal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.winloss.portal.Browser;
import io.winloss.portal.SharedPortal;

/** A product manager in a real browser: records a lost deal, invites the buyer from the deal page, and the link opens the survey. */
class AnalystJourneyBrowserIT {

    @Test
    void analystRecordsADealAndInvitesTheBuyer() throws Exception {
        SharedPortal.Workspace portal = SharedPortal.workspace("analyst-journey");
        try (Browser browser = new Browser(Browser.PHONE)) {
            WebDriver page = browser.driver();
            WebDriverWait wait = new WebDriverWait(page, Duration.ofSeconds(10));
            browser.signIn(portal.baseUrl(), portal.adminEmail(), SharedPortal.PASSWORD);

            page.get(portal.baseUrl().resolve("/deals/new").toString());
            browser.assertNoSidewaysScrolling("the new deal form on a phone");
            browser.screenshot("analyst-new-deal-phone");
            page.findElement(By.id("account")).sendKeys("Umbrella <script>alert(1)</script>");
            new Select(page.findElement(By.id("outcome"))).selectByValue("lost");
            page.findElement(By.id("closeDate")).sendKeys("03/31/2026");
            page.findElement(By.id("amount")).sendKeys("48000");
            page.findElement(By.cssSelector("button[type=submit].primary")).click();

            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("invite-email")));
            assertThat(page.findElement(By.tagName("h1")).getText()).contains("Umbrella <script>alert(1)</script>");
            page.findElement(By.id("invite-email")).sendKeys("cfo@umbrella.test");
            page.findElement(By.cssSelector("#deal-answers button[type=submit]")).click();
            String link = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#deal-answers code.secret"))).getText();
            assertThat(link).startsWith(portal.baseUrl() + "/s/");
            assertThat(page.findElement(By.cssSelector("#deal-answers table")).getText()).contains("cfo@umbrella.test");
            browser.assertNoSidewaysScrolling("the deal page on a phone");
            browser.screenshot("analyst-deal-invited-phone");

            page.get(link);
            assertThat(page.findElement(By.tagName("h1")).getText()).contains("purchase decision");
            browser.assertNoContentSecurityPolicyViolations();
        }
    }
}
