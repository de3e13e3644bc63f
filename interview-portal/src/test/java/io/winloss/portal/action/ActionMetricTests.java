package io.winloss.portal.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.winloss.portal.PortalTest;
import io.winloss.portal.TestTenant;
import io.winloss.portal.account.Role;
import io.winloss.portal.account.Users;
import io.winloss.portal.workspace.Workspaces;

/**
 * The metric before an action's start date and since, on deals whose answer is known: created through
 * {@code POST /api/deals} with chosen outcomes, open and close dates and discounts, around a start date of 2026-06-01
 * (baseline window 2025-12-03 to 2026-05-31, the 180 days before). The deals are stored once for the class and each
 * test measures them with an action of its own; the test that adds deals stores the known deals again in a workspace
 * of its own.
 */
@PortalTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SuppressWarnings("unchecked")
class ActionMetricTests {

    static final String START = "2026-06-01";

    @Autowired
    WebTestClient client;

    @Autowired
    Workspaces workspaces;

    @Autowired
    Users users;

    /** A workspace's analyst, by email and as an API client. */
    record Analyst(String email, WebTestClient api) {
    }

    /** The analyst of the workspace whose known deals the tests share and never change. */
    Analyst analyst;

    @BeforeAll
    void knownDealsReadByEveryTest() {
        analyst = knownDeals();
    }

    private Analyst knownDeals() {
        TestTenant tenant = TestTenant.create(workspaces);
        String email = tenant.addUser(users, Role.ANALYST);
        WebTestClient asAnalyst = TestTenant.as(client, email);
        Analyst analyst = new Analyst(email, asAnalyst);
        // before: 3 won (cycles 30, 40, 50 days; discounts 10%, 20%, 30%) and 9 lost, one on each edge of the window
        won(analyst, "2026-01-10", "2025-12-11", 0.10);
        won(analyst, "2026-02-10", "2026-01-01", 0.20);
        won(analyst, "2026-05-31", "2026-04-11", 0.30);
        for (String close : List.of("2025-12-03", "2025-12-20", "2026-01-15", "2026-02-01", "2026-03-01", "2026-03-20",
                "2026-04-02", "2026-05-05", "2026-05-31")) {
            ActionFixture.deal(asAnalyst, "lost", close, Map.of());
        }
        // outside both windows or not counted: a win the day before the baseline, a no-decision, an open deal
        won(analyst, "2025-12-02", "2025-11-01", 0.50);
        ActionFixture.deal(asAnalyst, "no_decision", "2026-03-01", Map.of());
        ActionFixture.deal(asAnalyst, "open", "2026-07-01", Map.of());
        // since: 6 won (cycles 10 to 60 days, all at 5% discount), 4 lost, the first on the start date itself
        LocalDate close = LocalDate.parse(START);
        for (int days = 10; days <= 60; days += 10) {
            won(analyst, close.toString(), close.minusDays(days).toString(), 0.05);
            close = close.plusDays(7);
        }
        for (String lost : List.of("2026-06-01", "2026-07-04", "2026-08-15", "2026-09-30")) {
            ActionFixture.deal(asAnalyst, "lost", lost, Map.of());
        }
        return analyst;
    }

    private static void won(Analyst analyst, String close, String open, double discount) {
        ActionFixture.deal(analyst.api(), "won", close, Map.of("openDate", open, "discount", discount));
    }

