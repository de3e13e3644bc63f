package io.winloss.portal.share;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.winloss.portal.Browser;
import io.winloss.portal.PortalTest;
import io.winloss.portal.TestTenant;
import io.winloss.portal.account.Role;
import io.winloss.portal.account.Users;
import io.winloss.portal.analysis.Analyses;
import io.winloss.portal.insight.ChangeLog;
import io.winloss.portal.insight.QuoteIndexer;
import io.winloss.portal.store.Store;
import io.winloss.portal.workspace.Workspaces;

/**
 * An analyst shares the themes page as a read-only report; someone without an account opens the link in a fresh
 * browser and reads it on a desktop, on paper (print media) and on a phone, without sideways scrolling. The quotes
 * are analysed by hand ({@link KnownThemes}), so no model loads; screenshots land in target/browser-screenshots/SharedReportBrowserIT.
 */
@PortalTest
class SharedReportBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    WebTestClient client;

    @Autowired
    Workspaces workspaces;

    @Autowired
    Users users;

    @Autowired
    Store store;

    @Autowired
    Analyses analyses;

    @Autowired
    ChangeLog changes;

    @Autowired
    QuoteIndexer indexer;

    @Test
    void analystSharesTheThemesAndSomeoneWithoutAnAccountReadsThem() throws Exception {
        TestTenant.owner(workspaces);
        TestTenant tenant = TestTenant.create(workspaces);
        KnownThemes.Seeded seeded = KnownThemes.seed(client, tenant, store, analyses, changes, indexer);
        String analyst = tenant.addUser(users, Role.ANALYST);
        URI portal = URI.create("http://localhost:" + port);

        String link;
        try (Browser browser = new Browser(Browser.DESKTOP)) {
            WebDriver page = browser.driver();
            WebDriverWait wait = new WebDriverWait(page, Duration.ofSeconds(15));
            browser.signIn(portal, analyst, TestTenant.PASSWORD);
            page.get(portal.resolve("/themes").toString());
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".themes-table tr[data-theme=price]")));
            page.findElement(By.xpath("//summary[.='Share as a read-only report']")).click();
            page.findElement(By.id("share-title")).sendKeys("Why buyers leave us");
            WebElement days = page.findElement(By.id("share-days"));
            days.clear();
            days.sendKeys("14");
            page.findElement(By.xpath("//button[.='Share as a read-only report']")).click();
            WebElement field = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("report-link")));
            link = field.getAttribute("value");
            assertThat(link).matches(".*/r/[A-Za-z0-9_-]{43}");
            browser.screenshot("share-link-desktop");

            page.manage().window().setSize(Browser.PHONE);
            for (String path : new String[] {"/reports", "/themes"}) {
                page.get(portal.resolve(path).toString());
                wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
                if (path.equals("/themes")) {
                    page.findElement(By.xpath("//summary[.='Share as a read-only report']")).click();
                }
                Number overflow = (Number) ((JavascriptExecutor) page).executeScript(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                assertThat(overflow.intValue()).as("%s scrolls sideways on a phone", path).isLessThanOrEqualTo(0);
            }
            ((JavascriptExecutor) page).executeScript("document.querySelector('details.share-report').scrollIntoView();");
            browser.screenshot("share-form-phone");
            page.get(portal.resolve("/reports").toString());
            browser.screenshot("reports-phone");
            browser.assertNoContentSecurityPolicyViolations();
        }

        URI report = portal.resolve(link.substring(link.indexOf("/r/")));
        try (Browser reader = new Browser(Browser.DESKTOP)) {
            WebDriver page = reader.driver();
            WebDriverWait wait = new WebDriverWait(page, Duration.ofSeconds(15));
            page.get(report.toString());

            assertThat(URI.create(page.getCurrentUrl()).getPath()).as("no sign-in asked").isEqualTo(report.getPath());
            assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Why buyers leave us");
            WebElement price = page.findElement(By.cssSelector(".themes-table tr[data-theme=price]"));
            assertThat(price.findElements(By.tagName("td")).get(1).getText()).isEqualTo("6 of 6");
            assertThat(price.findElements(By.cssSelector("ul.quotes q"))).hasSize(3)
                    .allSatisfy(q -> assertThat(q.getText()).contains("[the buyer's company]", "[a buyer]"));
            assertThat(page.findElements(By.tagName("a"))).as("links into the portal").isEmpty();
            assertThat(page.findElements(By.tagName("nav"))).isEmpty();
            String html = page.getPageSource();
            for (String name : seeded.names()) {
                assertThat(html).doesNotContainIgnoringCase(name);
            }
            seeded.dealIds().forEach(id -> assertThat(html).doesNotContain(id));
            WebElement print = page.findElement(By.cssSelector("button[data-print]"));
            wait.until(d -> print.isDisplayed());
            wait.until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                    "var c = document.querySelector('figure.chart canvas');"
                            + " return !!(c && window.Chart && Chart.getChart(c) && c.width > 0);"));
            reader.screenshot("shared-report-desktop");

            ((ChromeDriver) page).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
            assertThat(print.isDisplayed()).as("the Print button on paper").isFalse();
            assertThat(page.findElement(By.cssSelector(".themes-table")).isDisplayed()).isTrue();
            reader.screenshot("shared-report-print");
            ((ChromeDriver) page).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));

            page.manage().window().setSize(Browser.PHONE);
            page.get(report.toString());
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table.themes-table.labelled")));
            Number overflow = (Number) ((JavascriptExecutor) page).executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(overflow.intValue()).as("sideways scrolling on a phone").isLessThanOrEqualTo(0);
            reader.screenshot("shared-report-phone");
            ((JavascriptExecutor) page).executeScript("document.querySelector('.themes-table').scrollIntoView();");
            reader.screenshot("shared-report-table-phone");
            reader.assertNoContentSecurityPolicyViolations();
        }
    }
}
