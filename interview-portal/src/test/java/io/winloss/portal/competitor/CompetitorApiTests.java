package io.winloss.portal.competitor;

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
import io.winloss.portal.account.Staff;
import io.winloss.portal.account.Users;
import io.winloss.portal.workspace.Workspaces;

@PortalTest
class CompetitorApiTests {

    @Autowired
    WebTestClient client;

    @Autowired
    Workspaces workspaces;

    @Autowired
    Users users;

    @Autowired
    Competitors competitors;

    TestTenant tenant;

    @BeforeEach
    void newTenant() {
        tenant = TestTenant.create(workspaces);
    }

    private static final List<Map<String, Object>> TWO = List.of(
            Map.of("name", "Salesforce", "aliases", List.of("SFDC", "Sales Cloud")),
            Map.of("name", "HubSpot", "aliases", List.of()));

    private long version() {
        return competitors.version(tenant.workspace().id()).block(Duration.ofSeconds(10));
    }

    private Staff admin() {
        return new Staff("test", tenant.workspace().id(), tenant.adminEmail(), Role.ADMIN, false);
    }

    @Test
    void putReplacesTheListAndGetReturnsIt() {
        tenant.asAdmin(client).put().uri("/api/competitors").bodyValue(TWO).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(2)
                .jsonPath("$[0].name").isEqualTo("Salesforce")
                .jsonPath("$[0].aliases[1]").isEqualTo("Sales Cloud");
        String analyst = tenant.addUser(users, Role.ANALYST);
        TestTenant.as(client, analyst).get().uri("/api/competitors").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[1].name").isEqualTo("HubSpot")
                .jsonPath("$[1].aliases.length()").isEqualTo(0);

        tenant.asAdmin(client).put().uri("/api/competitors").bodyValue(List.of(Map.of("name", "Pipedrive"))).exchange()
                .expectStatus().isOk();
        tenant.asAdmin(client).get().uri("/api/competitors").exchange()
                .expectBody().jsonPath("$.length()").isEqualTo(1).jsonPath("$[0].name").isEqualTo("Pipedrive");
    }

    @Test
    void aliasUsedByAnotherEntryIsRefusedWithItsFieldAndChangesNothing() {
        tenant.asAdmin(client).put().uri("/api/competitors").bodyValue(TWO).exchange().expectStatus().isOk();
        long before = version();
        tenant.asAdmin(client).put().uri("/api/competitors")
                .bodyValue(List.of(
                        Map.of("name", "Salesforce", "aliases", List.of("SFDC")),
                        Map.of("name", "Zoho", "aliases", List.of("Zoho CRM", "sfdc"))))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].field").isEqualTo("[1].aliases[1]");
        assertThat(version()).isEqualTo(before);
        assertThat(competitors.list(tenant.workspace().id()).block()).extracting(CompetitorEntry::name)
                .containsExactly("Salesforce", "HubSpot");
    }

    @Test
    void blankOrLongNamesAndBlankAliasesAreRefused() {
        tenant.asAdmin(client).put().uri("/api/competitors")
                .bodyValue(List.of(
                        Map.of("name", " ", "aliases", List.of()),
                        Map.of("name", "x".repeat(101)),
                        Map.of("name", "Acme", "aliases", List.of(""))))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("[0].name")
                .jsonPath("$.errors[1].field").isEqualTo("[1].name")
                .jsonPath("$.errors[2].field").isEqualTo("[2].aliases[0]");
    }

    @Test
    void analystMayReadButNotReplace() {
        String analyst = tenant.addUser(users, Role.ANALYST);
        TestTenant.as(client, analyst).put().uri("/api/competitors").bodyValue(TWO).exchange().expectStatus().isForbidden();
        assertThat(version()).isZero();
        client.get().uri("/api/competitors").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void anotherWorkspaceSeesItsOwnEmptyList() {
        tenant.asAdmin(client).put().uri("/api/competitors").bodyValue(TWO).exchange().expectStatus().isOk();
        TestTenant other = TestTenant.create(workspaces);
        other.asAdmin(client).get().uri("/api/competitors").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(0);
        assertThat(competitors.version(other.workspace().id()).block()).isZero();
    }

    @Test
    void everyChangeIncrementsTheVersion() {
        assertThat(version()).isZero();
        tenant.asAdmin(client).put().uri("/api/competitors").bodyValue(TWO).exchange().expectStatus().isOk();
        assertThat(version()).isEqualTo(1);
        tenant.asAdmin(client).put().uri("/api/competitors").bodyValue(TWO).exchange().expectStatus().isOk();
        assertThat(version()).isEqualTo(2);
    }

    @Test
    void addAppendsANewNameOnceAndIgnoresKnownSpellings() {
        competitors.add(tenant.workspace().id(), "Globex", admin()).block(Duration.ofSeconds(10));
        assertThat(version()).isEqualTo(1);
        competitors.replace(tenant.workspace().id(), List.of(new CompetitorEntry("Salesforce", List.of("SFDC")),
                new CompetitorEntry("Globex", List.of())), admin()).block(Duration.ofSeconds(10));
        competitors.add(tenant.workspace().id(), "sfdc", admin()).block(Duration.ofSeconds(10));
        competitors.add(tenant.workspace().id(), "GLOBEX", admin()).block(Duration.ofSeconds(10));
        assertThat(version()).isEqualTo(2);
        competitors.add(tenant.workspace().id(), "Initech", admin()).block(Duration.ofSeconds(10));
        assertThat(version()).isEqualTo(3);
        assertThat(competitors.list(tenant.workspace().id()).block()).extracting(CompetitorEntry::name)
                .containsExactly("Salesforce", "Globex", "Initech");
    }

    @Test
    void rulesMapEveryAliasToItsCanonicalName() {
        tenant.asAdmin(client).put().uri("/api/competitors").bodyValue(TWO).exchange().expectStatus().isOk();
        var rules = competitors.rules(tenant.workspace().id()).block(Duration.ofSeconds(10));
        assertThat(rules.canonicalName("sales cloud")).contains("Salesforce");
        assertThat(rules.canonicalName("Hubspot")).contains("HubSpot");
        assertThat(rules.canonicalName("Zoho")).isEmpty();
    }
}
