package io.winloss.portal.account;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.winloss.portal.PortalTest;
import io.winloss.portal.SettableClock;
import io.winloss.portal.TestTenant;
import io.winloss.portal.secret.SecretToken;
import io.winloss.portal.store.Collections;
import io.winloss.portal.store.Store;
import io.winloss.portal.workspace.Workspaces;
import reactor.core.publisher.Mono;

/**
 * A process keeps who an API key acts for (so a request reads nothing from the store to authenticate), yet a change
 * made on this process counts at once, and one made on another process within {@link Users#KEPT}.
 */
@PortalTest
class ApiKeyAuthenticationTests {

    @Autowired
    WebTestClient client;

    @Autowired
    Workspaces workspaces;

    @Autowired
    Users users;

    @Autowired
    ApiKeys apiKeys;

    @Autowired
    Store store;

    TestTenant tenant;

    @BeforeEach
    void createTenant() {
        tenant = TestTenant.create(workspaces);
    }

    /** GET /api/users, which admins may call and analysts may not. */
    private WebTestClient.ResponseSpec listUsers(String key) {
        return client.get().uri("/api/users").headers(h -> h.setBearerAuth(key)).exchange();
    }

    @Test
    void demotedUsersKeyLosesTheRoleAtOnce() {
        Staff admin = tenant.staff(users, tenant.addUser(users, Role.ADMIN));
        String key = apiKeys.issue(admin, "script").block().secret();
        listUsers(key).expectStatus().isOk();

        users.changeRole(tenant.workspace().id(), admin.userId(), Role.ANALYST).block();

        listUsers(key).expectStatus().isForbidden();
    }

    @Test
    void removedUsersKeyIsRefusedAtOnce() {
        Staff admin = tenant.staff(users, tenant.addUser(users, Role.ADMIN));
        String key = apiKeys.issue(admin, "script").block().secret();
        listUsers(key).expectStatus().isOk();

        users.remove(tenant.workspace().id(), admin.userId()).block();

        listUsers(key).expectStatus().isUnauthorized();
    }

    @Test
    void keyRevokedOnAnotherProcessActsUntilItIsReadAgain() {
        SettableClock clock = new SettableClock(Instant.parse("2026-12-07T10:00:00Z"));
        ApiKeys thisProcess = new ApiKeys(store, users, clock);
        Staff admin = tenant.staff(users, tenant.adminEmail());
        String key = apiKeys.issue(admin, "script").block().secret();
        assertThat(thisProcess.authenticate(key).block()).isEqualTo(admin);

        // another process revokes it: the document goes, this process is not told
        Mono.from(store.global(Collections.API_KEYS).deleteOne(eq("hash", SecretToken.hashOf(key)))).block();

        assertThat(thisProcess.authenticate(key).block()).as("kept").isEqualTo(admin);
        clock.set(clock.instant().plus(Users.KEPT).plusSeconds(1));
        assertThat(thisProcess.authenticate(key).blockOptional()).as("read again").isEmpty();
    }
}
