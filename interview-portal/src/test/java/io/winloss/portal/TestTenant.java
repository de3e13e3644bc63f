package io.winloss.portal;

import java.time.Duration;
import java.util.UUID;

import org.springframework.test.web.reactive.server.WebTestClient;

import io.winloss.portal.account.NewUser;
import io.winloss.portal.account.Role;
import io.winloss.portal.account.Staff;
import io.winloss.portal.account.User;
import io.winloss.portal.account.Users;
import io.winloss.portal.workspace.Workspace;
import io.winloss.portal.workspace.Workspaces;

/** A fresh workspace with its admin, for tests that must not see each other's data. */
public record TestTenant(Workspace workspace, String adminEmail, String password) {

    public static final String PASSWORD = "correct-horse-battery";

    public static TestTenant create(Workspaces workspaces) {
        String email = "admin-" + UUID.randomUUID() + "@example.test";
        Workspace workspace = workspaces.create("Test " + email, email, PASSWORD).block(Duration.ofSeconds(30));
        return new TestTenant(workspace, email, PASSWORD);
    }

    public static final String OWNER_EMAIL = "owner@example.test";

    /**
     * The instance owner's credentials, creating the first workspace if this test context has none yet.
     * Only the owner may create workspaces through the API.
     */
    public static String owner(Workspaces workspaces) {
        workspaces.createFirst("Owner's workspace", OWNER_EMAIL, PASSWORD)
                .onErrorResume(io.winloss.portal.web.Conflict.class, e -> reactor.core.publisher.Mono.empty())
                .block(Duration.ofSeconds(30));
        return OWNER_EMAIL;
    }

    /** Adds a user with the given role to this workspace and returns their email (password {@link #PASSWORD}). */
    public String addUser(Users users, Role role) {
        String email = role.name().toLowerCase() + "-" + UUID.randomUUID() + "@example.test";
        users.create(workspace.id(), NewUser.of(email, PASSWORD, role.name())).block(Duration.ofSeconds(30));
        return email;
    }

    /** This workspace's user with {@code email} as the portal sees them signed in (not the instance owner). */
    public Staff staff(Users users, String email) {
        User user = users.findByEmail(workspace.id(), email).block(Duration.ofSeconds(30));
        return new Staff(user.id(), workspace.id(), user.email(), user.role(), false);
    }

    /** A client that calls the API as this workspace's admin. */
    public WebTestClient asAdmin(WebTestClient client) {
        return client.mutate().defaultHeaders(h -> h.setBasicAuth(adminEmail, password)).build();
    }

    public static WebTestClient as(WebTestClient client, String email) {
        return client.mutate().defaultHeaders(h -> h.setBasicAuth(email, PASSWORD)).build();
    }
}
