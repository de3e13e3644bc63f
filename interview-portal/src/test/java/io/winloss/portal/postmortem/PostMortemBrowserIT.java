package io.winloss.portal.postmortem;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.winloss.portal.Browser;
import io.winloss.portal.PortalClient;
import io.winloss.portal.SharedPortal;

/**
 * A product manager in a real browser runs the post-mortem of a lost deal that has touchpoints and a buyer's answer:
 * opens it from the deal page, reads the timeline and the anonymous answer, writes the five whys with a root cause,
 * saves, and rates the post-mortem; then reads the same page on a phone without sideways scrolling.
 */
class PostMortemBrowserIT {

    private static final String ANALYST = "pm@example.test";

    @Test
    void analystRunsTheFiveWhysOfALostDealAndRatesThePostMortem() throws Exception {
        SharedPortal.Workspace portal = SharedPortal.workspace("post-mortem-journey");
        try (Browser browser = new Browser(Browser.DESKTOP)) {
            PortalClient api = portal.api();
            String dealId = lostDealWithTouchpointsAndAnAnswer(api);
            WebDriver page = browser.driver();
            WebDriverWait wait = new WebDriverWait(page, Duration.ofSeconds(15));
            assertThat(api.postJson("/api/users", "{\"email\":\"" + ANALYST + "\",\"password\":\"" + SharedPortal.PASSWORD
                    + "\",\"role\":\"ANALYST\"}").statusCode()).isEqualTo(201);
            browser.signIn(portal.baseUrl(), ANALYST, SharedPortal.PASSWORD);

            page.get(portal.baseUrl().resolve("/deals/" + dealId).toString());
            page.findElement(By.linkText("Post-mortem")).click();
            browser.waitForPath("/deals/" + dealId + "/post-mortem");
            List<String> timeline = page.findElements(By.cssSelector("ol.timeline li .what strong")).stream()
                    .map(WebElement::getText).toList();
            assertThat(timeline).containsSubsequence("Deal opened", "Meeting", "Demo", "Proposal", "Negotiation",
                    "Deal closed: lost", "Buyer answered the survey");
            assertThat(page.findElement(By.cssSelector("ol.timeline")).getText())
                    .contains("Pricing pushback <b>hard</b>", "by Ann Example");
            assertThat(page.findElement(By.cssSelector("blockquote.rep-reason")).getText()).isEqualTo("Price: too expensive");
            WebElement answer = page.findElement(By.cssSelector("article.response"));
            assertThat(answer.findElement(By.tagName("h3")).getText()).contains("Anonymous buyer")
                    .doesNotContain("cfo@umbrella.test");
            assertThat(answer.getText()).contains("Your security review took six weeks.");
            browser.screenshot("post-mortem-desktop");

            page.findElement(By.id("problem")).sendKeys("We lost Umbrella after a three-month cycle we forecast as committed.");
            page.findElement(By.id("why-1")).sendKeys("They chose a vendor that passed security review faster.");
            page.findElement(By.id("why-2")).sendKeys("Our security questionnaire answers took six weeks.");
            page.findElement(By.id("why-3")).sendKeys("Nobody owns security questionnaires in sales.");
            page.findElement(By.id("cause-1")).sendKeys("No owner for security reviews during a deal");
            new Select(page.findElement(By.id("category-1"))).selectByValue("process");
            scrollAndClick(page, page.findElement(By.cssSelector("form.five-whys button[type=submit]")));
            wait.until(ExpectedConditions.urlContains("saved=whys"));
            WebElement cause = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("root-cause-1")));
            assertThat(cause.getText()).contains("process", "No owner for security reviews during a deal");
            assertThat(cause.findElement(By.linkText("Create an action from this root cause")).getAttribute("href"))
                    .endsWith("/actions/new?dealId=" + dealId + "&rootCause=1");
            assertThat(page.findElement(By.id("last-edit")).getText()).contains("Last saved by " + ANALYST);
            assertThat(page.findElement(By.id("why-3")).getAttribute("value")).isEqualTo("Nobody owns security questionnaires in sales.");
            scrollTo(page, page.findElement(By.id("five-whys")));
            browser.screenshot("post-mortem-five-whys-desktop");

