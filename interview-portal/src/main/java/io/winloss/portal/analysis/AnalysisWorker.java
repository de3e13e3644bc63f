package io.winloss.portal.analysis;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.winloss.nlp.Progress;
import io.winloss.nlp.TaggedSentence;
import io.winloss.portal.PortalProperties;
import io.winloss.portal.workspace.WorkspaceId;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Claims analysis jobs from the queue and runs them, in processes with the {@code worker} role. Up to
 * {@link AnalysisSettings#jobs()} jobs run at once on the {@code analysis} scheduler (never on an event-loop
 * thread); the leases of running jobs are renewed every third of a lease, so a job is taken over by another
 * worker only when this one stops renewing: it died, or its process hangs.
 */
@Component
public class AnalysisWorker {

    private static final Logger log = LoggerFactory.getLogger(AnalysisWorker.class);
    /** How often progress is written at most while a job runs. */
    private static final Duration PROGRESS_EVERY = Duration.ofMillis(500);

    private final String id = "worker-" + UUID.randomUUID();
    private final AnalysisJobs jobs;
    private final Analyses analyses;
    private final AnalysisPipeline pipeline;
    private final AnalysisSettings settings;
    private final boolean active;
    private final Clock clock;
    private final Map<String, AnalysisTarget> targets = new HashMap<>();
    private final AtomicInteger running = new AtomicInteger();
    /** The jobs whose run has not ended in this process: only their leases are renewed. */
    private final java.util.Set<String> runningJobs = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final Scheduler scheduler;
    private Disposable renewal;
    private volatile boolean stopping;

    @Autowired
    AnalysisWorker(AnalysisJobs jobs, Analyses analyses, AnalysisPipeline pipeline, AnalysisSettings settings,
            PortalProperties properties, List<AnalysisTarget> targets) {
        this(jobs, analyses, pipeline, settings, properties.isWorker(), targets, Clock.systemUTC());
    }

    AnalysisWorker(AnalysisJobs jobs, Analyses analyses, AnalysisPipeline pipeline, AnalysisSettings settings,
            boolean active, List<AnalysisTarget> targets, Clock clock) {
        this.jobs = jobs;
        this.analyses = analyses;
        this.pipeline = pipeline;
        this.settings = settings;
        this.active = active;
        this.clock = clock;
        targets.forEach(t -> this.targets.put(t.kind(), t));
        this.scheduler = Schedulers.newBoundedElastic(settings.jobs(), 10_000, "analysis");
    }

    String id() {
        return id;
    }

    @PostConstruct
    void startRenewingLeases() {
        if (active) {
            Duration every = settings.lease().dividedBy(3);
            renewal = Flux.interval(every, every)
                    .concatMap(tick -> jobs.renewLeases(id, java.util.List.copyOf(runningJobs), clock.instant(), settings.lease())
                            .onErrorResume(e -> {
                                log.warn("could not renew analysis leases: {}", e.toString());
                                return Mono.empty();
                            }))
                    .subscribe();
        }
    }

    @Scheduled(initialDelay = 1000, fixedDelay = 1000)
    Mono<Integer> claimOnSchedule() {
        return active ? claimDue() : Mono.just(0);
    }

    /** Claims due jobs while this process has room for more, starts each, and returns how many it claimed. */
    Mono<Integer> claimDue() {
        return Mono.defer(() -> {
                    if (running.incrementAndGet() > settings.jobs()) {
                        running.decrementAndGet();
                        return Mono.<AnalysisJob>empty();
                    }
                    return jobs.claim(id, clock.instant(), settings.lease())
                            .switchIfEmpty(Mono.fromRunnable(running::decrementAndGet))
                            .doOnError(e -> running.decrementAndGet());
                })
                .doOnNext(job -> {
                    runningJobs.add(job.id());
                    run(job).doFinally(s -> {
                        runningJobs.remove(job.id());
                        running.decrementAndGet();
                    }).subscribe(v -> { }, e -> unrecorded(job, e));
                })
                .map(job -> 1)
                .repeat(settings.jobs() - 1L)
                .takeWhile(n -> n > 0)
                .count()
                .map(Long::intValue)
                .onErrorResume(e -> {
                    log.warn("claiming analysis jobs failed: {}", e.toString());
                    return Mono.just(0);
                });
    }

