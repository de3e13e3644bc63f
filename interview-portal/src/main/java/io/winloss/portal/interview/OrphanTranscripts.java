package io.winloss.portal.interview;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.Projections;

import io.winloss.portal.PortalProperties;
import io.winloss.portal.WorkerRuns;
import io.winloss.portal.store.Collections;
import io.winloss.portal.store.Store;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Deletes transcript files that no interview holds, in worker processes. An upload stores its file, then queues
 * the job, then records the interview (so nothing acknowledged is ever without its file); a process that dies in
 * between, or a request that fails there, leaves a file nobody can reach, which would otherwise stay forever. Files
 * younger than {@link #GRACE} are left alone, since their interview may be on its way. Several workers may run it
 * at once: deleting a file twice is no error.
 */
@Component
class OrphanTranscripts {

    /** An upload records its interview milliseconds after its file; an hour leaves no doubt. */
    static final Duration GRACE = Duration.ofHours(1);

    private static final Logger log = LoggerFactory.getLogger(OrphanTranscripts.class);

    private final Store store;
    private final TranscriptFiles files;
    private final boolean active;

    @Autowired
    OrphanTranscripts(Store store, TranscriptFiles files, PortalProperties properties) {
        this(store, files, properties.isWorker());
    }

    OrphanTranscripts(Store store, TranscriptFiles files, boolean active) {
        this.store = store;
        this.files = files;
        this.active = active;
    }

    @Scheduled(initialDelay = 120_000, fixedDelay = 600_000)
    Mono<Long> sweepOnSchedule() {
        return WorkerRuns.scheduled(active, log, "sweeping orphan transcript files", this::sweep);
    }

    /** Deletes every file stored before {@code now} minus {@link #GRACE} that no interview holds; answers how many. */
    Mono<Long> sweep(Instant now) {
        Instant before = now.minus(GRACE);
        return held().flatMap(held -> files.storedBefore(before)
                        .filter(fileId -> !held.contains(fileId))
                        .concatMap(fileId -> files.delete(fileId).thenReturn(fileId))
                        .count())
                .doOnNext(deleted -> {
                    if (deleted > 0) {
                        log.info("deleted {} transcript files no interview holds (stored before {})", deleted, before);
                    }
                });
    }

    /** The file ids every interview of every workspace holds, read in one pass. */
    private Mono<Set<String>> held() {
        return Flux.from(store.global(Collections.INTERVIEWS).find().projection(Projections.include("fileId")))
                .mapNotNull(interview -> interview.getString("fileId"))
                .collect(HashSet::new, Set::add);
    }
}
