package io.winloss.portal.session;

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
 * Deletes expired sessions every 5 minutes, in worker processes: the embedded store has no TTL indexes, and an
 * expired session is refused on read anyway, so this only keeps {@code sessions} small. Several workers may run it at
 * once: the deletion is idempotent.
 */
@Component
class SessionCleanup {

    private static final Logger log = LoggerFactory.getLogger(SessionCleanup.class);

    private final StoredSessions sessions;
    private final boolean active;

    @Autowired
    SessionCleanup(StoredSessions sessions, PortalProperties properties) {
        this(sessions, properties.isWorker());
    }

    SessionCleanup(StoredSessions sessions, boolean active) {
        this.sessions = sessions;
        this.active = active;
    }

    @Scheduled(initialDelay = 60_000, fixedDelay = 300_000)
    Mono<Long> cleanUpOnSchedule() {
        return WorkerRuns.scheduled(active, log, "session cleanup", this::cleanUp);
    }

    /** Deletes the sessions that expired before {@code now}; answers how many. */
    Mono<Long> cleanUp(Instant now) {
        return sessions.removeExpired(now).doOnNext(removed -> {
            if (removed > 0) {
                log.info("session cleanup: {} expired sessions removed", removed);
            }
        });
    }
}
