package io.winloss.portal.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
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
 * A product manager in a real browser, after interviews of three lost and three won deals were uploaded and analysed
 * by the real models: searches quotes, narrows them with a facet, opens one in its interview; reads the themes, sees
 * the chart drawn from the table, follows a count to its quotes; then on a 390 px phone reads the themes, opens the
 * action form from the price theme, and creates an action from a search hit with the quote as its evidence. No page of
 * the phone part scrolls sideways; screenshots in target/browser-screenshots/InsightBrowserIT.
 */
class InsightBrowserIT {


    @Test
    void analystSearchesQuotesAndReadsTheLossThemes() throws Exception {
        SharedPortal.Workspace portal = SharedPortal.workspace("insight-journey");
        try (Browser browser = new Browser(Browser.DESKTOP)) {
            PortalClient api = portal.api();
            interviewsOfThreeLostAndThreeWonDeals(api);
            WebDriver page = browser.driver();
            WebDriverWait wait = new WebDriverWait(page, Duration.ofSeconds(15));
            browser.signIn(portal.baseUrl(), portal.adminEmail(), SharedPortal.PASSWORD);

            page.get(portal.baseUrl().resolve("/search").toString());
            page.findElement(By.id("q")).sendKeys("price");
            page.findElement(By.cssSelector(".search-form button.primary")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".hit mark")));
            assertThat(page.findElements(By.cssSelector(".hit mark"))).allSatisfy(mark ->
                    assertThat(mark.getText()).isEqualToIgnoringCase("price"));
            int allHits = page.findElements(By.cssSelector(".hit")).size();
            page.findElement(By.cssSelector(".facets input[name=outcome][value=won]")).click();
            page.findElement(By.cssSelector(".search-form button.primary")).click();
            wait.until(ExpectedConditions.urlContains("outcome=won"));
            List<WebElement> wonHits = page.findElements(By.cssSelector(".hit"));
            assertThat(wonHits).hasSizeBetween(1, allHits - 1)
                    .allSatisfy(hit -> assertThat(hit.findElement(By.cssSelector(".badge")).getText()).isEqualTo("won"));
            browser.screenshot("search-price-won-desktop");
            String quote = wonHits.get(0).findElement(By.tagName("blockquote")).getText();
            wonHits.get(0).findElement(By.linkText("in the interview")).click();
            wait.until(ExpectedConditions.urlMatches("/interviews/[0-9a-f]+#s-\\d+$"));
            String anchor = page.getCurrentUrl().substring(page.getCurrentUrl().indexOf('#') + 1);
            assertThat(page.findElement(By.id(anchor)).getText()).contains(quote);

