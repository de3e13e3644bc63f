package io.winloss.portal.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import edu.stanford.nlp.ling.CoreLabel;
import io.winloss.nlp.tagging.CriteriaPatterns;
import io.winloss.nlp.tagging.CriteriaTagger;
import io.winloss.nlp.tagging.Mention;
import io.winloss.portal.PortalTest;
import io.winloss.portal.TestTenant;
import io.winloss.portal.account.Role;
import io.winloss.portal.account.Staff;
import io.winloss.portal.account.Users;
import io.winloss.portal.workspace.Workspaces;

@PortalTest
class CriteriaApiTests {

    @Autowired
    WebTestClient client;

    @Autowired
    Workspaces workspaces;

    @Autowired
    Users users;

    @Autowired
    CriteriaRules criteria;

    TestTenant tenant;

    @BeforeEach
    void newTenant() {
        tenant = TestTenant.create(workspaces);
    }

    private long version() {
        return criteria.version(tenant.workspace().id()).block(Duration.ofSeconds(10));
    }

    @Test
    void putStoresTheLinesAndGetReturnsThemToAnyStaff() {
        tenant.asAdmin(client).get().uri("/api/criteria").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.lines").isEqualTo("").jsonPath("$.version").isEqualTo(0);

        String lines = "# ours\nprice: sticker shock | per - seat\nsupport: concierge desk\n";
        tenant.asAdmin(client).put().uri("/api/criteria").bodyValue(Map.of("lines", lines)).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.lines").isEqualTo(lines).jsonPath("$.version").isEqualTo(1);

        String analyst = tenant.addUser(users, Role.ANALYST);
        TestTenant.as(client, analyst).get().uri("/api/criteria").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.lines").isEqualTo(lines).jsonPath("$.version").isEqualTo(1);
        client.get().uri("/api/criteria").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void aBadLineIsRefusedNamingItsNumberAndChangesNothing() {
        tenant.asAdmin(client).put().uri("/api/criteria").bodyValue(Map.of("lines", "price: sticker shock")).exchange()
                .expectStatus().isOk();
        tenant.asAdmin(client).put().uri("/api/criteria")
                .bodyValue(Map.of("lines", "price: list price\nvibes: good energy\n"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].field").isEqualTo("lines")
                .jsonPath("$.errors[0].message").isEqualTo("line 2: unknown criterion 'vibes'");
        tenant.asAdmin(client).put().uri("/api/criteria").bodyValue(Map.of("lines", "\n\nprice: a | | b")).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].message").isEqualTo("line 3: an empty phrase for price");
        assertThat(version()).isEqualTo(1);
        assertThat(criteria.lines(tenant.workspace().id()).block()).isEqualTo("price: sticker shock");
    }

    @Test
    void tooManyLinesOrBytesAreRefused() {
        String manyLines = "\n".repeat(CriteriaRules.MAX_LINES);
        tenant.asAdmin(client).put().uri("/api/criteria").bodyValue(Map.of("lines", manyLines)).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("lines")
                .jsonPath("$.errors[0].message").isEqualTo("at most 2000 lines");
        String big = "price: " + "x".repeat(CriteriaRules.MAX_BYTES);
        tenant.asAdmin(client).put().uri("/api/criteria").bodyValue(Map.of("lines", big)).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].message").isEqualTo("at most 64 KB of patterns");
        assertThat(version()).isZero();
    }

    @Test
    void analystMayReadButNotReplace() {
        String analyst = tenant.addUser(users, Role.ANALYST);
        TestTenant.as(client, analyst).put().uri("/api/criteria").bodyValue(Map.of("lines", "price: sticker shock"))
                .exchange().expectStatus().isForbidden();
        assertThat(version()).isZero();
    }

    @Test
    void anotherWorkspaceKeepsOnlyTheShippedPatterns() {
        tenant.asAdmin(client).put().uri("/api/criteria").bodyValue(Map.of("lines", "support: concierge desk")).exchange()
                .expectStatus().isOk();
        TestTenant other = TestTenant.create(workspaces);
        other.asAdmin(client).get().uri("/api/criteria").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.lines").isEqualTo("").jsonPath("$.version").isEqualTo(0);
        assertThat(tag(criteria.patterns(other.workspace().id()).block(), "concierge", "desk")).isEmpty();
    }

    @Test
    void patternsExtendTheShippedOnes() {
        List<String> sentence = List.of("the", "concierge", "desk", "was", "expensive");
        assertThat(tag(CriteriaPatterns.defaults(), sentence.toArray(String[]::new)))
                .extracting(Mention::target).containsExactly("price");

        criteria.replace(tenant.workspace().id(), "support: concierge desk",
                new Staff("test", tenant.workspace().id(), tenant.adminEmail(), Role.ADMIN, false)).block(Duration.ofSeconds(10));
        assertThat(tag(criteria.patterns(tenant.workspace().id()).block(), sentence.toArray(String[]::new)))
                .extracting(Mention::target).containsExactly("support", "price");
    }

    /** Tags words whose lemma is the word itself, as the pipeline's tokens would carry them, tagged as nouns. */
    private static List<Mention> tag(CriteriaPatterns patterns, String... words) {
        List<CoreLabel> tokens = java.util.Arrays.stream(words).map(word -> {
            CoreLabel token = new CoreLabel();
            token.setWord(word);
            token.setLemma(word);
            token.setTag("NN");
            return token;
        }).toList();
        return new CriteriaTagger(patterns).tag(tokens, new float[0]);
    }
}
