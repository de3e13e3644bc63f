package io.winloss.portal.interview;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.winloss.portal.Browser;
import io.winloss.portal.PortalClient;
import io.winloss.portal.SharedPortal;

/**
 * A third-party interviewer in a real browser, on a phone: signs in, sees only the assigned deal, uploads a
 * transcript, watches it analyse, and corrects a sentence's tags; the correction shows as a person's tag.
 */
class InterviewerJourneyBrowserIT {

    private static final Path TRANSCRIPT = Path.of("src/test/resources/transcripts/lost-to-hubspot.txt");

    @Test
    void interviewerUploadsWatchesTheAnalysisAndCorrectsATag() throws Exception {
        SharedPortal.Workspace portal = SharedPortal.workspace("interviewer-journey");
        try (Browser browser = new Browser(Browser.PHONE)) {
            PortalClient api = portal.api();
            String assigned = api.createDeal("Umbrella");
            String other = api.createDeal("Initech");
            String interviewer = "iris@example.test";
            assertThat(api.postJson("/api/users", "{\"email\":\"" + interviewer + "\",\"password\":\"" + SharedPortal.PASSWORD
                    + "\",\"role\":\"INTERVIEWER\"}").statusCode()).isEqualTo(201);
            assertThat(api.postJson("/api/deals/" + assigned + "/assignments", "{\"interviewerEmail\":\"" + interviewer + "\"}")
                    .statusCode()).isEqualTo(201);

            WebDriver page = browser.driver();
            WebDriverWait wait = new WebDriverWait(page, Duration.ofSeconds(20));
            browser.signIn(portal.baseUrl(), interviewer, SharedPortal.PASSWORD);

            page.get(portal.baseUrl().resolve("/assigned").toString());
            String list = page.findElement(By.tagName("main")).getText();
            assertThat(list).contains("Umbrella").doesNotContain("Initech");
            browser.assertNoSidewaysScrolling("the interviewer's deals on a phone");
            browser.screenshot("assigned-deals-phone");
            page.get(portal.baseUrl().resolve("/assigned/" + other).toString());
            assertThat(page.findElement(By.tagName("main")).getText()).containsIgnoringCase("not found");

            page.get(portal.baseUrl().resolve("/assigned/" + assigned).toString());
            WebElement file = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#interviews input[type=file]")));
            browser.assertNoSidewaysScrolling("the assigned deal on a phone");
            browser.screenshot("assigned-deal-phone");
            file.sendKeys(TRANSCRIPT.toAbsolutePath().toString());
            page.findElement(By.cssSelector("#interviews #interviewer")).sendKeys("Priya Raman");
            page.findElement(By.cssSelector("#interviews button[type=submit]")).click();

            wait.until(ExpectedConditions.urlMatches("/interviews/[0-9a-f]+$"));
            // The page replaces its content as the analysis moves on, so the heading is looked up afresh until it reads right.
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "lost-to-hubspot.txt"));
            browser.screenshot("interview-analysing-phone");
            new WebDriverWait(page, Duration.ofMinutes(3)).until(
                    ExpectedConditions.textToBe(By.id("status-text"), "done"));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".turn.buyer .chip")));
            browser.assertNoSidewaysScrolling("the analysed interview on a phone");
            browser.screenshot("interview-analysed-phone");

            List<WebElement> turns = page.findElements(By.cssSelector(".conversation .turn"));
            assertThat(turns).extracting(t -> t.getAttribute("class")).anyMatch(c -> c.contains("buyer"))
                    .anyMatch(c -> c.contains("interviewer"));
            WebElement price = page.findElements(By.cssSelector(".sentence")).stream()
                    .filter(s -> s.getText().contains("your price hurt")).findFirst().orElseThrow();
            assertThat(price.findElements(By.cssSelector(".chip.criterion.machine"))).extracting(WebElement::getText).contains("price");

            price.findElement(By.linkText("Correct")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sentiment")));
            page.findElement(By.cssSelector("input[name=criteria][value=roi_value]")).click();
            new Select(page.findElement(By.id("sentiment"))).selectByValue("negative");
            browser.assertNoSidewaysScrolling("the correction form on a phone");
            browser.screenshot("correct-sentence-phone");
            page.findElement(By.cssSelector("button[type=submit].primary")).click();

            wait.until(ExpectedConditions.urlContains("/interviews/"));
            WebElement corrected = wait.until(d -> d.findElements(By.cssSelector(".sentence")).stream()
                    .filter(s -> s.getText().contains("your price hurt")).findFirst().orElse(null));
            assertThat(corrected.findElements(By.cssSelector(".chip.criterion.human"))).extracting(WebElement::getText)
                    .anyMatch(t -> t.contains("roi_value"));
            assertThat(corrected.getText()).contains("corrected by " + interviewer);
            browser.assertNoSidewaysScrolling("the corrected interview on a phone");
            browser.screenshot("interview-corrected-phone");

            page.get(portal.baseUrl().resolve("/deals").toString());
            assertThat(page.findElement(By.tagName("body")).getText()).doesNotContain("Initech");
            browser.assertNoContentSecurityPolicyViolations();
        }
    }
}