            page.get(portal.baseUrl().resolve("/themes").toString());
            WebElement price = wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector(".themes-table tr[data-theme=price]")));
            assertThat(price.findElements(By.tagName("td")).get(1).getText()).isEqualTo("3 of 3");
            assertThat(page.findElement(By.cssSelector("main")).getText()).contains("Too few deals");
            wait.until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                    "var c = document.querySelector('figure.chart canvas');"
                            + " return !!(c && window.Chart && Chart.getChart(c) && c.width > 0);"));
            browser.screenshot("themes-desktop");
            ((JavascriptExecutor) page).executeScript("document.querySelector('figure.chart').scrollIntoView();");
            browser.screenshot("themes-chart-desktop");
            price.findElement(By.tagName("details")).click();
            assertThat(price.findElements(By.cssSelector("ul.quotes li"))).isNotEmpty()
                    .allSatisfy(li -> assertThat(li.getText()).containsIgnoringCase("price"));
            price.findElements(By.tagName("td")).get(1).findElement(By.tagName("a")).click();
            wait.until(ExpectedConditions.urlContains("/search?"));
            assertThat(page.findElement(By.cssSelector(".facets input[name=criterion][value=price]")).isSelected()).isTrue();
            assertThat(page.findElement(By.cssSelector(".facets input[name=outcome][value=lost]")).isSelected()).isTrue();
            assertThat(page.findElements(By.cssSelector(".hit .badge"))).isNotEmpty()
                    .allSatisfy(badge -> assertThat(badge.getText()).isEqualTo("lost"));

            page.manage().window().setSize(Browser.PHONE);
            page.get(portal.baseUrl().resolve("/themes").toString());
            WebElement pricePhone = wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector(".themes-table tr[data-theme=price]")));
            browser.assertNoSidewaysScrolling("the themes page on a phone");
            browser.screenshot("themes-phone");
            ((JavascriptExecutor) page).executeScript("document.querySelector('.themes-table').scrollIntoView();");
            browser.screenshot("themes-table-phone");

            // the theme becomes an action: its "Create an action" fills the form's themes
            pricePhone.findElement(By.cssSelector("a.create-action")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("title")));
            assertThat(page.findElement(By.id("themes")).getAttribute("value")).contains("criterion:price");
            browser.assertNoSidewaysScrolling("the action form from a theme on a phone");
            browser.screenshot("action-from-theme-phone");

            // and so does a quote: "Create an action" beside a search hit attaches it as evidence
            page.get(portal.baseUrl().resolve("/search?q=price&outcome=lost").toString());
            WebElement hit = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".hit")));
            browser.assertNoSidewaysScrolling("the search page on a phone");
            browser.screenshot("search-price-lost-phone");
            hit.findElement(By.cssSelector("a.create-action")).click();
            WebElement title = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("title")));
            assertThat(page.findElement(By.cssSelector("input[name=evidence]")).isSelected()).isTrue();
            title.sendKeys("Show per-seat pricing before the demo");
            page.findElement(By.id("hypothesis")).sendKeys("Lost buyers named the price first.");
            new Select(page.findElement(By.id("team"))).selectByValue("product");
            browser.setDate("startDate", "2026-06-01");
            browser.setDate("dueDate", "2026-12-31");
            page.findElement(By.id("themes")).sendKeys("criterion:price");
            browser.assertNoSidewaysScrolling("the action form from a quote on a phone");
            browser.screenshot("action-from-quote-phone");
            page.findElement(By.cssSelector("button[type=submit].primary")).click();

            wait.until(ExpectedConditions.urlMatches("/actions/[0-9a-f]{24}$"));
            assertThat(page.findElement(By.tagName("h1")).getText()).contains("Show per-seat pricing before the demo");
            assertThat(page.findElements(By.cssSelector("ul.quotes li"))).singleElement()
                    .satisfies(li -> assertThat(li.getText()).containsIgnoringCase("price"));
            browser.assertNoSidewaysScrolling("the new action on a phone");
            browser.screenshot("action-created-phone");
            browser.assertNoContentSecurityPolicyViolations();
        }
    }


    /** Price hurts in every lost deal and comes up in one won deal; support is praised in the won deals. */
    private static void interviewsOfThreeLostAndThreeWonDeals(PortalClient api) throws Exception {
        assertThat(api.putJson("/api/competitors", "[{\"name\":\"HubSpot\",\"aliases\":[]}]").statusCode()).isEqualTo(200);
        String[] lost = {
            "The price was far too high for our budget, and HubSpot came in much cheaper.",
            "Honestly your price per seat was double what we could justify to finance.",
            "We loved the demo, but the price killed it in the end."};
        String[] won = {
            "Your support team answered every question within an hour, which won us over.",
            "The price was fair and the support during the trial was excellent.",
            "Support was responsive and the onboarding plan was clear."};
        List<String> interviews = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            interviews.add(upload(api, api.createDeal("Lost Account " + i, "lost"), lost[i]));
            interviews.add(upload(api, api.createDeal("Won Account " + i, "won"), won[i]));
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        for (String id : interviews) {
            while (!PortalClient.field(api.getJson("/api/interviews/" + id).body(), "status").equals("done")) {
                assertThat(System.nanoTime()).as("interview %s analysed in time", id).isLessThan(deadline);
                Thread.sleep(500);
            }
        }
        while (true) {
            HttpResponse<String> search = api.getJson("/api/search?q=price");
            if (search.body().contains("\"total\":4")) {
                break;
            }
            assertThat(System.nanoTime()).as("index caught up: %s", search.body()).isLessThan(deadline);
            Thread.sleep(250);
        }
    }

    private static String upload(PortalClient api, String dealId, String buyerSays) throws Exception {
        String transcript = "Priya Raman: Thanks for joining. What decided it for you?\n"
                + "Dana Ortiz: " + buyerSays + "\n"
                + "Priya Raman: Anything else we should know?\n"
                + "Dana Ortiz: No, that was the main thing.\n";
        return api.uploadInterview(dealId, "call.txt", transcript, "Priya Raman");
    }
}
