package io.winloss.portal.crm;

import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.winloss.portal.PortalProperties;
import io.winloss.portal.WorkerRuns;
import reactor.core.publisher.Mono;

/**
 * Keeps the webhook's two small collections small, in worker processes: forgets replay records older than
 * {@link WebhookSettings#replayMemory} and trims each workspace's event list to its latest {@link WebhookEvents#KEPT}.
 * A job, because the embedded store has no TTL or capped collections. Several workers may run it at once: both
 * deletions are idempotent.
 */
@Component
class WebhookCleanup {

    private static final Logger log = LoggerFactory.getLogger(WebhookCleanup.class);

    /** What one run removed. */
    record Removed(long replayRecords, long events) {
    }

    private final SeenEvents seen;
    private final WebhookEvents events;
    private final WebhookSettings settings;
    private final boolean active;

    @Autowired
    WebhookCleanup(SeenEvents seen, WebhookEvents events, WebhookSettings settings, PortalProperties properties) {
        this(seen, events, settings, properties.isWorker());
    }

    WebhookCleanup(SeenEvents seen, WebhookEvents events, WebhookSettings settings, boolean active) {
        this.seen = seen;
        this.events = events;
        this.settings = settings;
        this.active = active;
    }

    @Scheduled(initialDelay = 60_000, fixedDelay = 300_000)
    Mono<Removed> cleanUpOnSchedule() {
        return WorkerRuns.scheduled(active, log, "webhook cleanup", this::cleanUp);
    }

    /** Removes replay records received before {@code now} minus the replay memory, and events beyond the kept ones. */
    Mono<Removed> cleanUp(Instant now) {
        return Mono.zip(seen.forgetBefore(now.minus(settings.replayMemory())), events.trim(), Removed::new)
                .doOnNext(removed -> {
                    if (removed.replayRecords() + removed.events() > 0) {
                        log.info("webhook cleanup: {} replay records, {} events removed", removed.replayRecords(), removed.events());
                    }
                });
    }
}
