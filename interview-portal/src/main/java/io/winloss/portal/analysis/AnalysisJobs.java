package io.winloss.portal.analysis;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.or;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

import io.winloss.portal.store.Collections;
import io.winloss.portal.store.Store;
import io.winloss.portal.workspace.WorkspaceId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The analysis queue in MongoDB. A worker claims one due job at a time with a single atomic update that also
 * sets its lease, so two workers never hold the same job; every later write is conditioned on still holding
 * it, so a worker whose lease ran out (it stalled, or was presumed dead) can no longer change the job.
 * A job whose lease runs out is due again: another worker takes it over. Workers serve every workspace, so
 * claiming and lease upkeep use the global collection; what users read and queue goes through the tenant view.
 */
@Component
public class AnalysisJobs {

    /** Claims allowed per job; the last failure parks it as failed with its reason. */
    public static final int MAX_ATTEMPTS = 5;
    static final Duration FIRST_RETRY = Duration.ofSeconds(10);
    static final Duration MAX_RETRY = Duration.ofMinutes(10);

    private final Store store;

    public AnalysisJobs(Store store) {
        this.store = store;
    }

    /** Queues a job for {@code target} ({@code kind:id}), due at once. */
    public Mono<AnalysisJob> enqueue(WorkspaceId workspace, String target, Instant now) {
        return store.tenant(workspace, Collections.ANALYSIS_JOBS).insert(newJob(target, now)).map(AnalysisJobs::toJob);
    }

    /**
     * As {@link #enqueue}, answered before the job is on disk: for a caller whose next write is durable and so
     * makes the job durable too ({@link io.winloss.portal.store.TenantCollection#eventuallyDurable}).
     */
    public Mono<AnalysisJob> enqueueBeforeDurableWrite(WorkspaceId workspace, String target, Instant now) {
        return store.tenant(workspace, Collections.ANALYSIS_JOBS).eventuallyDurable().insert(newJob(target, now))
                .map(AnalysisJobs::toJob);
    }

    private static Document newJob(String target, Instant now) {
        return new Document("_id", new ObjectId().toHexString())
                .append("target", target)
                .append("status", JobStatus.QUEUED.id())
                .append("attempts", 0)
                .append("notBefore", Date.from(now))
                .append("createdAt", Date.from(now));
    }

    /** Removes a job nobody has claimed yet (a duplicate that lost a race); false if it was claimed meanwhile. */
    public Mono<Boolean> withdraw(WorkspaceId workspace, String id) {
        return store.tenant(workspace, Collections.ANALYSIS_JOBS)
                .deleteOne(and(eq("_id", id), eq("status", JobStatus.QUEUED.id()))).map(n -> n == 1);
    }

    /**
     * Removes every job of {@code target}, queued, running or finished, because the thing it analyses is being
     * deleted. A worker running one of them holds nothing afterwards: its later writes find no job, and it forgets
     * what it saved (see {@link AnalysisWorker}).
     */
    public Mono<Long> cancel(WorkspaceId workspace, String target) {
        return store.tenant(workspace, Collections.ANALYSIS_JOBS).deleteMany(eq("target", target));
    }

    /** The job if it belongs to this workspace. */
    public Mono<AnalysisJob> find(WorkspaceId workspace, String id) {
        return store.tenant(workspace, Collections.ANALYSIS_JOBS).findById(id).map(AnalysisJobs::toJob);
    }

    /** The newest job of {@code target} in this workspace, finished or not; empty when it was never queued. */
    public Mono<AnalysisJob> latest(WorkspaceId workspace, String target) {
        return store.tenant(workspace, Collections.ANALYSIS_JOBS)
                .find(eq("target", target), Sorts.descending("createdAt", "_id"), 0, 1)
                .next()
                .map(AnalysisJobs::toJob);
    }

    /** The jobs of this workspace not finished yet, oldest first. */
    public Flux<AnalysisJob> unfinished(WorkspaceId workspace) {
        return store.tenant(workspace, Collections.ANALYSIS_JOBS)
                .find(in("status", JobStatus.QUEUED.id(), JobStatus.ANALYZING.id()), Sorts.ascending("createdAt"))
                .map(AnalysisJobs::toJob);
    }

