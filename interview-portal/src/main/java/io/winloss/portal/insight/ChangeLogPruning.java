package io.winloss.portal.insight;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.winloss.portal.PortalProperties;

import reactor.core.publisher.Mono;

/**
 * Keeps the change log from growing forever, in worker processes: deletes the entries that every replica seen within
 * {@link ChangeLogSettings#replicasSeenWithin} has committed and that are older than {@link ChangeLogSettings#grace}.
 * A job rather than a TTL index (the embedded store never expires documents). Several workers may prune at once:
 * each run only deletes what every live replica is past, and the pruned mark only grows.
 */
@Component
class ChangeLogPruning {

    private static final Logger log = LoggerFactory.getLogger(ChangeLogPruning.class);

    private final ChangeLog changes;
    private final Replicas replicas;
    private final ChangeLogSettings settings;
    private final boolean active;
    private final Clock clock;

    @Autowired
    ChangeLogPruning(ChangeLog changes, Replicas replicas, ChangeLogSettings settings, PortalProperties properties) {
        this(changes, replicas, settings, properties.isWorker(), Clock.systemUTC());
    }

    ChangeLogPruning(ChangeLog changes, Replicas replicas, ChangeLogSettings settings, boolean active, Clock clock) {
        this.changes = changes;
        this.replicas = replicas;
        this.settings = settings;
        this.active = active;
        this.clock = clock;
    }

    @Scheduled(initialDelay = 60_000, fixedDelay = 600_000)
    Mono<Long> pruneOnSchedule() {
        return active ? prune().onErrorResume(e -> {
            log.warn("change log pruning stopped: {}", e.toString());
            return Mono.just(0L);
        }) : Mono.empty();
    }

    /** Deletes what every replica seen lately has committed, past the grace; answers how many entries went. */
    Mono<Long> prune() {
        return Mono.defer(() -> {
            Instant now = clock.instant();
            return replicas.lowestPositionSince(now.minus(settings.replicasSeenWithin()))
                    .flatMap(lowest -> changes.prune(lowest, now.minus(settings.grace()))
                            .doOnNext(deleted -> {
                                if (deleted > 0) {
                                    log.info("change log: pruned {} entries at or below position {}", deleted, lowest);
                                }
                            }))
                    .defaultIfEmpty(0L);
        });
    }
}
