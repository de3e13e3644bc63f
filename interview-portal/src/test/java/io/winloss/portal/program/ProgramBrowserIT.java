package io.winloss.portal.program;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import io.winloss.portal.Browser;
import io.winloss.portal.PortalClient;
import io.winloss.portal.SharedPortal;

/**
 * The packaged portal in headless Chromium on a phone-sized screen: an analyst creates a program from the list page,
 * a deal in its scope arrives by the API, and within seconds, with no human step, the buyer's invitation is in the
 * outbox and the program page shows it; neither page scrolls sideways.
 */
class ProgramBrowserIT {

    @Test
    void aProgramCreatedOnAPhoneInvitesTheBuyerOfANewDealOnItsOwn() throws Exception {
        SharedPortal.Workspace portal = SharedPortal.workspace("programs");
        try (Browser browser = new Browser(Browser.PHONE)) {
            WebDriver page = browser.driver();
            browser.signIn(portal.baseUrl(), portal.adminEmail(), SharedPortal.PASSWORD);
            page.get(portal.baseUrl().resolve("/programs").toString());
            fitsThePhone(page, "/programs");
            page.findElement(By.id("name")).sendKeys("Every closed deal, at once");
            page.findElement(By.id("inviteAfterDays")).clear();
            page.findElement(By.id("inviteAfterDays")).sendKeys("0");
            page.findElement(By.cssSelector("form.stack button[type=submit]")).click();
            browser.waitForPathStartingWith("/programs/"); // the click returns before the server answered
            String programPath = java.net.URI.create(page.getCurrentUrl()).getPath();

            PortalClient api = portal.api();
            HttpResponse<String> deal = api.postJson("/api/deals", "{\"account\":\"Soylent Corporation International Holdings\","
                    + "\"outcome\":\"lost\",\"closeDate\":\"" + LocalDate.now(ZoneOffset.UTC) + "\",\"contacts\":[{\"name\":\"Ann\","
                    + "\"email\":\"a-very-long-buyer-address@procurement.soylent-international.example.test\"}]}");
            assertThat(deal.statusCode()).isEqualTo(201);

            // due work is picked up within 15 seconds: poll the page as a person would, for at most that long
            long deadline = System.nanoTime() + 15_000_000_000L;
            String invited = "0";
            while (System.nanoTime() < deadline && "0".equals(invited)) {
                page.get(portal.baseUrl().resolve(programPath).toString());
                invited = page.findElement(By.xpath("//th[text()='Invitations sent']/following-sibling::td/span")).getText();
            }
            assertThat(invited).as("invitations sent within 15 s").isEqualTo("1");
            List<WebElement> rows = page.findElements(By.cssSelector("#plans ~ .table-wrap tbody tr"));
            assertThat(rows).hasSize(1);
            assertThat(rows.get(0).getText()).contains("Soylent", "queued");
            fitsThePhone(page, programPath);
            browser.screenshot("phone-program");
            browser.assertNoContentSecurityPolicyViolations();
        }
    }

    private static void fitsThePhone(WebDriver page, String path) {
        assertThat(page.findElements(By.tagName("h1"))).as("%s has a heading", path).isNotEmpty();
        long overflow = (Long) ((JavascriptExecutor) page).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(overflow).as("%s scrolls sideways by %dpx on a phone", path, overflow).isLessThanOrEqualTo(0);
    }
}
