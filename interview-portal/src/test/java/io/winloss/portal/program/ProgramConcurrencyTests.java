package io.winloss.portal.program;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.winloss.portal.PortalTest;
import io.winloss.portal.TestTenant;
import io.winloss.portal.deal.Deals;
import io.winloss.portal.invitation.Invitations;
import io.winloss.portal.store.Store;
import io.winloss.portal.workspace.Workspaces;

/**
 * Two schedulers on one store, as two worker processes would run them, doing the same due steps at the same time:
 * every buyer gets exactly one invitation mail and one mail per reminder, and every step is recorded once.
 */
@PortalTest
class ProgramConcurrencyTests {

    private static final int DEALS = 40;
    private static final Duration WAIT = Duration.ofSeconds(120);

    @Autowired
    WebTestClient client;

    @Autowired
    Workspaces workspaces;

    @Autowired
    Store store;

    @Autowired
    Plans plans;

    @Autowired
    Programs programs;

    @Autowired
    Deals deals;

    @Autowired
    Invitations invitations;

    @Autowired
    ProgramSettings settings;

    @Test
    void twoSchedulersRunningTheSameDueStepsMailEachBuyerOncePerStep() throws Exception {
        TestTenant tenant = TestTenant.create(workspaces);
        ProgramFixture fixture = new ProgramFixture(client, tenant, store);
        LocalDate today = ProgramFixture.today();
        String programId = fixture.program(5, List.of(1.0, 2.0));
        List<String> dealIds = new ArrayList<>();
        for (int i = 0; i < DEALS; i++) {
            dealIds.add(fixture.deal("Buyer " + i, i % 2 == 0 ? "lost" : "won", today, "buyer" + i + "@example.test"));
        }
        ProgramSchedule one = new ProgramSchedule(plans, programs, deals, invitations, settings, false);
        ProgramSchedule two = new ProgramSchedule(plans, programs, deals, invitations, settings, false);
        Instant inviteAt = today.atStartOfDay(ZoneOffset.UTC).toInstant().plus(Duration.ofDays(5));

        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (Instant now : List.of(inviteAt, inviteAt.plus(Duration.ofDays(1)), inviteAt.plus(Duration.ofDays(2)))) {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Integer>> runs = new ArrayList<>();
                for (ProgramSchedule schedule : List.of(one, two)) {
                    Callable<Integer> run = () -> {
                        start.await();
                        int steps = 0;
                        int last;
                        do {
                            last = schedule.runDue(now).block(WAIT);
                            steps += last;
                        } while (last >= settings.stepsPerRun());
                        return steps;
                    };
                    runs.add(threads.submit(run));
                }
                start.countDown();
                int one1 = runs.get(0).get();
                int two1 = runs.get(1).get();
                assertThat(one1 + two1).as("steps claimed at %s", now).isGreaterThanOrEqualTo(DEALS);
            }
        } finally {
            threads.shutdownNow();
        }

        for (String dealId : dealIds) {
            List<Document> invited = fixture.invitations(dealId);
            assertThat(invited).as("invitations of %s", dealId).hasSize(1);
            String invitationId = invited.get(0).getString("_id");
            List<Document> mails = fixture.mails(invitationId);
            assertThat(mails).as("mails of %s", dealId).extracting(m -> m.getString("_id"))
                    .containsExactlyInAnyOrder(invitationId + ":invitation", invitationId + ":reminder:1", invitationId + ":reminder:2");
            Document plan = fixture.plan(programId, dealId);
            assertThat(plan.getString("status")).isEqualTo("finished");
            List<String> history = plan.getList("history", Document.class).stream().map(e -> e.getString("what")).toList();
            assertThat(history).as("each step recorded once").containsExactly("scheduled", "invitation queued", "reminder 1 queued",
                    "reminder 2 queued");
        }
    }
}
