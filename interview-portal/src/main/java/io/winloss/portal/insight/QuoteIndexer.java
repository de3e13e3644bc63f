package io.winloss.portal.insight;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.winloss.portal.PortalProperties;
import io.winloss.portal.analysis.AnalysedSentence;
import io.winloss.portal.analysis.Analyses;
import io.winloss.portal.analysis.ReviewedSentence;
import io.winloss.portal.deal.Deal;
import io.winloss.portal.deal.Deals;
import io.winloss.portal.interview.Interview;
import io.winloss.portal.interview.Interviews;
import io.winloss.portal.invitation.BuyerResponse;
import io.winloss.portal.invitation.Responses;
import io.winloss.portal.web.NotFound;
import io.winloss.portal.workspace.WorkspaceId;
import io.winloss.portal.workspace.Workspaces;
import io.winloss.search.Aspect;
import io.winloss.search.QuoteIndex;
import io.winloss.search.QuoteRecord;
import io.winloss.search.QuoteSearch;
import io.winloss.search.SearchPage;
import io.winloss.search.SearchRequest;
import io.winloss.search.ThemeRequest;
import io.winloss.search.themes.CompetitorAspects;
import io.winloss.search.themes.Theme;
import io.winloss.search.themes.ThemeAnalysis;
import io.winloss.search.themes.Trend;
import io.winloss.search.themes.ThemeReport;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * This process's replica of the quote index, under {@code <data dir>/index}, kept current by following the
 * {@link ChangeLog}: every half second it reads the changes after the index's committed position, rebuilds the
 * buyer sentences of each changed interview, response or deal from MongoDB (corrections applied), and commits them
 * together with the position of the last change. A process killed between writes and commit replays from its last
 * commit; writes replace by id, so nothing is lost or duplicated. Lucene work runs on bounded schedulers of its own.
 * Every few seconds it reports its committed position to {@link Replicas}, so pruning keeps what it has not read;
 * should it find the log pruned past its position anyway (it was away too long), it rebuilds itself from scratch.
 */
@Component
public class QuoteIndexer {

    private static final Logger log = LoggerFactory.getLogger(QuoteIndexer.class);

    /** Changes read and committed at a time. */
    static final int BATCH = 500;
    static final Duration EVERY = Duration.ofMillis(500);
    /**
     * How long a hole in the log's positions may stay open: a writer took the number and has not inserted its entry
     * yet. Past this, the number is taken as lost (its writer died) and the follower moves on.
     */
    static final Duration HOLE_GRACE = Duration.ofSeconds(10);
    /** How often at most this replica writes its committed position to {@link Replicas}. */
    static final Duration REPORT_EVERY = Duration.ofSeconds(5);

    private final ChangeLog changes;
    private final Analyses analyses;
    private final Deals deals;
    private final Interviews interviews;
    private final Responses responses;
    private final Workspaces workspaces;
    private final Replicas replicas;
    private final String replicaId;
    /** Present from the moment a rebuild empties the index until it has logged every source: a restart resumes it. */
    private final Path unfinishedRebuild;
    private final Clock clock = Clock.systemUTC();
    private final QuoteIndex index;
    private final QuoteSearch search;
    /** One thread: writes, commits, rebuilds and closing never overlap. */
    private final Scheduler writer = Schedulers.newBoundedElastic(1, 100, "quote-index");
    private final Scheduler searcher = Schedulers.newBoundedElastic(
            Math.max(2, Runtime.getRuntime().availableProcessors()), 1000, "quote-search");
    /** Bumped by each rebuild, so a batch read before it never commits a position past the rebuild's 0. */
    private final AtomicLong generation = new AtomicLong();
    private final RebuildProgress rebuilds = new RebuildProgress();
    private volatile boolean closed;
    private volatile Instant reportedAt;
    private Disposable follower;

