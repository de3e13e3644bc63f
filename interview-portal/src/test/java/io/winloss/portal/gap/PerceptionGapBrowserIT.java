package io.winloss.portal.gap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.winloss.portal.Browser;
import io.winloss.portal.PortalClient;
import io.winloss.portal.SharedPortal;

/**
 * From the CRM to the perception gap, on the packaged portal: signed CRM events bring lost deals with the reps' reasons,
 * their buyers answer the survey, and an analyst on a phone reads the gap (chart drawn from the table, no sideways
 * scrolling), opens the deals behind a cell, and the admin's webhooks page lists the events.
 */
class PerceptionGapBrowserIT {


    @Test
    void crmEventsAndBuyerAnswersMakeThePerceptionGapOnAPhone() throws Exception {
        SharedPortal.Workspace portal = SharedPortal.workspace("perception-gap");
        try (Browser browser = new Browser(Browser.PHONE)) {
            PortalClient api = portal.api();
            HttpResponse<String> rotated = api.postJson("/api/webhooks/secret", "");
            assertThat(rotated.statusCode()).isEqualTo(200);
            String secret = PortalClient.field(rotated.body(), "secret");
            String workspace = PortalClient.field(rotated.body(), "workspaceId");
            assertThat(PortalClient.field(rotated.body(), "url")).isEqualTo(portal.baseUrl().resolve("/api/webhooks/crm/" + workspace).toString());

            HttpClient http = HttpClient.newHttpClient();
            List<String> reasons = List.of("Price", "Price", "Product fit", "Timing", "Our champion left");
            for (int i = 0; i < reasons.size(); i++) {
                String body = "{\"externalId\":\"SF-" + i + "\",\"account\":\"Account " + i + " of a rather long holding name\","
                        + "\"outcome\":\"lost\",\"closeDate\":\"2026-03-31\",\"repReason\":\"" + reasons.get(i) + "\"}";
                HttpResponse<String> taken = http.send(HttpRequest.newBuilder(portal.baseUrl().resolve("/api/webhooks/crm/" + workspace))
                        .header("Content-Type", "application/json").header("X-Signature", "sha256=" + hmac(secret, body))
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(taken.statusCode()).as(taken.body()).isEqualTo(201);
                String dealId = PortalClient.field(taken.body(), "dealId");
                HttpResponse<String> answered = api.answer(api.invite(dealId, "buyer" + i + "@example.test"), "Cheaper elsewhere");
                assertThat(answered.statusCode()).isEqualTo(303); // the buyer's primary reason: price
            }

            WebDriver page = browser.driver();
            WebDriverWait wait = new WebDriverWait(page, Duration.ofSeconds(15));
            browser.signIn(portal.baseUrl(), portal.adminEmail(), SharedPortal.PASSWORD);
            page.get(portal.baseUrl().resolve("/insights/perception-gap").toString());
            assertThat(page.findElement(By.tagName("main")).getText())
                    .contains("2 of 5 deals", "Too few deals to conclude anything", "1 rep reason");
            wait.until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                    "var c = document.querySelector('figure.chart canvas');"
                            + " return !!(c && window.Chart && Chart.getChart(c) && c.width > 0);"));
            assertThat(sidewaysScroll(page)).as("the gap page scrolls sideways on a phone").isLessThanOrEqualTo(0);
            browser.screenshot("perception-gap-phone");
            ((JavascriptExecutor) page).executeScript("document.querySelector('.gap-matrix').scrollIntoView();");
            browser.screenshot("perception-gap-matrix-phone");

            page.findElement(By.cssSelector(".gap-matrix td.agree a")).click();
            wait.until(ExpectedConditions.urlContains("/insights/perception-gap/deals?rep=price&buyer=price"));
            assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("The rep said Price and the buyer said Price");
            assertThat(page.findElements(By.cssSelector(".gap-deals tbody tr"))).hasSize(2);
            assertThat(sidewaysScroll(page)).as("the deals page scrolls sideways on a phone").isLessThanOrEqualTo(0);
            browser.screenshot("perception-gap-deals-phone");

            page.get(portal.baseUrl().resolve("/admin/webhooks").toString());
            assertThat(page.findElement(By.tagName("main")).getText()).contains("/api/webhooks/crm/" + workspace, "A secret is set")
                    .contains("accepted (201)");
            assertThat(page.findElements(By.cssSelector(".webhook-events tbody tr"))).hasSize(5);
            assertThat(sidewaysScroll(page)).as("the webhooks page scrolls sideways on a phone").isLessThanOrEqualTo(0);
            browser.screenshot("admin-webhooks-phone");
            browser.assertNoContentSecurityPolicyViolations();
        }
    }

    private static long sidewaysScroll(WebDriver page) {
        return (Long) ((JavascriptExecutor) page).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
    }

    private static String hmac(String secret, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }
}
