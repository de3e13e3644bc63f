package io.winloss.portal.invitation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.winloss.portal.PortalClient;
import io.winloss.portal.PortalProcess;

/**
 * Nothing acknowledged is lost: buyers keep submitting while the portal is killed with SIGKILL; after a
 * restart on the same data folder every submission that got its 303 is there, exactly once.
 */
class CrashRecoveryIT {

    static final String ADMIN = "admin@example.test";
    static final String PASSWORD = "correct-horse-battery";
    static final int BUYERS = 60;

    @Test
    void everyAcknowledgedSubmissionSurvivesSigkill() throws Exception {
        Path data = Files.createTempDirectory("crash");
        Map<String, String> settings = Map.of("PORTAL_ADMIN_EMAIL", ADMIN, "PORTAL_ADMIN_PASSWORD", PASSWORD);
        String dealId;
        ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();

        PortalProcess portal = new PortalProcess(data, settings).start();
        try {
            PortalClient api = new PortalClient(portal.baseUrl(), ADMIN, PASSWORD);
            dealId = api.createDeal("Initech");
            List<String> links = new ArrayList<>();
            for (int i = 0; i < BUYERS; i++) {
                links.add(api.invite(dealId, "buyer" + i + "@initech.test"));
            }

            ExecutorService buyers = Executors.newFixedThreadPool(4);
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < BUYERS; i++) {
                String link = links.get(i);
                String marker = "answer-" + i;
                done.add(buyers.submit(() -> {
                    try {
                        HttpResponse<String> response = api.answer(link, marker);
                        if (response.statusCode() == 303) {
                            acknowledged.add(marker);
                        }
                    } catch (Exception killedMidRequest) {
                        // not acknowledged: the buyer saw an error and nothing is promised
                    }
                    return null;
                }));
            }
            // let a good share of them through, then pull the plug while the rest are in flight
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (acknowledged.size() < BUYERS / 3 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            portal.kill();
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
            buyers.shutdown();
        } finally {
            portal.close();
        }
        assertThat(acknowledged.size()).as("some submissions were acknowledged before the kill").isGreaterThanOrEqualTo(BUYERS / 3);

        try (PortalProcess restarted = new PortalProcess(data, settings).start()) {
            PortalClient api = new PortalClient(restarted.baseUrl(), ADMIN, PASSWORD);
            String responses = api.getJson("/api/deals/" + dealId + "/responses").body();
            List<String> stored = new ArrayList<>();
            Matcher m = Pattern.compile("answer-\\d+").matcher(responses);
            while (m.find()) {
                stored.add(m.group());
            }
            assertThat(stored).as("each stored answer appears once").doesNotHaveDuplicates();
            assertThat(stored).as("every acknowledged answer survived").containsAll(acknowledged);
        }
    }
}
