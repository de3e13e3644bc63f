package io.winloss.portal.postmortem;

import static com.mongodb.client.model.Filters.eq;
import static io.winloss.portal.postmortem.PostMortemFixture.touchpoint;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.winloss.portal.PortalTest;
import io.winloss.portal.TestTenant;
import io.winloss.portal.account.Role;
import io.winloss.portal.account.Users;
import io.winloss.portal.store.Collections;
import io.winloss.portal.store.Store;
import io.winloss.portal.workspace.Workspaces;
import reactor.core.publisher.Mono;

/** Deleting a deal takes its touchpoints, its post-mortem and its ratings, and nothing of another deal's. */
@PortalTest
class PostMortemDeletionTests {

    @Autowired
    WebTestClient client;

    @Autowired
    Workspaces workspaces;

    @Autowired
    Users users;

    @Autowired
    Store store;

    @Test
    void deletingADealTakesItsTouchpointsPostMortemAndRatings() {
        TestTenant tenant = TestTenant.create(workspaces);
        WebTestClient analyst = TestTenant.as(client, tenant.addUser(users, Role.ANALYST));
        String deleted = PostMortemFixture.deal(client, tenant, "Hooli");
        String kept = PostMortemFixture.deal(client, tenant, "Initech");
        for (String dealId : List.of(deleted, kept)) {
            PostMortemFixture.touchpoints(client, tenant, dealId, List.of(touchpoint("2026-02-03", "call", "Discovery call"),
                    touchpoint("2026-02-10", "demo", "Demo")));
            analyst.put().uri("/api/deals/{id}/post-mortem", dealId).bodyValue(Map.of("problem", "Lost it",
                    "rootCauses", List.of(Map.of("cause", "Price", "category", "price")))).exchange().expectStatus().isOk();
            analyst.post().uri("/api/deals/{id}/post-mortem/ratings", dealId).bodyValue(Map.of("score", 3))
                    .exchange().expectStatus().isCreated();
            tenant.asAdmin(client).post().uri("/api/deals/{id}/post-mortem/ratings", dealId).bodyValue(Map.of("score", 4))
                    .exchange().expectStatus().isCreated();
        }
        assertThat(count(Collections.TOUCHPOINTS, deleted)).isEqualTo(2);
        assertThat(count(Collections.POST_MORTEMS, deleted)).isOne();
        assertThat(count(Collections.POST_MORTEM_RATINGS, deleted)).isEqualTo(2);

        analyst.delete().uri("/api/deals/{id}", deleted).exchange().expectStatus().isNoContent();

        assertThat(count(Collections.TOUCHPOINTS, deleted)).isZero();
        assertThat(count(Collections.POST_MORTEMS, deleted)).isZero();
        assertThat(count(Collections.POST_MORTEM_RATINGS, deleted)).isZero();
        assertThat(count(Collections.TOUCHPOINTS, kept)).isEqualTo(2);
        assertThat(count(Collections.POST_MORTEMS, kept)).isOne();
        assertThat(count(Collections.POST_MORTEM_RATINGS, kept)).isEqualTo(2);
        analyst.get().uri("/api/deals/{id}/post-mortem", deleted).exchange().expectStatus().isNotFound();
    }

    private long count(String collection, String dealId) {
        return Mono.from(store.global(collection).countDocuments(eq("dealId", dealId))).block(Duration.ofSeconds(10));
    }
}