    QuoteIndexer(PortalProperties properties, ChangeLog changes, Analyses analyses, Deals deals, Interviews interviews,
            Responses responses, Workspaces workspaces, Replicas replicas) {
        this.changes = changes;
        this.analyses = analyses;
        this.deals = deals;
        this.interviews = interviews;
        this.responses = responses;
        this.workspaces = workspaces;
        this.replicas = replicas;
        Path dataDir = properties.dataDir();
        this.replicaId = Replicas.localId(dataDir);
        this.unfinishedRebuild = dataDir.resolve("index-rebuild-unfinished");
        this.index = QuoteIndex.open(dataDir.resolve("index"));
        this.search = new QuoteSearch(index);
    }

    @PostConstruct
    void follow() {
        boolean unfinished = Files.exists(unfinishedRebuild);
        Mono<Void> resume = unfinished || index.needsRebuild() ? Mono.defer(() -> {
            if (unfinished) {
                log.warn("quote index replica {}: the last rebuild stopped before it had logged every source, so it starts again",
                        replicaId);
                return rebuild(RebuildStatus.UNFINISHED).then();
            }
            log.warn("quote index replica {}: the index was written by an older version, so it is rebuilt", replicaId);
            return rebuild(RebuildStatus.OLDER_FORMAT).then();
        }).onErrorResume(e -> {
            log.warn("quote index could not resume its rebuild: {}", e.toString());
            return Mono.empty();
        }) : Mono.empty();
        follower = resume.thenMany(Flux.interval(EVERY, EVERY))
                .onBackpressureDrop()
                .concatMap(tick -> catchUp().then(reportPosition()).onErrorResume(e -> {
                    log.warn("quote index could not follow the change log: {}", e.toString());
                    return Mono.empty();
                }), 1)
                .subscribe();
    }

    /** Writes the committed position to {@link Replicas}, at most every {@link #REPORT_EVERY}. */
    private Mono<Void> reportPosition() {
        return Mono.defer(() -> {
            Instant now = clock.instant();
            if (reportedAt != null && now.isBefore(reportedAt.plus(REPORT_EVERY))) {
                return Mono.empty();
            }
            reportedAt = now;
            return replicas.report(replicaId, index.committedPosition(), now);
        });
    }

    /** This replica's id, kept in its data folder. */
    public String replicaId() {
        return replicaId;
    }

    /** One page of the workspace's quotes; {@link io.winloss.search.InvalidQuery} when the request cannot be served. */
    public Mono<SearchPage> search(WorkspaceId workspace, SearchRequest request) {
        return Mono.fromCallable(() -> search.search(workspace.value(), request)).subscribeOn(searcher);
    }

    /**
     * The themes of the workspace's deals with one of the request's focus outcomes, ranked against those with one of
     * its baseline outcomes; its filters and dates apply to both sets alike, so the question stays "what do these
     * buyers say more often than those", not a comparison of one competitor's losses with every win. Runs on the
     * search scheduler. {@link io.winloss.search.InvalidQuery} when a filter is unknown or the range reversed.
     */
    public Mono<ThemeReport> themes(WorkspaceId workspace, ThemeRequest request) {
        return Mono.fromCallable(() -> search.themes(workspace.value(), request, ThemeAnalysis.Options.defaults()))
                .subscribeOn(searcher);
    }

    /** Each of {@code themes}' rate per quarter of close date over the request's focus deals; on the search scheduler. */
    public Mono<List<Trend>> trends(WorkspaceId workspace, ThemeRequest request, List<Theme> themes) {
        return Mono.fromCallable(() -> search.trends(workspace.value(), request, themes)).subscribeOn(searcher);
    }

    /**
     * What buyers praised and criticised each competitor for, and where it beat the workspace's own product, over
     * the request's focus and baseline deals; on the search scheduler.
     */
    public Mono<List<CompetitorAspects.CompetitorProfile>> competitorAspects(WorkspaceId workspace, ThemeRequest request) {
        return Mono.fromCallable(() -> search.competitorAspects(workspace.value(), request)).subscribeOn(searcher);
    }

    /** The change-log position the index has committed: every change up to it is searchable. */
    public long position() {
        return index.committedPosition();
    }