    /** Claims the oldest due job for {@code worker}: queued and due, or analysing with an expired lease. */
    Mono<AnalysisJob> claim(String worker, Instant now, Duration lease) {
        Date at = Date.from(now);
        return Mono.from(store.global(Collections.ANALYSIS_JOBS).findOneAndUpdate(
                        or(and(eq("status", JobStatus.QUEUED.id()), lte("notBefore", at)),
                                and(eq("status", JobStatus.ANALYZING.id()), lte("leaseUntil", at))),
                        Updates.combine(Updates.set("status", JobStatus.ANALYZING.id()), Updates.set("worker", worker),
                                Updates.set("leaseUntil", Date.from(now.plus(lease))), Updates.inc("attempts", 1),
                                Updates.set("done", 0), Updates.set("total", 0), Updates.set("claimedAt", at)),
                        new FindOneAndUpdateOptions().sort(Sorts.ascending("notBefore")).returnDocument(ReturnDocument.AFTER)))
                .map(AnalysisJobs::toJob);
    }

    /**
     * Extends the leases of the jobs {@code worker} is still running; how a live worker keeps its jobs. A job
     * whose run died without ending (the analysis ran out of memory, say) is not among them, so its lease runs
     * out and it is tried again.
     */
    Mono<Long> renewLeases(String worker, java.util.Collection<String> running, Instant now, Duration lease) {
        if (running.isEmpty()) {
            return Mono.just(0L);
        }
        return Mono.from(store.global(Collections.ANALYSIS_JOBS).updateMany(
                        and(in("_id", running), eq("worker", worker), eq("status", JobStatus.ANALYZING.id())),
                        Updates.set("leaseUntil", Date.from(now.plus(lease)))))
                .map(r -> r.getModifiedCount());
    }

    Mono<Boolean> progress(AnalysisJob job, String worker, int done, int total) {
        return held(job, worker, Updates.combine(Updates.set("done", done), Updates.set("total", total)));
    }

    /** Marks the job done, with its progress full: {@code analysed} of {@code analysed} sentences. */
    Mono<Boolean> complete(AnalysisJob job, String worker, Instant now, int analysed) {
        return held(job, worker, Updates.combine(Updates.set("status", JobStatus.DONE.id()),
                Updates.set("done", analysed), Updates.set("total", analysed),
                Updates.set("finishedAt", Date.from(now)), Updates.unset("leaseUntil"), Updates.unset("error")));
    }

    /**
     * Records a failed attempt: due again after a backoff, or failed for good when {@code permanent} or when
     * this was the last attempt. {@code reason} is shown to people, so it says what went wrong in their words.
     */
    Mono<Boolean> fail(AnalysisJob job, String worker, String reason, boolean permanent, Instant now) {
        boolean giveUp = permanent || job.attempts() >= MAX_ATTEMPTS;
        return held(job, worker, giveUp
                ? Updates.combine(Updates.set("status", JobStatus.FAILED.id()), Updates.set("error", reason),
                        Updates.set("finishedAt", Date.from(now)), Updates.unset("leaseUntil"))
                : Updates.combine(Updates.set("status", JobStatus.QUEUED.id()), Updates.set("error", reason),
                        Updates.set("notBefore", Date.from(now.plus(backoff(job.attempts())))), Updates.unset("leaseUntil")));
    }

    /** 10 s after the first failure, doubling with each further one, at most ten minutes. */
    static Duration backoff(int attempts) {
        Duration delay = FIRST_RETRY.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
        return delay.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : delay;
    }

    private Mono<Boolean> held(AnalysisJob job, String worker, org.bson.conversions.Bson update) {
        return Mono.from(store.global(Collections.ANALYSIS_JOBS).updateOne(
                        and(eq("_id", job.id()), eq("worker", worker), eq("status", JobStatus.ANALYZING.id())), update))
                .map(r -> r.getModifiedCount() == 1);
    }

    private static AnalysisJob toJob(Document d) {
        return new AnalysisJob(d.getString("_id"), d.getString("workspaceId"), d.getString("target"),
                JobStatus.of(d.getString("status")), d.getInteger("attempts", 0), d.getInteger("done", 0),
                d.getInteger("total", 0), d.getString("error"), instant(d.getDate("createdAt")),
                instant(d.getDate("finishedAt")));
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