    private static Map<String, Object> measured(Analyst analyst, String metric, String segment) {
        WebTestClient asAnalyst = analyst.api();
        Map<String, Object> body = ActionFixture.action(analyst.email());
        body.put("startDate", START);
        body.put("metric", metric);
        if (segment != null) {
            body.put("segment", segment);
        }
        Object id = ActionFixture.create(asAnalyst, body).get("id");
        return asAnalyst.get().uri("/api/actions/{id}", id).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    private static double number(Map<String, Object> side, String field) {
        return ((Number) side.get(field)).doubleValue();
    }

    private static List<Double> ci(Map<String, Object> side) {
        return ((List<Number>) side.get("ci")).stream().map(Number::doubleValue).toList();
    }

    @Test
    void winRateBeforeAndSinceWithWilsonIntervals() {
        Map<String, Object> action = measured(analyst, "winRate", null);
        Map<String, Object> baseline = (Map<String, Object>) action.get("baseline");
        Map<String, Object> current = (Map<String, Object>) action.get("current");

        assertThat(baseline).containsEntry("from", "2025-12-03").containsEntry("to", "2026-05-31")
                .containsEntry("deals", 12).containsEntry("won", 3).containsEntry("conclusive", true)
                .doesNotContainKey("reason");
        assertThat(number(baseline, "value")).isEqualTo(0.25);
        // Wilson 95% for 3 of 12, worked by hand: 0.0889 to 0.5323
        assertThat(ci(baseline).get(0)).isCloseTo(0.0889, within(0.0005));
        assertThat(ci(baseline).get(1)).isCloseTo(0.5323, within(0.0005));

        assertThat(current).containsEntry("from", START).containsEntry("deals", 10).containsEntry("won", 6)
                .containsEntry("conclusive", true);
        assertThat(number(current, "value")).isEqualTo(0.6);
        assertThat(ci(current).get(0)).isLessThan(0.6).isCloseTo(0.3127, within(0.0005));
        assertThat(ci(current).get(1)).isGreaterThan(0.6).isCloseTo(0.8318, within(0.0005));

        Map<String, Object> verdict = (Map<String, Object>) action.get("verdict");
        assertThat(verdict).containsEntry("conclusive", true);
        assertThat((String) verdict.get("message")).isEqualTo(
                "Win rate went from 25% to 60%, but the 95% intervals overlap: the difference may be chance.");
    }

    @Test
    void cycleDaysAreTheMeanOfWonDealsWithATIntervalAndTooFewBeforeSaysSo() {
        Map<String, Object> action = measured(analyst, "cycleDays", null);
        Map<String, Object> baseline = (Map<String, Object>) action.get("baseline");
        Map<String, Object> current = (Map<String, Object>) action.get("current");

        assertThat(number(baseline, "value")).isEqualTo(40.0);
        assertThat(baseline).containsEntry("deals", 3).containsEntry("conclusive", false)
                .containsEntry("reason", "Only 3 won deals with an open date: at least 10 are needed to conclude anything.");
        assertThat(number(current, "value")).isEqualTo(35.0);
        assertThat(current).containsEntry("deals", 6).containsEntry("conclusive", false);
        // 10, 20, ... 60 days: sd 18.71, t(0.975, 5) = 2.5706, so 35 ± 19.63
        assertThat(ci(current).get(0)).isCloseTo(15.37, within(0.01));
        assertThat(ci(current).get(1)).isCloseTo(54.63, within(0.01));
        Map<String, Object> verdict = (Map<String, Object>) action.get("verdict");
        assertThat(verdict).containsEntry("conclusive", false);
        assertThat((String) verdict.get("message")).startsWith("Too early to tell since the start: Only 6 won deals");
    }

    @Test
    void discountDepthIsTheMeanDiscountOfWonDeals() {
        Map<String, Object> action = measured(analyst, "discountDepth", null);
        Map<String, Object> baseline = (Map<String, Object>) action.get("baseline");
        Map<String, Object> current = (Map<String, Object>) action.get("current");

        assertThat(number(baseline, "value")).isCloseTo(0.20, within(1e-9));
        assertThat(baseline).containsEntry("deals", 3).doesNotContainKey("won");
        assertThat(ci(baseline).get(0)).isLessThan(0.20);
        assertThat(ci(baseline).get(1)).isGreaterThan(0.20).isLessThanOrEqualTo(1.0);
        assertThat(number(current, "value")).isCloseTo(0.05, within(1e-9));
        // six equal discounts: no spread, so the interval is the mean itself
        assertThat(ci(current)).allSatisfy(bound -> assertThat(bound).isCloseTo(0.05, within(1e-9)));
        assertThat(current).containsEntry("deals", 6);
    }

    @Test
    void aSegmentWithTwoDealsIsTooFewToConclude() {
        Analyst own = knownDeals();
        ActionFixture.deal(own.api(), "won", "2026-06-10", Map.of("segment", "enterprise"));
        ActionFixture.deal(own.api(), "lost", "2026-06-11", Map.of("segment", "enterprise"));
        Map<String, Object> action = measured(own, "winRate", "enterprise");
        Map<String, Object> baseline = (Map<String, Object>) action.get("baseline");
        Map<String, Object> current = (Map<String, Object>) action.get("current");
        assertThat(baseline).containsEntry("deals", 0).containsEntry("conclusive", false)
                .containsEntry("reason", "No won or lost deals closed between 2025-12-03 and 2026-05-31.")
                .doesNotContainKeys("value", "ci");
        assertThat(current).containsEntry("deals", 2).containsEntry("won", 1).containsEntry("conclusive", false)
                .containsEntry("reason", "Only 2 won or lost deals: at least 10 are needed to conclude anything.");
        assertThat(number(current, "value")).isEqualTo(0.5);
        assertThat(((Map<String, Object>) action.get("verdict")).get("conclusive")).isEqualTo(false);
    }
}
