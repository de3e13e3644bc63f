package io.winloss.portal.insight;

import static io.winloss.portal.analysis.AnalysisFixture.buyer;
import static io.winloss.portal.analysis.AnalysisFixture.interviewer;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.mongodb.reactivestreams.client.MongoClient;

import io.winloss.portal.PortalProperties;
import io.winloss.portal.PortalTest;
import io.winloss.portal.TestTenant;
import io.winloss.portal.analysis.Analyses;
import io.winloss.portal.deal.Deals;
import io.winloss.portal.interview.Interviews;
import io.winloss.portal.invitation.Responses;
import io.winloss.portal.invitation.SurveyFixture;
import io.winloss.portal.store.Collections;
import io.winloss.portal.store.Store;
import io.winloss.portal.workspace.WorkspaceId;
import io.winloss.portal.workspace.Workspaces;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Pruning the change log against the positions replicas reported, on a clock the test sets. Each test keeps its log
 * and replicas in a database of its own, so pruning never touches the log the portal's own replica follows; the data
 * the log names (interviews, analyses) is the portal's.
 */
@PortalTest
class ChangeLogPruningTests {

    private static final Duration SEEN_WITHIN = Duration.ofDays(7);
    private static final Duration GRACE = Duration.ofHours(1);
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Autowired
    MongoClient mongo;
    @Autowired
    Store store;
    @Autowired
    Analyses analyses;
    @Autowired
    Deals deals;
    @Autowired
    Interviews interviews;
    @Autowired
    Responses responses;
    @Autowired
    Workspaces workspaces;
    @Autowired
    QuoteIndexer portalIndexer;
    @Autowired
    Replicas portalReplicas;

    Store own;
    ChangeLog log;
    Replicas replicas;
    WorkspaceId workspace;
    Instant now;

    @BeforeEach
    void ownLogAndReplicas() {
        own = new Store(mongo.getDatabase("pruning" + UUID.randomUUID().toString().replace("-", "")));
        log = new ChangeLog(own);
        replicas = new Replicas(own);
        workspace = TestTenant.create(workspaces).workspace().id();
        now = Instant.now();
    }

    @Test
    void keepsWhatAReplicaSeenLatelyHasNotCommittedAndDeletesWhatEveryOneHas() {
        long first = record(10);
        report("live", first + 7, now);
        report("slow", first + 4, now.minus(Duration.ofDays(2)));
        report("gone", first + 1, now.minus(Duration.ofDays(8)));

        long deleted = pruneAt(now.plus(Duration.ofHours(2)));

        assertThat(deleted).isEqualTo(5);
        assertThat(positions()).containsExactly(first + 5, first + 6, first + 7, first + 8, first + 9);
        assertThat(log.prunedThrough().block(WAIT)).isEqualTo(first + 4);
        assertThat(log.head().block(WAIT)).isEqualTo(first + 9);
    }

    @Test
    void neverDeletesWithinTheGraceEvenWhatEveryReplicaCommitted() {
        entry(1, now.minus(Duration.ofHours(3)));
        entry(2, now.minus(Duration.ofHours(2)));
        entry(3, now.minus(Duration.ofMinutes(59)));
        entry(4, now);
        report("live", 4, now);

        assertThat(pruneAt(now)).isEqualTo(2);
        assertThat(positions()).containsExactly(3L, 4L);
        assertThat(log.prunedThrough().block(WAIT)).isEqualTo(2);

        assertThat(pruneAt(now.plus(Duration.ofMinutes(30)))).as("entry 3 is past the grace now, entry 4 not yet").isEqualTo(1);
        assertThat(positions()).containsExactly(4L);
    }

    @Test
    void withNoReplicaSeenLatelyNothingIsPruned() {
        record(3);
        report("gone", 3, now.minus(Duration.ofDays(8)));

        assertThat(pruneAt(now.plus(Duration.ofHours(2)))).isZero();
        assertThat(positions()).hasSize(3);
        assertThat(log.prunedThrough().block(WAIT)).isZero();
    }

    @Test
    void severalPrunersAtOnceDeleteOnlyWhatEveryReplicaCommitted() {
        long first = record(20);
        report("a", first + 11, now);
        report("b", first + 14, now);

        Flux.range(0, 4).flatMap(i -> pruning(now.plus(Duration.ofHours(2))).prune()).collectList().block(WAIT);

        assertThat(positions()).first().isEqualTo(first + 12);
        assertThat(positions()).hasSize(8);
        assertThat(log.prunedThrough().block(WAIT)).isEqualTo(first + 11);
    }

