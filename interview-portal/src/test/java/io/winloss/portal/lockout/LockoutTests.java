package io.winloss.portal.lockout;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import io.winloss.portal.PageSession;
import io.winloss.portal.PortalTest;
import io.winloss.portal.TestTenant;
import io.winloss.portal.account.Role;
import io.winloss.portal.account.Users;
import io.winloss.portal.workspace.Workspaces;

/** Lockout with the shipped defaults: 10 failures within 15 minutes lock an account for 15 minutes. */
@PortalTest
class LockoutTests {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    WebTestClient client;

    @Autowired
    Workspaces workspaces;

    @Autowired
    Users users;

    @Autowired
    Lockouts lockouts;

    TestTenant tenant;

    @BeforeEach
    void setUp() {
        TestTenant.owner(workspaces);
        tenant = TestTenant.create(workspaces);
    }

    /** Posts the login form and answers where the portal sent the browser. */
    private String signIn(String email, String password) {
        PageSession browser = new PageSession(client);
        browser.get("/login");
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", email);
        form.add("password", password);
        EntityExchangeResult<String> result = browser.post("/login", form);
        assertThat(result.getStatus().is3xxRedirection()).as("login answered %s", result.getStatus()).isTrue();
        String location = result.getResponseHeaders().getLocation().toString();
        if (location.contains("error")) {
            String page = browser.get(location).getResponseBody();
            assertThat(page).contains("That email and password do not match an account.");
        }
        return location;
    }

    private int api(String email, String password) {
        return client.get().uri("/api/deals").headers(h -> h.setBasicAuth(email, password)).exchange()
                .expectBody().returnResult().getStatus().value();
    }

    @Test
    void tenWrongPasswordsLockTheAccountAndTheRightOneThenFailsLikeAWrongOne() {
        String email = tenant.addUser(users, Role.ANALYST);
        String wrong = null;
        for (int i = 0; i < 10; i++) {
            wrong = signIn(email, "wrong-password-" + i);
        }
        String locked = signIn(email, TestTenant.PASSWORD);
        assertThat(locked).as("a locked account answers exactly as a wrong password does").isEqualTo(wrong);
        assertThat(signIn("nobody-" + System.nanoTime() + "@example.test", "whatever-it-is")).isEqualTo(wrong);
        assertThat(api(email, TestTenant.PASSWORD)).as("HTTP Basic is locked too").isEqualTo(401);
        assertThat(lockouts.isLocked(email, Instant.now()).block(WAIT)).isTrue();
    }

    @Test
    void nineFailuresThenASuccessStartTheCountAfresh() {
        String email = tenant.addUser(users, Role.ANALYST);
        for (int i = 0; i < 9; i++) {
            assertThat(api(email, "wrong-password")).isEqualTo(401);
        }
        assertThat(api(email, TestTenant.PASSWORD)).isEqualTo(200);
        for (int i = 0; i < 9; i++) {
            assertThat(api(email, "wrong-password")).isEqualTo(401);
        }
        assertThat(api(email, TestTenant.PASSWORD)).as("18 failures, but never 10 without a success between").isEqualTo(200);
    }

    @Test
    void aLockEndsByItselfAfterTheLockTime() {
        String email = tenant.addUser(users, Role.ANALYST);
        Instant failedAt = Instant.now().minus(Duration.ofMinutes(20));
        for (int i = 0; i < 9; i++) {
            assertThat(lockouts.recordFailure(email, failedAt.plusSeconds(i)).block(WAIT)).isFalse();
        }
        Instant tenth = failedAt.plusSeconds(9);
        assertThat(lockouts.recordFailure(email, tenth).block(WAIT)).as("the tenth failure locks").isTrue();
        assertThat(lockouts.isLocked(email, tenth.plus(Duration.ofMinutes(14))).block(WAIT)).isTrue();
        assertThat(lockouts.isLocked(email, tenth.plus(Duration.ofMinutes(15)).plusSeconds(1)).block(WAIT)).isFalse();
        // locked 20 minutes ago for 15: over now
        assertThat(api(email, TestTenant.PASSWORD)).isEqualTo(200);
        assertThat(signIn(email, TestTenant.PASSWORD)).isEqualTo("/");
    }

    @Test
    void failuresOutsideTheWindowDoNotAddUp() {
        String email = tenant.addUser(users, Role.ANALYST);
        Instant start = Instant.now();
        for (int i = 0; i < 9; i++) {
            lockouts.recordFailure(email, start.plusSeconds(i)).block(WAIT);
        }
        Instant later = start.plus(Duration.ofMinutes(16));
        assertThat(lockouts.recordFailure(email, later).block(WAIT)).as("a new window starts").isFalse();
        assertThat(lockouts.isLocked(email, later).block(WAIT)).isFalse();
        lockouts.recordSuccess(email).block(WAIT);
    }

    @Test
    void anAdminUnlocksAUserFromTheUsersPage() {
        String email = tenant.addUser(users, Role.ANALYST);
        for (int i = 0; i < 10; i++) {
            assertThat(api(email, "wrong-password")).isEqualTo(401);
        }
        assertThat(api(email, TestTenant.PASSWORD)).isEqualTo(401);
        String userId = users.findByEmail(tenant.workspace().id(), email).block(WAIT).id();

        TestTenant other = TestTenant.create(workspaces);
        PageSession otherAdmin = PageSession.signIn(client, other.adminEmail(), other.password());
        otherAdmin.get("/admin/users");
        assertThat(otherAdmin.post("/admin/users/" + userId + "/unlock", new LinkedMultiValueMap<>()).getStatus().value())
                .as("another workspace's admin cannot see the user").isEqualTo(404);
        assertThat(api(email, TestTenant.PASSWORD)).isEqualTo(401);

        PageSession admin = PageSession.signIn(client, tenant.adminEmail(), tenant.password());
        String page = admin.get("/admin/users").getResponseBody();
        assertThat(page).contains("locked until").contains("/admin/users/" + userId + "/unlock");
        EntityExchangeResult<String> unlocked = admin.post("/admin/users/" + userId + "/unlock", new LinkedMultiValueMap<>());
        assertThat(unlocked.getResponseHeaders().getLocation().toString()).isEqualTo("/admin/users?unlocked");
        assertThat(admin.get("/admin/users?unlocked").getResponseBody()).contains("User unlocked").doesNotContain("locked until");
        assertThat(api(email, TestTenant.PASSWORD)).isEqualTo(200);
    }
}