    /** Sentences of the workspace in this replica. */
    public Mono<Long> sentences(WorkspaceId workspace) {
        return Mono.fromCallable(() -> index.count(workspace.value())).subscribeOn(searcher);
    }

    /** How far this replica's latest rebuild is. */
    public RebuildStatus rebuildStatus() {
        return rebuilds.status(index.committedPosition());
    }

    /**
     * Empties the index at the log's head, then logs a change for every analysed interview and response of every
     * workspace, so the follower rebuilds them all from MongoDB, including those analysed before the log existed.
     * Answers once the index is empty; the backfill and the replay go on in the background ({@link #rebuildStatus}).
     * While a rebuild runs, another request starts nothing and answers how far that one is.
     */
    public Mono<RebuildStatus> rebuild() {
        return rebuild(RebuildStatus.REQUESTED);
    }

    private Mono<RebuildStatus> rebuild(String reason) {
        return Mono.defer(() -> {
            if (!rebuilds.claim(reason, clock.instant())) {
                return Mono.just(rebuildStatus());
            }
            return changes.head()
                    .publishOn(writer)
                    .map(this::clear)
                    .doOnNext(cleared -> {
                        if (cleared) {
                            backfill().subscribe(count -> {
                                log.info("quote index rebuild ({}): {} interviews and responses logged to index again",
                                        reason, count);
                                rebuilds.backfilled(index.committedPosition(), clock.instant());
                                try {
                                    markUnfinished(false);
                                } catch (UncheckedIOException e) {
                                    log.warn("quote index: {}; the next start rebuilds again", e.getMessage());
                                }
                            }, e -> {
                                log.warn("quote index rebuild could not log every source: {}", e.toString());
                                rebuilds.failed("could not log every source: " + e.getMessage());
                            });
                        } else {
                            rebuilds.failed("the index is closed");
                        }
                    })
                    .doOnError(e -> rebuilds.failed("could not empty the index: " + e.getMessage()))
                    .then(Mono.fromSupplier(this::rebuildStatus));
        });
    }

    private Mono<Long> backfill() {
        return workspaces.allIds()
                .concatMap(workspace -> analyses.targets(workspace).concatMap(target -> changes.record(workspace, target)))
                .doOnNext(rebuilds::logged)
                .count();
    }

    /**
     * Every change up to {@code head} is about a source the backfill logs again (or one since deleted), so the
     * emptied index may start following from there. Answers false when the index is closed.
     */
    private synchronized boolean clear(long head) {
        if (closed) {
            return false;
        }
        markUnfinished(true);
        generation.incrementAndGet();
        index.deleteAll();
        index.commit(head);
        rebuilds.cleared(head);
        return true;
    }