    @Test
    void aReplicaAwayLongerThanTheLogKeepsRebuildsFromScratchWithExactCounts() throws Exception {
        String deal = SurveyFixture.deal(store, workspace, "Hooli");
        String early = IndexedQuotes.interview(store, analyses, workspace, deal, List.of(interviewer(0, "Why?"),
                buyer(1, "Tom", "The price was too high.", List.of(), List.of("price"), "negative", -1.0),
                buyer(2, "Tom", "Support was slow.", List.of(), List.of("support"), "negative", -1.0)));
        log.record(workspace, "interview:" + early).block(WAIT);
        QuoteIndexer away = indexer(Files.createTempDirectory(Path.of("target"), "away-"));
        try {
            catchUp(away);
            assertThat(away.sentences(workspace).block(WAIT)).isEqualTo(2);
            report(away.replicaId(), away.position(), now.minus(Duration.ofDays(8)));

            // while it was away: more sources, each logged, then pruned once the replicas still around had them
            String late = IndexedQuotes.interview(store, analyses, workspace, deal,
                    List.of(buyer(0, "Ann", "Integration was easy.", List.of(), List.of("integration"), "positive", 0.5)));
            String answers = IndexedQuotes.response(store, analyses, workspace, deal,
                    List.of(buyer(0, "primaryReason", "Cheaper elsewhere.", List.of(), List.of("price"), "negative", -1.0)));
            log.record(workspace, "interview:" + late).block(WAIT);
            long head = log.record(workspace, "response:" + answers).block(WAIT);
            report("live", head, now);
            assertThat(pruneAt(now.plus(Duration.ofHours(2)))).isGreaterThanOrEqualTo(3);

            away.catchUp().block(WAIT);
            RebuildStatus rebuilding = away.rebuildStatus();
            assertThat(rebuilding.startedAt()).as("a rebuild started").isNotNull();
            assertThat(rebuilding.reason()).isEqualTo(RebuildStatus.BEHIND_PRUNED_LOG);
            assertThat(away.position()).isGreaterThanOrEqualTo(head);

            RebuildStatus done = rebuilt(away);
            assertThat(done.error()).isNull();
            assertThat(done.done()).isEqualTo(done.total()).isGreaterThanOrEqualTo(3);
            assertThat(away.sentences(workspace).block(WAIT)).as("2 + 1 + 1 buyer sentences, none twice").isEqualTo(4);
        } finally {
            away.close();
        }
    }

    @Test
    void aReplicaKeepsItsIdAcrossRestartsAndTheRunningOneReportsItsPosition() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "replica-");
        String id = Replicas.localId(dir);
        assertThat(Replicas.localId(dir)).isEqualTo(id);
        assertThat(Replicas.localId(Files.createTempDirectory(Path.of("target"), "replica-"))).isNotEqualTo(id);

        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (portalReplicas.all().filter(r -> r.id().equals(portalIndexer.replicaId())).hasElements().block(WAIT) != Boolean.TRUE) {
            assertThat(System.nanoTime()).as("the portal's replica reported within 15 s").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    // --- helpers

    private ChangeLogPruning pruning(Instant at) {
        return new ChangeLogPruning(log, replicas, new ChangeLogSettings(SEEN_WITHIN, GRACE), true, Clock.fixed(at, ZoneOffset.UTC));
    }

    private long pruneAt(Instant at) {
        return pruning(at).prune().block(WAIT);
    }

    /** Records {@code count} changes; answers the first one's position. */
    private long record(int count) {
        return Flux.range(0, count).concatMap(i -> log.record(workspace, "interview:i" + i)).collectList().block(WAIT).get(0);
    }

    /** An entry recorded at {@code at}, written as the log writes it. */
    private void entry(long position, Instant at) {
        Mono.from(own.global(Collections.CHANGES).insertOne(new Document("_id", position)
                .append("workspaceId", workspace.value()).append("target", "interview:i" + position)
                .append("at", Date.from(at)))).block(WAIT);
    }

    private void report(String replica, long position, Instant at) {
        replicas.report(replica, position, at).block(WAIT);
    }

    private List<Long> positions() {
        return log.after(0, 1000).block(WAIT).stream().map(ChangeLog.Change::position).toList();
    }

    private QuoteIndexer indexer(Path dataDir) {
        PortalProperties properties = new PortalProperties(dataDir, null, null, Set.of("web"), URI.create("http://localhost"),
                null, null, 30, null);
        return new QuoteIndexer(properties, log, analyses, deals, interviews, responses, workspaces, replicas);
    }

    private void catchUp(QuoteIndexer indexer) {
        long head = log.head().block(WAIT);
        while (indexer.position() < head) {
            indexer.catchUp().block(WAIT);
        }
    }

    /** Drives the replica by hand until its rebuild has ended: the backfill logs sources as the replica reads them. */
    private static RebuildStatus rebuilt(QuoteIndexer indexer) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (indexer.rebuildStatus().rebuilding()) {
            assertThat(System.nanoTime()).as("the rebuild ended within 60 s: " + indexer.rebuildStatus()).isLessThan(deadline);
            long before = indexer.position();
            indexer.catchUp().block(Duration.ofSeconds(30));
            if (indexer.position() == before) {
                Thread.sleep(50);
            }
        }
        return indexer.rebuildStatus();
    }
}
