package io.winloss.portal.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.winloss.portal.PortalTest;
import io.winloss.portal.TestTenant;

@PortalTest
class WorkspaceApiTests {

    @Autowired
    WebTestClient client;

    @Autowired
    Workspaces workspaces;

    @Test
    void onlyTheInstanceOwnerCreatesWorkspaces() {
        TestTenant tenant = TestTenant.create(workspaces);
        tenant.asAdmin(client).post().uri("/api/workspaces")
                .bodyValue(Map.of("name", "Other", "adminEmail", "o-" + UUID.randomUUID() + "@example.test", "adminPassword", "long-enough-pw"))
                .exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void ownerCreatesAWorkspaceWhoseAdminCanSignIn() {
        String admin = "new-" + UUID.randomUUID() + "@example.test";
        client.post().uri("/api/workspaces")
                .headers(h -> h.setBasicAuth(TestTenant.owner(workspaces), TestTenant.PASSWORD))
                .bodyValue(Map.of("name", "Beta", "adminEmail", admin, "adminPassword", TestTenant.PASSWORD))
                .exchange()
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.name").isEqualTo("Beta").jsonPath("$.id").isNotEmpty();
        // the new admin is not the owner, so may not create workspaces in turn
        TestTenant.as(client, admin).post().uri("/api/workspaces")
                .bodyValue(Map.of("name", "Gamma", "adminEmail", "g-" + UUID.randomUUID() + "@example.test", "adminPassword", TestTenant.PASSWORD))
                .exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void apiWithoutCredentialsAnswers401() {
        client.get().uri("/api/deals").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void invalidWorkspaceFieldsAreAllReported() {
        String email = TestTenant.owner(workspaces);
        byte[] body = client.post().uri("/api/workspaces")
                .headers(h -> h.setBasicAuth(email, TestTenant.PASSWORD))
                .bodyValue(Map.of("name", "", "adminEmail", "nope", "adminPassword", "short"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().returnResult().getResponseBody();
        assertThat(new String(body)).contains("\"field\":\"name\"", "\"field\":\"adminEmail\"", "\"field\":\"adminPassword\"");
    }
}
