package io.winloss.portal.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.mongodb.reactivestreams.client.MongoClient;

import io.winloss.portal.PortalTest;
import io.winloss.portal.SettableClock;
import io.winloss.portal.store.Store;
import io.winloss.portal.workspace.WorkspaceId;
import reactor.core.publisher.Mono;

/**
 * An upload queues its analysis job before it stores the interview (so a crash in between leaves no interview that
 * is never analysed), which lets a worker claim the job in the moment between the two. Finding nothing then must not
 * fail the job for good: it is tried again after the backoff, by when the interview is there.
 */
@PortalTest
class NotYetStoredTargetTests {

    private static final Duration LEASE = Duration.ofSeconds(30);

    @Autowired
    MongoClient client;

    @Autowired
    Analyses analyses;

    @Autowired
    AnalysisPipeline pipeline;

    @Test
    void aJobClaimedBeforeItsInterviewIsStoredIsTriedAgainAndThenAnalysed() {
        AnalysisJobs jobs = new AnalysisJobs(new Store(client.getDatabase("queue-" + UUID.randomUUID())));
        WorkspaceId workspace = new WorkspaceId(UUID.randomUUID().toString());
        AtomicBoolean stored = new AtomicBoolean();
        AnalysisTarget upload = new AnalysisTarget() {
            @Override
            public String kind() {
                return "not-yet-stored";
            }

            @Override
            public Mono<Long> reanalyzeAll(WorkspaceId w) {
                return Mono.just(0L);
            }

            @Override
            public Mono<Input> load(WorkspaceId w, String id) {
                return stored.get() ? Mono.just((p, progress) -> List.of()) : Mono.empty();
            }
        };
        Instant now = Instant.parse("2026-06-01T10:00:00Z");
        SettableClock clock = new SettableClock(now);
        AnalysisWorker worker = new AnalysisWorker(jobs, analyses, pipeline, new AnalysisSettings(LEASE, 1, 1, 0, false), true,
                List.of(upload), clock);
        try {
            AnalysisJob job = jobs.enqueue(workspace, "not-yet-stored:" + UUID.randomUUID(), now).block();

            worker.run(jobs.claim(worker.id(), now, LEASE).block()).block(Duration.ofSeconds(10));
            AnalysisJob afterMiss = jobs.find(workspace, job.id()).block();
            assertThat(afterMiss.status()).as("not failed for good").isEqualTo(JobStatus.QUEUED);

            stored.set(true);
            Instant later = now.plus(AnalysisJobs.backoff(1));
            clock.set(later);
            worker.run(jobs.claim(worker.id(), later, LEASE).block()).block(Duration.ofSeconds(10));
            AnalysisJob done = jobs.find(workspace, job.id()).block();
            assertThat(done.status()).isEqualTo(JobStatus.DONE);
            assertThat(done.attempts()).isEqualTo(2);
        } finally {
            worker.stop();
        }
    }
}
