package io.winloss.portal.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.mongodb.reactivestreams.client.MongoClient;

import io.winloss.portal.PortalTest;
import io.winloss.portal.store.Store;
import io.winloss.portal.workspace.WorkspaceId;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The queue's guarantees, on the real store: a job is held by one worker at a time, a worker that stops renewing
 * loses its job to another once the lease has run out and can then no longer change it, failures back off and
 * end as failed with their reason. Each test has a queue of its own (a fresh database on the same server), so
 * the portal's own worker and other tests never touch these jobs; workers here are claims under a name, with
 * the clock passed in.
 */
@PortalTest
class AnalysisJobsTests {

    private static final Duration LEASE = Duration.ofSeconds(30);

    @Autowired
    MongoClient client;

    AnalysisJobs jobs;
    final WorkspaceId workspace = new WorkspaceId(UUID.randomUUID().toString());
    final Instant future = Instant.now();

    @BeforeEach
    void queueOfItsOwn() {
        jobs = new AnalysisJobs(new Store(client.getDatabase("queue-" + UUID.randomUUID())));
    }

    private AnalysisJob enqueue(String target) {
        return jobs.enqueue(workspace, "test-kind:" + target, future).block(Duration.ofSeconds(10));
    }

    private AnalysisJob claim(String worker, Instant now) {
        return jobs.claim(worker, now, LEASE).block(Duration.ofSeconds(10));
    }

    private AnalysisJob reload(AnalysisJob job) {
        return jobs.find(workspace, job.id()).block(Duration.ofSeconds(10));
    }

    @Test
    void twoWorkersSharingTheQueueTakeEveryJobExactlyOnce() {
        List<String> queued = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            queued.add(enqueue("job-" + i).id());
        }
        ConcurrentLinkedQueue<String> claimedBy1 = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> claimedBy2 = new ConcurrentLinkedQueue<>();

        Mono<Void> worker1 = drain("worker-1", claimedBy1);
        Mono<Void> worker2 = drain("worker-2", claimedBy2);
        Mono.when(worker1.subscribeOn(Schedulers.parallel()), worker2.subscribeOn(Schedulers.parallel()))
                .block(Duration.ofSeconds(60));

        List<String> all = new ArrayList<>(claimedBy1);
        all.addAll(claimedBy2);
        assertThat(all).hasSize(40).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(queued);
        assertThat(claimedBy1).isNotEmpty();
        assertThat(claimedBy2).isNotEmpty();
        for (String id : queued) {
            assertThat(jobs.find(workspace, id).block().status()).isEqualTo(JobStatus.DONE);
        }
    }

    /** Claims and completes jobs until none is due, as a worker does. */
    private Mono<Void> drain(String worker, ConcurrentLinkedQueue<String> claimed) {
        return Mono.defer(() -> jobs.claim(worker, future, LEASE))
                .flatMap(job -> {
                    claimed.add(job.id());
                    return jobs.complete(job, worker, future, 1).thenReturn(job);
                })
                .map(java.util.Optional::of)
                .defaultIfEmpty(java.util.Optional.empty())
                .repeat()
                .takeWhile(java.util.Optional::isPresent)
                .then();
    }

    @Test
    void aDeadWorkersJobIsTakenOverOnlyAfterItsLeaseRanOut() {
        AnalysisJob job = enqueue("interview");
        AnalysisJob held = claim("dead-worker", future);
        assertThat(held.id()).isEqualTo(job.id());
        assertThat(held.status()).isEqualTo(JobStatus.ANALYZING);

        assertThat(jobs.claim("live-worker", future.plus(LEASE).minusSeconds(1), LEASE).blockOptional()).isEmpty();

        AnalysisJob takenOver = claim("live-worker", future.plus(LEASE).plusSeconds(1));
        assertThat(takenOver.id()).isEqualTo(job.id());
        assertThat(takenOver.attempts()).isEqualTo(2);

        assertThat(jobs.complete(held, "dead-worker", future, 1).block()).as("the old holder is fenced off").isFalse();
        assertThat(jobs.complete(takenOver, "live-worker", future, 1).block()).isTrue();
        assertThat(reload(job).status()).isEqualTo(JobStatus.DONE);
    }

    @Test
    void renewingKeepsTheJobsStillRunningAndOnlyThose() {
        AnalysisJob running = claimed(enqueue("running"), "worker-1");
        AnalysisJob died = claimed(enqueue("died"), "worker-1");

        jobs.renewLeases("worker-1", List.of(running.id()), future.plus(LEASE), LEASE).block();

        AnalysisJob retaken = claim("worker-2", future.plus(LEASE).plusSeconds(1));
        assertThat(retaken.id()).as("the job whose run died is taken over").isEqualTo(died.id());
        assertThat(jobs.claim("worker-2", future.plus(LEASE).plusSeconds(1), LEASE).blockOptional()).isEmpty();
    }

    private AnalysisJob claimed(AnalysisJob job, String worker) {
        AnalysisJob held = claim(worker, future);
        assertThat(held.id()).isEqualTo(job.id());
        return held;
    }

    @Test
    void aFailedAttemptWaitsOutItsBackoffAndTheLastOneParksTheJobAsFailed() {
        AnalysisJob job = enqueue("interview");
        Instant now = future;
        for (int attempt = 1; attempt <= AnalysisJobs.MAX_ATTEMPTS; attempt++) {
            AnalysisJob claimed = claim("worker", now);
            assertThat(claimed.attempts()).isEqualTo(attempt);
            assertThat(jobs.fail(claimed, "worker", "the store was unreachable", false, now).block()).isTrue();
            AnalysisJob after = reload(job);
            if (attempt < AnalysisJobs.MAX_ATTEMPTS) {
                assertThat(after.status()).isEqualTo(JobStatus.QUEUED);
                assertThat(jobs.claim("worker", now.plus(AnalysisJobs.backoff(attempt)).minusSeconds(1), LEASE).blockOptional())
                        .as("not due during its backoff").isEmpty();
                now = now.plus(AnalysisJobs.backoff(attempt));
            } else {
                assertThat(after.status()).isEqualTo(JobStatus.FAILED);
                assertThat(after.error()).isEqualTo("the store was unreachable");
            }
        }
        assertThat(jobs.claim("worker", now.plus(Duration.ofDays(1)), LEASE).blockOptional()).isEmpty();
    }

    @Test
    void aPermanentFailureParksTheJobAtOnce() {
        AnalysisJob job = enqueue("interview");
        AnalysisJob claimed = claim("worker", future);

        jobs.fail(claimed, "worker", "the file is binary", true, future).block();

        AnalysisJob after = reload(job);
        assertThat(after.status()).isEqualTo(JobStatus.FAILED);
        assertThat(after.attempts()).isEqualTo(1);
    }

    @Test
    void backoffDoublesUpToItsCap() {
        Set<Duration> seen = new HashSet<>();
        for (int attempts = 1; attempts <= 10; attempts++) {
            seen.add(AnalysisJobs.backoff(attempts));
        }
        assertThat(AnalysisJobs.backoff(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(AnalysisJobs.backoff(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(AnalysisJobs.backoff(10)).isEqualTo(Duration.ofMinutes(10));
        assertThat(seen).allMatch(d -> d.compareTo(Duration.ofMinutes(10)) <= 0);
    }

}