    /**
     * The job's end could not be written (the store was unreachable even for the failure): the job keeps its lease,
     * which this process no longer renews, and a worker takes it up again once the lease ends. When the portal is
     * stopping, the store closing under a running job is expected and logged as such, not as an error.
     */
    private void unrecorded(AnalysisJob job, Throwable e) {
        if (stopping) {
            log.info("analysis of {} (job {}) stopped with the portal; a worker takes it up again after its lease: {}",
                    job.target(), job.id(), e.toString());
        } else {
            log.warn("analysis of {} (job {}) ended without its outcome stored; a worker takes it up again after its lease: {}",
                    job.target(), job.id(), e.toString());
        }
    }

    /** Analyses one claimed job to its end: done, queued again after a backoff, or failed. */
    Mono<Void> run(AnalysisJob job) {
        int colon = job.target().indexOf(':');
        AnalysisTarget target = colon < 0 ? null : targets.get(job.target().substring(0, colon));
        WorkspaceId workspace = new WorkspaceId(job.workspaceId());
        if (target == null) {
            return jobs.fail(job, id, "nothing here can analyse " + job.target(), true, clock.instant()).then();
        }
        String targetId = job.target().substring(colon + 1);
        // not permanent: an upload queues the job before it stores the interview, so a claim can come in between;
        // tried again after the backoff (a deleted thing's jobs are deleted with it, so this is rarely for good)
        return target.load(workspace, targetId)
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("the " + target.kind() + " was not found")))
                .publishOn(scheduler)
                .map(input -> analyze(input, job))
                .flatMap(sentences -> analyses.save(workspace, job.target(), job.id(), sentences, clock.instant())
                        .then(Mono.defer(() -> jobs.complete(job, id, clock.instant(),
                                (int) sentences.stream().filter(AnalysedSentence::buyer).count())))
                        .flatMap(held -> held ? Mono.just(true) : forgetIfCancelled(workspace, job).thenReturn(false)))
                .doOnNext(held -> log.info("analysed {} (job {}, attempt {}){}", job.target(), job.id(), job.attempts(),
                        held ? "" : ", but the job had passed to another worker or was cancelled"))
                .then()
                .onErrorResume(e -> {
                    Throwable cause = e instanceof Failed f ? f.getCause() : e;
                    boolean permanent = cause instanceof AnalysisTarget.Unanalysable;
                    log.info("analysis of {} failed (job {}, attempt {}): {}", job.target(), job.id(), job.attempts(),
                            cause.toString());
                    return jobs.fail(job, id, reason(cause), permanent, clock.instant()).then();
                });
    }

    /**
     * The job is gone when its interview or answer sheet was deleted while it ran ({@link AnalysisJobs#cancel}); the
     * deletion may have forgotten the analysis before this worker saved it, so the worker forgets it again.
     */
    private Mono<Void> forgetIfCancelled(WorkspaceId workspace, AnalysisJob job) {
        return jobs.find(workspace, job.id()).hasElement()
                .flatMap(exists -> exists ? Mono.<Void>empty() : analyses.forget(workspace, job.target()));
    }

    private List<AnalysedSentence> analyze(AnalysisTarget.Input input, AnalysisJob job) {
        try {
            List<TaggedSentence> tagged = input.analyze(pipeline::get, progress(job));
            List<AnalysedSentence> sentences = new java.util.ArrayList<>(tagged.size());
            for (int i = 0; i < tagged.size(); i++) {
                sentences.add(AnalysedSentence.of(i, tagged.get(i)));
            }
            return sentences;
        } catch (Exception e) {
            throw new Failed(e);
        }
    }

    /** Writes progress at most every {@link #PROGRESS_EVERY}, one write at a time, from CoreNLP's threads. */
    private Progress progress(AnalysisJob job) {
        AtomicBoolean writing = new AtomicBoolean();
        long[] last = {0};
        return (done, total) -> {
            long now = System.nanoTime();
            boolean due = done == total || now - last[0] >= PROGRESS_EVERY.toNanos();
            if (due && writing.compareAndSet(false, true)) {
                last[0] = now;
                jobs.progress(job, id, done, total).doFinally(s -> writing.set(false)).subscribe();
            }
        };
    }

    /** What people read on the interview page when a job failed: the cause in plain words, not a stack trace. */
    static String reason(Throwable e) {
        String message = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
        return message.length() > 500 ? message.substring(0, 500) : message;
    }

    /** Carries a checked failure of the blocking analysis through Reactor. */
    private static final class Failed extends RuntimeException {
        Failed(Exception cause) {
            super(cause);
        }
    }

    @PreDestroy
    void stop() {
        stopping = true;
        if (renewal != null) {
            renewal.dispose();
        }
        scheduler.dispose();
    }
}
