package io.winloss.portal.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import io.winloss.portal.Browser;
import io.winloss.portal.PortalClient;
import io.winloss.portal.SharedPortal;

/** Every staff page an portal.adminEmail() reaches from the menu renders on a phone without sideways scrolling. */
class StaffPagesOnPhoneBrowserIT {

    @Test
    void everyStaffPageFitsAPhoneScreen() throws Exception {
        SharedPortal.Workspace portal = SharedPortal.workspace("phone-tour");
        try (Browser browser = new Browser(Browser.PHONE)) {
            PortalClient api = portal.api();
            String dealId = api.createDeal("Soylent Corporation International Holdings");
            api.invite(dealId, "a-very-long-buyer-address@procurement.soylent-international.example.test");

            WebDriver page = browser.driver();
            browser.signIn(portal.baseUrl(), portal.adminEmail(), SharedPortal.PASSWORD);

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
