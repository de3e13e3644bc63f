package io.winloss.portal.deal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.winloss.portal.PortalTest;
import io.winloss.portal.TestTenant;
import io.winloss.portal.account.Role;
import io.winloss.portal.account.Users;
import io.winloss.portal.workspace.Workspaces;

@PortalTest
class DealApiTests {

    @Autowired
    WebTestClient client;

    @Autowired
    Workspaces workspaces;

    @Autowired
    Users users;

    @Autowired
    Deals deals;

    TestTenant tenant;

    @BeforeEach
    void newTenant() {
        tenant = TestTenant.create(workspaces);
    }

    private long count() {
        return deals.list(tenant.workspace().id(), DealFilter.ANY, 0, 1).block(Duration.ofSeconds(10)).total();
    }

    @Test
    void createAnswers201WithTheDealInApiShape() {
        tenant.asAdmin(client).post().uri("/api/deals")
                .bodyValue(Map.of("account", "Acme", "outcome", "lost", "closeDate", "2026-03-31", "openDate", "2025-12-01",
                        "amount", 48000.5, "currency", "eur", "discount", 0.15, "competitors", List.of("Globex", "Initech"),
                        "contacts", List.of(Map.of("name", "Ann", "email", "ann@acme.test", "role", "CFO"))))
                .exchange()
                .expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.id").isNotEmpty()
                .jsonPath("$.account").isEqualTo("Acme")
                .jsonPath("$.outcome").isEqualTo("lost")
                .jsonPath("$.closeDate").isEqualTo("2026-03-31")
                .jsonPath("$.openDate").isEqualTo("2025-12-01")
                .jsonPath("$.amount").isEqualTo(48000.5)
                .jsonPath("$.currency").isEqualTo("EUR")
                .jsonPath("$.discount").isEqualTo(0.15)
                .jsonPath("$.competitors[1]").isEqualTo("Initech")
                .jsonPath("$.contacts[0].email").isEqualTo("ann@acme.test");
    }

    @Test
    void invalidBodyListsEveryBadFieldAndStoresNothing() {
        long before = count();
        byte[] body = tenant.asAdmin(client).post().uri("/api/deals")
                .bodyValue(Map.of("outcome", "maybe", "closeDate", "31/03/2026", "amount", -1, "currency", "EURO",
                        "discount", 1.5, "contacts", List.of(Map.of("name", "Ann", "email", "not-an-email"))))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().returnResult().getResponseBody();
        assertThat(new String(body)).contains("\"field\":\"account\"", "\"field\":\"outcome\"", "\"field\":\"closeDate\"",
                "\"field\":\"amount\"", "\"field\":\"currency\"", "\"field\":\"discount\"", "\"field\":\"contacts[0].email\"");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void openDateAfterCloseDateIsRefused() {
        tenant.asAdmin(client).post().uri("/api/deals")
                .bodyValue(Map.of("account", "Acme", "outcome", "won", "closeDate", "2026-01-01", "openDate", "2026-02-01"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("openDate");
    }

    @Test
    void sameExternalIdAgainUpdatesTheOneDeal() {
        String id = tenant.asAdmin(client).post().uri("/api/deals")
                .bodyValue(Map.of("externalId", "crm-1", "account", "Acme", "outcome", "open", "closeDate", "2026-01-01"))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
        tenant.asAdmin(client).post().uri("/api/deals")
                .bodyValue(Map.of("externalId", "crm-1", "account", "Acme Corp", "outcome", "won", "closeDate", "2026-02-01"))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.id").isEqualTo(id).jsonPath("$.outcome").isEqualTo("won");
        assertThat(count()).isEqualTo(1);
        tenant.asAdmin(client).get().uri("/api/deals/" + id).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.account").isEqualTo("Acme Corp").jsonPath("$.closeDate").isEqualTo("2026-02-01");
    }

    @Test
    void sameExternalIdInAnotherWorkspaceIsAnotherDeal() {
        TestTenant other = TestTenant.create(workspaces);
        Map<String, String> body = Map.of("externalId", "crm-9", "account", "Acme", "outcome", "won", "closeDate", "2026-01-01");
        tenant.asAdmin(client).post().uri("/api/deals").bodyValue(body).exchange().expectStatus().isCreated();
        other.asAdmin(client).post().uri("/api/deals").bodyValue(body).exchange().expectStatus().isCreated();
    }

    @Test
    void listFiltersByOutcomeSegmentAndAccountAndPagesNewestFirst() {
        WebTestClient api = tenant.asAdmin(client);
        for (int i = 1; i <= 5; i++) {
            api.post().uri("/api/deals").bodyValue(Map.of("account", "Acme " + i, "outcome", i % 2 == 0 ? "won" : "lost",
                    "segment", i <= 3 ? "smb" : "enterprise", "closeDate", "2026-01-0" + i)).exchange().expectStatus().isCreated();
        }
        api.get().uri("/api/deals?outcome=lost").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.total").isEqualTo(3).jsonPath("$.items[0].account").isEqualTo("Acme 5");
        api.get().uri("/api/deals?outcome=lost&outcome=won&segment=enterprise").exchange()
                .expectBody().jsonPath("$.total").isEqualTo(2);
        api.get().uri("/api/deals?account=ACME 4").exchange()
                .expectBody().jsonPath("$.total").isEqualTo(1).jsonPath("$.items[0].account").isEqualTo("Acme 4");
        api.get().uri("/api/deals?page=1&size=2").exchange()
                .expectBody().jsonPath("$.total").isEqualTo(5)
                .jsonPath("$.items.length()").isEqualTo(2)
                .jsonPath("$.items[0].account").isEqualTo("Acme 3")
                .jsonPath("$.items[1].account").isEqualTo("Acme 2");
        api.get().uri("/api/deals?outcome=maybe").exchange().expectStatus().isBadRequest();
    }

    @Test
    void anotherWorkspacesDealIsNotFound() {
        TestTenant other = TestTenant.create(workspaces);
        String id = other.asAdmin(client).post().uri("/api/deals")
                .bodyValue(Map.of("account", "Theirs", "outcome", "won", "closeDate", "2026-01-01"))
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
        tenant.asAdmin(client).get().uri("/api/deals/" + id).exchange().expectStatus().isNotFound();
        tenant.asAdmin(client).get().uri("/api/deals").exchange().expectBody().jsonPath("$.total").isEqualTo(0);
    }

    @Test
    void interviewersMayNotCreateOrImportDeals() {
        String interviewer = tenant.addUser(users, Role.INTERVIEWER);
        TestTenant.as(client, interviewer).post().uri("/api/deals")
                .bodyValue(Map.of("account", "Acme", "outcome", "won", "closeDate", "2026-01-01"))
                .exchange().expectStatus().isForbidden();
        TestTenant.as(client, interviewer).post().uri("/api/deals/import").contentType(org.springframework.http.MediaType.valueOf("text/csv"))
                .bodyValue("account,outcome,closeDate\nAcme,won,2026-01-01\n")
                .exchange().expectStatus().isForbidden();
        assertThat(count()).isZero();
    }

    @Test
    void analystsMayUseTheDealApi() {
        String analyst = tenant.addUser(users, Role.ANALYST);
        TestTenant.as(client, analyst).get().uri("/api/deals").exchange().expectStatus().isOk();
    }
}
