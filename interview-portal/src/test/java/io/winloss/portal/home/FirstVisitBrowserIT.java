package io.winloss.portal.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import io.winloss.portal.Browser;
import io.winloss.portal.PortalProcess;

/** A fresh instance in a real browser: the first visit sets it up, and the new admin signs in. */
class FirstVisitBrowserIT {

    @Test
    void firstVisitSetsUpTheInstanceAndTheAdminSignsIn() throws Exception {
        Path data = Files.createTempDirectory("first-visit");
        try (PortalProcess portal = new PortalProcess(data, Map.of()).start();
             Browser browser = new Browser(Browser.PHONE)) {
            WebDriver page = browser.driver();
            page.get(portal.baseUrl().toString());
            assertThat(page.getCurrentUrl()).endsWith("/setup");
            page.findElement(By.id("workspace")).sendKeys("Acme <Corp>");
            page.findElement(By.id("email")).sendKeys("admin@acme.test");
            page.findElement(By.id("password")).sendKeys("short");
            page.findElement(By.cssSelector("button[type=submit].primary")).click();
            // the browser refuses a too-short password itself (minlength), so we stay on the setup page
            assertThat(page.getCurrentUrl()).endsWith("/setup");

            page.findElement(By.id("password")).clear();
            page.findElement(By.id("password")).sendKeys("correct-horse-battery");
            page.findElement(By.cssSelector("button[type=submit].primary")).click();
            browser.waitForPath("/login");
            assertThat(page.findElement(By.tagName("body")).getText()).contains("Your workspace is ready");
            browser.screenshot("first-visit-login-phone");

            browser.signIn(portal.baseUrl(), "admin@acme.test", "correct-horse-battery");
            assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Acme <Corp>");
            browser.screenshot("first-visit-home-phone");

            page.get(portal.baseUrl().resolve("/setup").toString());
            assertThat(page.getCurrentUrl()).as("setup is offered only once").doesNotEndWith("/setup");
            browser.assertNoContentSecurityPolicyViolations();
        }
    }
}
