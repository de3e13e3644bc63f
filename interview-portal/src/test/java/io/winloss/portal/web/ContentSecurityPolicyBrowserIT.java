package io.winloss.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.winloss.portal.Browser;
import io.winloss.portal.PortalTest;
import io.winloss.portal.TestTenant;
import io.winloss.portal.workspace.Workspaces;

/**
 * The check every browser test ends with ({@link Browser#assertNoContentSecurityPolicyViolations()}) really sees
 * what Chromium refuses: a clean page reports nothing, inline style and script added to the page are refused and
 * reported, and neither htmx's indicator style nor the Swagger UI page of the API trips the policy.
 */
@PortalTest
class ContentSecurityPolicyBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    Workspaces workspaces;

    @Test
    void chromiumRefusesInlineCodeAndTheBrowserCheckSeesIt() throws Exception {
        TestTenant.owner(workspaces);
        TestTenant tenant = TestTenant.create(workspaces);
        URI portal = URI.create("http://localhost:" + port);
        try (Browser browser = new Browser(Browser.DESKTOP)) {
            WebDriver page = browser.driver();
            browser.signIn(portal, tenant.adminEmail(), TestTenant.PASSWORD);
            page.get(portal.resolve("/deals").toString());
            assertThat(page.findElement(By.tagName("h1")).getText()).isNotBlank();
            Object htmx = ((JavascriptExecutor) page).executeScript("return typeof htmx === 'object' && htmx.config.includeIndicatorStyles;");
            assertThat(htmx).as("htmx loaded, its inline indicator style off").isEqualTo(false);
            browser.assertNoContentSecurityPolicyViolations();

            page.get(portal.resolve("/api-docs.html").toString());
            new WebDriverWait(page, Duration.ofSeconds(30))
                    .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".swagger-ui .info")));
            browser.assertNoContentSecurityPolicyViolations();
            page.get(portal.resolve("/deals").toString());

            ((JavascriptExecutor) page).executeScript(
                    "var style = document.createElement('style'); style.textContent = 'body { color: red; }';"
                            + "document.head.appendChild(style);"
                            + "var script = document.createElement('script'); script.textContent = 'window.inlineRan = true;';"
                            + "document.body.appendChild(script);");
            Object ran = ((JavascriptExecutor) page).executeScript("return window.inlineRan === true;");
            assertThat(ran).as("inline script ran").isEqualTo(false);
            assertThat(browser.contentSecurityPolicyViolations())
                    .anySatisfy(message -> assertThat(message).contains("style-src"))
                    .anySatisfy(message -> assertThat(message).contains("script-src"));
        }
    }
}