    private void markUnfinished(boolean unfinished) {
        try {
            if (unfinished) {
                Files.writeString(unfinishedRebuild, clock.instant() + "\n", StandardCharsets.UTF_8);
            } else {
                Files.deleteIfExists(unfinishedRebuild);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot " + (unfinished ? "write " : "delete ") + unfinishedRebuild, e);
        }
    }

    /**
     * Reads the next changes, rebuilds their sentences and commits them with the last change's position. When the log
     * has been pruned past the committed position (read after the batch, since pruning marks before it deletes), the
     * changes in between are gone: the replica rebuilds from scratch instead.
     */
    Mono<Long> catchUp() {
        return Mono.defer(() -> {
            long generationAtStart = generation.get();
            long from = index.committedPosition();
            return changes.after(from, BATCH).zipWhen(batch -> changes.prunedThrough()).flatMap(read -> {
                List<ChangeLog.Change> batch = read.getT1();
                long pruned = read.getT2();
                if (pruned > from) {
                    if (generation.get() == generationAtStart && !closed) {
                        log.warn("quote index replica {} committed change {} but the change log is pruned through {}: "
                                + "the changes in between are gone, so it rebuilds from scratch", replicaId, from, pruned);
                        return rebuild(RebuildStatus.BEHIND_PRUNED_LOG).map(RebuildStatus::committedPosition);
                    }
                    return Mono.just(index.committedPosition());
                }
                List<ChangeLog.Change> ready = withoutHoles(from, batch, Instant.now());
                if (ready.isEmpty()) {
                    return Mono.just(from);
                }
                long last = ready.get(ready.size() - 1).position();
                return Flux.fromIterable(latestPerTarget(ready)).concatMap(this::rewrite).collectList()
                        .publishOn(writer)
                        .map(rewrites -> write(rewrites, last, generationAtStart));
            });
        });
    }

    /**
     * The changes up to the first hole in their positions, unless the change after the hole is older than
     * {@link #HOLE_GRACE} (its number was lost, not late).
     */
    static List<ChangeLog.Change> withoutHoles(long from, List<ChangeLog.Change> batch, Instant now) {
        List<ChangeLog.Change> ready = new ArrayList<>(batch.size());
        long expected = from + 1;
        for (ChangeLog.Change change : batch) {
            if (change.position() != expected && change.at().plus(HOLE_GRACE).isAfter(now)) {
                break;
            }
            ready.add(change);
            expected = change.position() + 1;
        }
        return ready;
    }

    /**
     * One change per target: each rewrite reads the target's current state, so a target changed ten times in a
     * batch (as in a replay after a rebuild) is rebuilt once.
     */
    static List<ChangeLog.Change> latestPerTarget(List<ChangeLog.Change> batch) {
        Map<String, ChangeLog.Change> latest = new LinkedHashMap<>();
        for (ChangeLog.Change change : batch) {
            String key = change.workspace().value() + '\u001f' + change.target();
            latest.remove(key);
            latest.put(key, change);
        }
        return List.copyOf(latest.values());
    }

    /** What one change means for the index: sources whose sentences to replace, or a deal to drop. */
    private sealed interface Rewrite {
    }

    private record ReplaceSource(WorkspaceId workspace, String source, String sourceId, List<QuoteRecord> quotes)
            implements Rewrite {
    }

    private record DropDeal(WorkspaceId workspace, String dealId) implements Rewrite {
    }

    private Flux<Rewrite> rewrite(ChangeLog.Change change) {
        WorkspaceId workspace = change.workspace();
        String target = change.target();
        int colon = target.indexOf(':');
        String kind = colon < 0 ? "" : target.substring(0, colon);
        String id = target.substring(colon + 1);
        Flux<Rewrite> rewrites = switch (kind) {
            case "interview" -> interview(workspace, id).flux();
            case "response" -> response(workspace, id).flux();
            case "deal" -> deal(workspace, id);
            default -> {
                log.warn("the change log names {}, which the quote index does not know", target);
                yield Flux.empty();
            }
        };
        // data that cannot make a quote is skipped, not retried forever; a store failure is retried at the next tick
        return rewrites.onErrorResume(e -> e instanceof IllegalArgumentException || e instanceof NullPointerException, e -> {
            log.warn("quote index skips change {} of {}: {}", change.position(), target, e.toString());
            return Flux.empty();
        });
    }

    private Mono<Rewrite> interview(WorkspaceId workspace, String id) {
        Rewrite gone = new ReplaceSource(workspace, QuoteRecord.INTERVIEW, id, List.of());
        return interviews.find(workspace, id).onErrorResume(NotFound.class, e -> Mono.empty())
                .flatMap(interview -> interviewQuotes(workspace, interview))
                .defaultIfEmpty(gone);
    }

    private Mono<Rewrite> interviewQuotes(WorkspaceId workspace, Interview interview) {
        LocalDate said = interview.interviewDate() != null ? interview.interviewDate()
                : LocalDate.ofInstant(interview.uploadedAt(), ZoneOffset.UTC);
        return dealOf(workspace, interview.dealId()).zipWith(analyses.read(workspace, interview.target()),
                (deal, sentences) -> (Rewrite) new ReplaceSource(workspace, QuoteRecord.INTERVIEW, interview.id(), sentences.stream()
                        .filter(s -> s.machine().buyer())
                        .map(s -> quote(workspace, deal, QuoteRecord.INTERVIEW, interview.id(),
                                QuoteRecord.interviewSentenceId(interview.id(), s.machine().index()), said, s))
                        .toList()))
                .defaultIfEmpty(new ReplaceSource(workspace, QuoteRecord.INTERVIEW, interview.id(), List.of()));
    }

    private Mono<Rewrite> response(WorkspaceId workspace, String id) {
        Rewrite gone = new ReplaceSource(workspace, QuoteRecord.SURVEY, id, List.of());
        return responses.find(workspace, id).flatMap(response -> responseQuotes(workspace, response)).defaultIfEmpty(gone);
    }

    private Mono<Rewrite> responseQuotes(WorkspaceId workspace, BuyerResponse response) {
        LocalDate said = LocalDate.ofInstant(response.submittedAt(), ZoneOffset.UTC);
        return dealOf(workspace, response.dealId()).zipWith(analyses.read(workspace, "response:" + response.id()),
                (deal, sentences) -> (Rewrite) new ReplaceSource(workspace, QuoteRecord.SURVEY, response.id(), sentences.stream()
                        .filter(s -> s.machine().buyer())
                        .map(s -> quote(workspace, deal, QuoteRecord.SURVEY, response.id(),
                                QuoteRecord.responseAnswerId(response.id(), s.machine().speaker()), said, s))
                        .toList()))
                .defaultIfEmpty(new ReplaceSource(workspace, QuoteRecord.SURVEY, response.id(), List.of()));
    }

    private Flux<Rewrite> deal(WorkspaceId workspace, String dealId) {
        return deals.find(workspace, dealId)
                .flatMapMany(deal -> Flux.concat(
                        interviews.forDeal(workspace, dealId).concatMap(i -> interviewQuotes(workspace, i)),
                        responses.forDeal(workspace, dealId).concatMap(r -> responseQuotes(workspace, r))))
                .onErrorResume(NotFound.class, e -> Mono.just(new DropDeal(workspace, dealId)));
    }

    private Mono<Deal> dealOf(WorkspaceId workspace, String dealId) {
        return deals.find(workspace, dealId).onErrorResume(NotFound.class, e -> Mono.empty());
    }

    private static QuoteRecord quote(WorkspaceId workspace, Deal deal, String source, String sourceId, String id,
            LocalDate said, ReviewedSentence sentence) {
        AnalysedSentence machine = sentence.machine();
        List<Aspect> aspects = machine.aspects().stream()
                .filter(a -> "competitor".equals(a.kind()) ? sentence.competitors().contains(a.target())
                        : sentence.criteria().contains(a.target()))
                .map(a -> new Aspect(a.kind(), a.target(), a.sentiment()))
                .toList();
        return new QuoteRecord(id, workspace.value(), deal.id(), source, sourceId, machine.index(), machine.speaker(),
                machine.role(), machine.text(), deal.outcome() == null ? null : deal.outcome().id(), deal.segment(),
                deal.amount() == null ? null : deal.amount().doubleValue(), deal.closeDate(), said,
                sentence.competitors(), sentence.criteria(), sentence.sentiment() == null ? "neutral" : sentence.sentiment(),
                aspects, machine.keyPhrases());
    }

    /** Applies the rewrites and commits {@code last}, unless a rebuild or shutdown came in between. */
    private synchronized long write(List<Rewrite> rewrites, long last, long generationAtStart) {
        if (closed || generation.get() != generationAtStart) {
            return index.committedPosition();
        }
        for (Rewrite rewrite : rewrites) {
            if (rewrite instanceof ReplaceSource replace) {
                index.replaceSource(replace.workspace().value(), replace.source(), replace.sourceId(), replace.quotes());
            } else if (rewrite instanceof DropDeal drop) {
                index.deleteDeal(drop.workspace().value(), drop.dealId());
            }
        }
        index.commit(last);
        rebuilds.committed(last, clock.instant());
        return last;
    }

    @PreDestroy
    synchronized void close() {
        if (follower != null) {
            follower.dispose();
        }
        closed = true;
        index.close();
        writer.dispose();
        searcher.dispose();
    }
}