            scrollAndClick(page, page.findElement(By.id("score-4")));
            page.findElement(By.id("worked")).sendKeys("Reading the buyer's answer before the reps spoke.");
            page.findElement(By.id("biased")).sendKeys("The rep's reason framed <i>price</i> before we looked.");
            scrollAndClick(page, page.findElement(By.cssSelector("form.rate button[type=submit]")));
            wait.until(ExpectedConditions.urlContains("saved=rating"));
            assertThat(page.findElement(By.id("rating-summary")).getText()).contains("4.0 out of 5", "1 rating");
            assertThat(page.findElement(By.cssSelector("ul.comments")).getText())
                    .contains("Reading the buyer's answer before the reps spoke.", "The rep's reason framed <i>price</i> before we looked.");
            assertThat(page.findElement(By.id("score-4")).isSelected()).isTrue();
            scrollTo(page, page.findElement(By.id("rating")));
            browser.screenshot("post-mortem-rated-desktop");

            page.manage().window().setSize(Browser.PHONE);
            page.get(portal.baseUrl().resolve("/deals/" + dealId + "/post-mortem").toString());
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("root-cause-1")));
            long overflow = (Long) ((JavascriptExecutor) page).executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(overflow).as("sideways scrolling on a phone").isLessThanOrEqualTo(0);
            browser.screenshot("post-mortem-phone");
            scrollTo(page, page.findElement(By.id("timeline")));
            browser.screenshot("post-mortem-timeline-phone");
            scrollTo(page, page.findElement(By.id("five-whys")));
            browser.screenshot("post-mortem-five-whys-phone");
            scrollTo(page, page.findElement(By.id("rating")));
            browser.screenshot("post-mortem-rating-phone");
            browser.assertNoContentSecurityPolicyViolations();
        }
    }

    /** A lost deal with the rep's reason, four touchpoints (one with markup in it) and an anonymous buyer's answer. */
    private static String lostDealWithTouchpointsAndAnAnswer(PortalClient api) throws Exception {
        HttpResponse<String> deal = api.postJson("/api/deals", "{\"account\":\"Umbrella Corporation International\","
                + "\"outcome\":\"lost\",\"openDate\":\"2026-01-05\",\"closeDate\":\"2026-03-31\",\"amount\":48000,"
                + "\"repReason\":\"Price: too expensive\",\"ownerEmail\":\"rep@vendor.example\"}");
        assertThat(deal.statusCode()).isEqualTo(201);
        String dealId = PortalClient.field(deal.body(), "id");
        HttpResponse<String> touchpoints = api.postJson("/api/deals/" + dealId + "/touchpoints", "["
                + "{\"date\":\"2026-03-20T15:00:00Z\",\"type\":\"negotiation\",\"summary\":\"Pricing pushback <b>hard</b>\",\"owner\":\"Ann Example\"},"
                + "{\"date\":\"2026-01-12\",\"type\":\"Meeting\",\"summary\":\"Kick-off with the security team\"},"
                + "{\"date\":\"2026-02-02T10:30:00+01:00\",\"type\":\"demo\",\"summary\":\"Demo to a dozen people from operations, security and finance, which ran long\"},"
                + "{\"date\":\"2026-03-02\",\"type\":\"proposal\",\"summary\":\"Proposal at 48k with a 10% discount\"}]");
        assertThat(touchpoints.statusCode()).as(touchpoints.body()).isEqualTo(201);
        String survey = api.invite(dealId, "cfo@umbrella.test");
        assertThat(api.answer(survey, "Your security review took six weeks.").statusCode()).isEqualTo(303);
        return dealId;
    }

    private static void scrollTo(WebDriver page, WebElement element) {
        ((JavascriptExecutor) page).executeScript("arguments[0].scrollIntoView({block: 'start'});", element);
    }

    private static void scrollAndClick(WebDriver page, WebElement element) {
        ((JavascriptExecutor) page).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }
}
