package io.winloss.portal.action;

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
 * A product manager in a real browser, on the packaged portal: opens a lost deal, follows "Create an action", fills
 * the form, lands on the action with its three reviews and its win rate before and since the start date, records the
 * six-week review, and finds the action in the tracker; then the same pages on a 390 px phone, without sideways
 * scrolling. Screenshots in target/browser-screenshots/ActionBrowserIT.
 */
class ActionBrowserIT {


    @Test
    void analystCreatesAnActionFromADealAndRecordsItsFirstReview() throws Exception {
        SharedPortal.Workspace portal = SharedPortal.workspace("action-journey");
        try (Browser browser = new Browser(Browser.DESKTOP)) {
            PortalClient api = portal.api();
            String dealId = dealsAroundTheStart(api);
            WebDriver page = browser.driver();
            WebDriverWait wait = new WebDriverWait(page, Duration.ofSeconds(15));
            browser.signIn(portal.baseUrl(), portal.adminEmail(), SharedPortal.PASSWORD);

            page.get(portal.baseUrl().resolve("/deals/" + dealId).toString());
            page.findElement(By.linkText("Create an action")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("title")));
            assertThat(page.findElement(By.cssSelector("form.stack")).getText()).contains("From the deal", "Initech <Holdings>");
            page.findElement(By.id("title")).sendKeys("Publish per-seat pricing <before the demo>");
            page.findElement(By.id("hypothesis")).sendKeys("Buyers who see the price early stop dropping out late.");
            new Select(page.findElement(By.id("team"))).selectByValue("marketing");
            new Select(page.findElement(By.id("metric"))).selectByValue("winRate");
            browser.setDate("startDate", "2026-06-01");
            browser.setDate("dueDate", "2026-12-31");
            page.findElement(By.id("themes")).sendKeys("criterion:price\ncompetitor:HubSpot");
            browser.screenshot("action-form-desktop");
            page.findElement(By.cssSelector("button[type=submit].primary")).click();

            wait.until(ExpectedConditions.urlMatches("/actions/[0-9a-f]{24}$"));
            assertThat(page.findElement(By.tagName("h1")).getText()).contains("Publish per-seat pricing <before the demo>");
            List<WebElement> reviews = page.findElements(By.cssSelector("li.review"));
            assertThat(reviews).hasSize(3);
            assertThat(reviews.get(0).findElement(By.tagName("h3")).getText()).contains("Six-week review", "2026-07-13");
            assertThat(reviews.get(2).findElement(By.tagName("h3")).getText()).contains("Six-month review", "2026-12-01");
            List<WebElement> sides = page.findElements(By.cssSelector(".metric-table tbody tr"));
            assertThat(sides.get(0).getText()).contains("Before", "2025-12-03 to 2026-05-31", "50%", "4 (2 won)");
            assertThat(sides.get(1).getText()).contains("Since", "2026-06-01", "67%", "3 (2 won)");
            assertThat(page.findElement(By.cssSelector("p.verdict")).getText()).startsWith("Too early to tell");
            assertThat(page.findElement(By.id("themes")).findElement(By.xpath("following-sibling::ul")).getText())
                    .contains("price", "HubSpot");
            browser.screenshot("action-page-desktop");
            browser.assertNoSidewaysScrolling("the action page on a desktop");

            WebElement first = page.findElement(By.id("review-1"));
            WebElement form = first.findElement(By.tagName("details"));
            if (form.getAttribute("open") == null) {
                first.findElement(By.tagName("summary")).click();
            }
            new Select(first.findElement(By.name("status"))).selectByValue("too_early");
            first.findElement(By.name("notes")).sendKeys("Three deals since the start: <wait> for the three-month review.");
            first.findElement(By.cssSelector("button[type=submit]")).click();
            wait.until(ExpectedConditions.urlMatches("#review-1$"));
            WebElement recorded = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("review-1")));
            assertThat(recorded.getText()).contains("Too early to tell", "Three deals since the start: <wait> for the",
                    "Recorded by " + portal.adminEmail(), "Then: 50% before (4 deals), 67% since (3 deals).");
            browser.screenshot("action-reviewed-desktop");
            String actionPath = java.net.URI.create(page.getCurrentUrl()).getPath();

            page.get(portal.baseUrl().resolve("/actions").toString());
            WebElement row = page.findElement(By.cssSelector("table.tracker tbody tr"));
            assertThat(row.getText()).contains("Publish per-seat pricing <before the demo>", "Marketing", portal.adminEmail(),
                    "2026-09-01", "three-month review");
            browser.screenshot("actions-tracker-desktop");

            page.manage().window().setSize(Browser.PHONE);
            for (String path : List.of("/actions", "/actions/new?dealId=" + dealId, actionPath)) {
                page.get(portal.baseUrl().resolve(path).toString());
                assertThat(page.findElements(By.tagName("h1"))).as("%s has a heading", path).isNotEmpty();
                browser.assertNoSidewaysScrolling(path + " on a phone");
                browser.screenshot("action-phone" + path.replaceAll("[0-9a-f]{24}", "id").replaceAll("[^a-z0-9]+", "-"));
            }
            ((JavascriptExecutor) page).executeScript("document.getElementById('metric').scrollIntoView();");
            browser.screenshot("action-phone-metric");
            browser.assertNoContentSecurityPolicyViolations();
        }
    }

    /** Before 2026-06-01: two won and two lost deals in the 180 days; since: two won, one lost (the deal under test). */
    private static String dealsAroundTheStart(PortalClient api) throws Exception {
        for (String[] deal : new String[][] {{"won", "2026-01-15"}, {"won", "2026-03-15"}, {"lost", "2026-02-01"},
                {"lost", "2026-05-20"}, {"won", "2026-06-15"}, {"won", "2026-08-01"}}) {
            expect(api.postJson("/api/deals", "{\"account\":\"Account " + deal[1] + "\",\"outcome\":\"" + deal[0]
                    + "\",\"closeDate\":\"" + deal[1] + "\"}"), 201);
        }
        HttpResponse<String> lost = api.postJson("/api/deals",
                "{\"account\":\"Initech <Holdings>\",\"outcome\":\"lost\",\"closeDate\":\"2026-07-01\",\"competitors\":[\"HubSpot\"]}");
        expect(lost, 201);
        return PortalClient.field(lost.body(), "id");
    }

    private static void expect(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as("%s answered %s", response.uri(), response.body()).isEqualTo(status);
    }
}
