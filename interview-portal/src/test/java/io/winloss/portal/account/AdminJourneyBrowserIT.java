package io.winloss.portal.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.winloss.portal.Browser;
import io.winloss.portal.PortalTest;
import io.winloss.portal.TestTenant;
import io.winloss.portal.workspace.Workspaces;

/**
 * A workspace admin in a real browser, on a desktop and on a 390 px phone: opens the users page from the admin menu,
 * adds an analyst, who then signs in in a browser of their own and sees the analyst's menu without the admin one;
 * then the admin replaces the competitor list and reads it back. Each page fits the window without sideways scrolling.
 */
@PortalTest
class AdminJourneyBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    Workspaces workspaces;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"desktop", "phone"})
    void adminAddsAUserWhoSignsInAndEditsTheCompetitors(String viewport) throws Exception {
        Dimension size = viewport.equals("phone") ? Browser.PHONE : Browser.DESKTOP;
        TestTenant.owner(workspaces);
        TestTenant tenant = TestTenant.create(workspaces);
        URI portal = URI.create("http://localhost:" + port);
        String analyst = "ana-" + UUID.randomUUID() + "@example.test";
        String password = "a-long-enough-password";

        try (Browser admin = new Browser(size)) {
            WebDriver page = admin.driver();
            WebDriverWait wait = new WebDriverWait(page, Duration.ofSeconds(15));
            admin.signIn(portal, tenant.adminEmail(), TestTenant.PASSWORD);
            page.findElement(By.cssSelector("details.admin-menu summary")).click();
            wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Users"))).click();
            admin.waitForPath("/admin/users");
            check(admin, "the users page", "users-" + viewport);

            page.findElement(By.id("email")).sendKeys(analyst);
            page.findElement(By.id("password")).sendKeys(password);
            new Select(page.findElement(By.id("role"))).selectByValue("ANALYST");
            page.findElement(By.cssSelector("form.stack button[type=submit].primary")).click();
            WebElement notice = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("p.notice")));
            assertThat(notice.getText()).startsWith("User added.");
            WebElement row = page.findElements(By.cssSelector("table tbody tr")).stream()
                    .filter(tr -> tr.getText().contains(analyst)).findFirst().orElseThrow();
            assertThat(new Select(row.findElement(By.tagName("select"))).getFirstSelectedOption().getText()).isEqualTo("analyst");
            check(admin, "the users page with the new user", "user-added-" + viewport);

            try (Browser newcomer = new Browser(size)) {
                newcomer.signIn(portal, analyst, password);
                WebElement menu = newcomer.driver().findElement(By.cssSelector("nav[aria-label=Main]"));
                assertThat(menu.findElements(By.tagName("a"))).extracting(WebElement::getText).contains("Deals", "Themes");
                assertThat(menu.findElements(By.cssSelector("details.admin-menu"))).as("an analyst has no admin menu").isEmpty();
                newcomer.driver().get(portal.resolve("/admin/users").toString());
                assertThat(newcomer.driver().getPageSource()).doesNotContain(tenant.adminEmail());
                newcomer.driver().get(portal.resolve("/").toString());
                check(newcomer, "the new analyst's home page", "new-user-home-" + viewport);
                newcomer.assertNoContentSecurityPolicyViolations();
            }

            page.get(portal.resolve("/admin/competitors").toString());
            check(admin, "the competitors page", "competitors-" + viewport);
            WebElement lines = page.findElement(By.id("lines"));
            lines.clear();
            lines.sendKeys("# who we lose to\nHubSpot: Hub Spot, HS\nSalesforce: SFDC, Sales Cloud <Enterprise>");
            page.findElement(By.cssSelector("form.stack button[type=submit].primary")).click();
            wait.until(ExpectedConditions.urlContains("saved"));
            assertThat(page.findElement(By.cssSelector(".notice")).getText()).contains("The list changed");
            List<String> competitors = page.findElements(By.cssSelector("table tbody tr")).stream().map(WebElement::getText).toList();
            assertThat(competitors).containsExactlyInAnyOrder("HubSpot Hub Spot, HS", "Salesforce SFDC, Sales Cloud <Enterprise>");
            check(admin, "the competitors page after saving", "competitors-saved-" + viewport);

            page.get(portal.resolve("/admin/competitors").toString());
            assertThat(page.findElement(By.id("lines")).getAttribute("value")).contains("HubSpot: Hub Spot, HS", "Salesforce: SFDC");
            admin.assertNoContentSecurityPolicyViolations();
        }
    }

    private static void check(Browser browser, String what, String screenshot) throws Exception {
        browser.screenshot(screenshot);
        browser.assertNoSidewaysScrolling(what);
    }
}
