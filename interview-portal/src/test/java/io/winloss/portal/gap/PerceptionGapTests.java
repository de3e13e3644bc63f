package io.winloss.portal.gap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.winloss.portal.PageSession;
import io.winloss.portal.PortalTest;
import io.winloss.portal.TestTenant;
import io.winloss.portal.account.Role;
import io.winloss.portal.account.Users;
import io.winloss.portal.store.Collections;
import io.winloss.portal.store.Store;
import io.winloss.portal.workspace.Workspaces;

/**
 * The perception gap on deals whose answer is known: deals made through the API with the rep's reason, buyers' answers
 * stored as the survey stores them. The deals are stored once for the class: the tests read them and change nothing
 * that counts (they add users, or a workspace of their own).
 */
@PortalTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PerceptionGapTests {

    @Autowired
    WebTestClient client;

    @Autowired
    Workspaces workspaces;

    @Autowired
    Users users;

    @Autowired
    Store store;

    TestTenant tenant;
    /** Account name to deal id. */
    Map<String, String> ids = new HashMap<>();

    @BeforeAll
    void knownDeals() {
        TestTenant.owner(workspaces);
        tenant = TestTenant.create(workspaces);
        answer(deal(tenant, "D1 Acme", "lost", "2025-12-01", "Price"), "price", 0);
        answer(deal(tenant, "D2 Globex", "won", "2026-03-31", "price"), "product_fit", 0);
        answer(deal(tenant, "D3 Initech", "lost", "2026-03-31", "Pricing"), "price", 0);
        answer(deal(tenant, "D4 Hooli", "won", "2026-03-31", "Product fit"), "product_fit", 0);
        answer(deal(tenant, "D5 Umbrella", "lost", "2026-03-31", "We lost the champion"), "other", 0);
        answer(deal(tenant, "D6 Soylent", "lost", "2026-03-31", "Lost to competitor"), "price", 0);
        deal(tenant, "D7 Tyrell", "lost", "2026-03-31", "Integration"); // no buyer answer
        answer(deal(tenant, "D8 Wonka", "lost", "2026-03-31", null), "price", 0); // no rep reason
        String d9 = deal(tenant, "D9 Stark", "lost", "2026-03-31", "Price");
        answer(d9, "price", 60); // submitted later: the first answer counts
        answer(d9, "support", 0);

        TestTenant other = TestTenant.create(workspaces);
        answer(deal(other, "Theirs", "lost", "2026-03-31", "Price"), "price", 0);
    }

    private String deal(TestTenant owner, String account, String outcome, String closeDate, String repReason) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("account", account, "outcome", outcome, "closeDate", closeDate));
        if (repReason != null) {
            body.put("repReason", repReason);
        }
        String id = owner.asAdmin(client).post().uri("/api/deals").bodyValue(body).exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
        ids.put(account, id);
        return id;
    }

    /** Stores a buyer's answers as the survey does ({@code Responses.record}), submitted {@code minutesLater} after a fixed time. */
    private void answer(String dealId, String primaryReason, int minutesLater) {
        String id = UUID.randomUUID().toString();
        Document deal = reactor.core.publisher.Mono.from(store.global(Collections.DEALS).find(new Document("_id", dealId)).first())
                .block(Duration.ofSeconds(10));
        store.tenant(new io.winloss.portal.workspace.WorkspaceId(deal.getString("workspaceId")), Collections.RESPONSES)
                .insert(new Document("_id", id).append("dealId", dealId).append("invitationId", id).append("surveyVersion", 0)
                        .append("submittedAt", Date.from(Instant.parse("2026-04-01T10:00:00Z").plusSeconds(60L * minutesLater)))
                        .append("attributable", false)
                        .append("answers", new Document("primaryReason", primaryReason).append("attribution", "anonymous")))
                .block(Duration.ofSeconds(10));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> gap(String query) {
        return tenant.asAdmin(client).get().uri("/api/insights/perception-gap" + query).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> reason(Map<String, Object> gap, String id) {
        return ((List<Map<String, Object>>) gap.get("reasons")).stream().filter(r -> id.equals(r.get("reason"))).findFirst()
                .orElseThrow(() -> new AssertionError("no reason " + id + " in " + gap.get("reasons")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Integer> cells(Map<String, Object> gap) {
        Map<String, Integer> cells = new LinkedHashMap<>();
        ((List<Map<String, Object>>) gap.get("matrix")).forEach(c -> cells.put(c.get("rep") + ">" + c.get("buyer"), (Integer) c.get("deals")));
        return cells;
    }

    @Test
    void countsEachCellAndTheAgreementOfKnownDeals() {
        Map<String, Object> gap = gap("");
        assertThat(gap.get("deals")).as("D1-D6 and D9: both reasons; D7, D8 and the other workspace's deal left out").isEqualTo(7);
        assertThat(gap.get("agreed")).isEqualTo(4); // D1, D3 (Pricing), D4, D5 (other and other)
        assertThat((Double) gap.get("agreement")).isCloseTo(4.0 / 7, within(1e-9));
        assertThat(gap.get("unmapped")).isEqualTo(2); // D5 and D6
        assertThat(gap.get("enough")).isEqualTo(false);
        assertThat(gap.get("needed")).isEqualTo(3);

        assertThat(cells(gap)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "price>price", 2, "price>product_fit", 1, "price>support", 1,
                "product_fit>product_fit", 1, "other>other", 1, "other>price", 1));

        Map<String, Object> price = reason(gap, "price");
        assertThat(price).containsEntry("repSaid", 4).containsEntry("buyerSaid", 3).containsEntry("agreed", 2)
                .containsEntry("label", "Price").containsEntry("enough", false);
        assertThat((Double) price.get("agreementRate")).isCloseTo(2.0 / 3, within(1e-9));
        assertThat((Double) price.get("confirmedRate")).isCloseTo(0.5, within(1e-9));
        // Wilson score interval, 2 of 3 at 95%: 0.208 to 0.939
        @SuppressWarnings("unchecked")
        List<Double> ci = (List<Double>) price.get("ci");
        assertThat(ci.get(0)).isCloseTo(0.2077, within(0.001));
        assertThat(ci.get(1)).isCloseTo(0.9385, within(0.001));

        assertThat(reason(gap, "support")).containsEntry("repSaid", 0).containsEntry("buyerSaid", 1).containsEntry("agreed", 0)
                .containsEntry("confirmedRate", null);
        assertThat(reason(gap, "product_fit")).containsEntry("repSaid", 1).containsEntry("buyerSaid", 2).containsEntry("agreed", 1);
        assertThat(reason(gap, "other")).containsEntry("repSaid", 2).containsEntry("buyerSaid", 1).containsEntry("agreed", 1);
    }

    @Test
    void filtersByOutcomeAndCloseDate() {
        Map<String, Object> lost = gap("?outcome=lost");
        assertThat(lost.get("deals")).isEqualTo(5); // D2 and D4 were won
        assertThat(lost.get("agreed")).isEqualTo(3);
        Map<String, Object> both = gap("?outcome=lost&outcome=won&from=2026-01-01&to=2026-12-31");
        assertThat(both.get("deals")).isEqualTo(6); // D1 closed in 2025
        assertThat(cells(both)).containsEntry("price>price", 1);

        tenant.asAdmin(client).get().uri("/api/insights/perception-gap?from=yesterday&outcome=maybe").exchange()
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("from")
                .jsonPath("$.errors[1].field").isEqualTo("outcome");
    }

    @Test
    void listsTheDealsBehindACell() {
        Map<?, ?> cell = tenant.asAdmin(client).get().uri("/api/insights/perception-gap/deals?rep=price&buyer=price").exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(((List<?>) cell.get("items")).stream().map(i -> (Object) ((Map<?, ?>) i).get("dealId")).toList())
                .containsExactlyInAnyOrder((Object) ids.get("D1 Acme"), ids.get("D3 Initech"));
        Map<?, ?> unread = tenant.asAdmin(client).get().uri("/api/insights/perception-gap/deals?unread=true").exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(((List<?>) unread.get("items")).stream().map(i -> (Object) ((Map<?, ?>) i).get("repReasonText")).toList())
                .containsExactlyInAnyOrder((Object) "We lost the champion", "Lost to competitor");
        tenant.asAdmin(client).get().uri("/api/insights/perception-gap/deals?rep=cheap").exchange().expectStatus().isBadRequest();
    }

    @Test
    void anotherWorkspaceSeesOnlyItsOwnDeals() {
        TestTenant third = TestTenant.create(workspaces);
        Map<?, ?> empty = third.asAdmin(client).get().uri("/api/insights/perception-gap").exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(empty.get("deals")).isEqualTo(0);
        assertThat((List<?>) empty.get("matrix")).isEmpty();
    }

    @Test
    void isForAnalystsAndAdminsOnly() {
        String interviewer = tenant.addUser(users, Role.INTERVIEWER);
        TestTenant.as(client, interviewer).get().uri("/api/insights/perception-gap").exchange().expectStatus().isForbidden();
        String analyst = tenant.addUser(users, Role.ANALYST);
        TestTenant.as(client, analyst).get().uri("/api/insights/perception-gap").exchange().expectStatus().isOk();
        PageSession page = PageSession.signIn(client, interviewer, TestTenant.PASSWORD);
        assertThat(page.get("/insights/perception-gap").getStatus().value()).isEqualTo(403);
    }

    @Test
    void pageShowsTheNumbersTheDiagonalAndLinksToTheDeals() {
        String analyst = tenant.addUser(users, Role.ANALYST);
        PageSession session = PageSession.signIn(client, analyst, TestTenant.PASSWORD);
        String html = session.get("/insights/perception-gap").getResponseBody();
        assertThat(html).contains(">Perception gap</a>", "4 of 7 deals", "57%", "Too few deals to conclude anything",
                "3 more are needed", "2 rep reasons", "data-chart=\"perception-gap\"", "/js/gap-chart.js",
                "data-reason=\"Price\" data-buyer=\"3\" data-rep=\"4\" data-agreed=\"2\"",
                "href=\"/insights/perception-gap/deals?rep=price&amp;buyer=product_fit\"",
                "href=\"/insights/perception-gap/deals?unread=true\"", "67%", "of 3: too few to conclude");
        assertThat(html).containsPattern("<td class=\"agree\">\\s*<a href=\"/insights/perception-gap/deals\\?rep=price&amp;buyer=price\"[^>]*>2</a>");
        assertThat(html).doesNotContain("Theirs");

        String cell = session.get("/insights/perception-gap/deals?rep=price&buyer=product_fit").getResponseBody();
        assertThat(cell).contains("The rep said Price and the buyer said Product fit", "D2 Globex", "/deals/" + ids.get("D2 Globex"))
                .doesNotContain("D1 Acme", "D3 Initech");

        String filtered = session.get("/insights/perception-gap?outcome=lost").getResponseBody();
        assertThat(filtered).contains("3 of 5 deals", "href=\"/insights/perception-gap/deals?rep=price&amp;buyer=price&amp;outcome=lost\"");
        assertThat(session.get("/insights/perception-gap?from=soon").getResponseBody()).contains("from: must be a date as YYYY-MM-DD");
    }
}
