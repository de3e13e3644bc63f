package io.winloss.portal.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import io.winloss.portal.Browser;
import io.winloss.portal.PortalClient;
import io.winloss.portal.PortalProcess;

/** Every staff page an admin reaches from the menu renders on a phone without sideways scrolling. */
class StaffPagesOnPhoneBrowserIT {

    @Test
    void everyStaffPageFitsAPhoneScreen() throws Exception {
        String admin = "admin@example.test";
        String password = "correct-horse-battery";
        try (PortalProcess portal = new PortalProcess(Files.createTempDirectory("phone-tour"),
                     Map.of("PORTAL_ADMIN_EMAIL", admin, "PORTAL_ADMIN_PASSWORD", password)).start();
             Browser browser = new Browser(Browser.PHONE)) {
            PortalClient api = new PortalClient(portal.baseUrl(), admin, password);
            String dealId = api.createDeal("Soylent Corporation International Holdings");
            api.invite(dealId, "a-very-long-buyer-address@procurement.soylent-international.example.test");

            WebDriver page = browser.driver();
            browser.signIn(portal.baseUrl(), admin, password);

            for (String path : List.of("/", "/deals", "/deals/new", "/deals/import", "/deals/" + dealId,
                    "/admin/users", "/admin/api-keys", "/admin/survey", "/admin/outbox", "/admin/competitors",
                    "/admin/criteria", "/admin/tagging", "/interviewers", "/interviews?deal=" + dealId, "/analysis", "/search")) {
                page.get(portal.baseUrl().resolve(path).toString());
                assertThat(page.findElements(By.tagName("h1"))).as("%s has a heading", path).isNotEmpty();
                long overflow = (Long) ((JavascriptExecutor) page).executeScript(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                browser.screenshot("phone" + path.replaceAll("[0-9a-f]{24}", "deal").replaceAll("[^a-z0-9]+", "-"));
                assertThat(overflow).as("%s scrolls sideways by %dpx on a phone", path, overflow).isLessThanOrEqualTo(0);
            }
            browser.assertNoContentSecurityPolicyViolations();
        }
    }
}
