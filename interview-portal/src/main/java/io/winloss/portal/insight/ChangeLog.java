package io.winloss.portal.insight;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

import io.winloss.portal.store.Collections;
import io.winloss.portal.store.Store;
import io.winloss.portal.workspace.WorkspaceId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The ordered log of what changed in the data the quote index derives from: an interview's or a response's
 * sentences ({@code interview:<id>}, {@code response:<id>}) or a deal's facts ({@code deal:<id>}). Positions come
 * from one atomically incremented counter, so they are strictly increasing; every process's index follows the log
 * from the position it last committed. The log spans workspaces (each entry names its own), hence global collections.
 * Old entries are pruned ({@link #prune}); a follower that committed a position below {@link #prunedThrough} has
 * missed changes that are gone and must rebuild from scratch.
 */
@Component
public class ChangeLog {

    /** One entry: {@code target} of {@code workspace} changed at {@code at}; {@code position} orders it in the log. */
    public record Change(long position, WorkspaceId workspace, String target, Instant at) {
    }

    private static final String SEQUENCE = "changes";
    /** Counter document whose {@code seq} is the highest position pruning may have deleted; only ever grows. */
    private static final String PRUNED = "changesPruned";

    private final Store store;

    public ChangeLog(Store store) {
        this.store = store;
    }

    /** Appends a change of {@code target} and answers its position. */
    public Mono<Long> record(WorkspaceId workspace, String target) {
        return Mono.from(store.global(Collections.COUNTERS).findOneAndUpdate(eq("_id", SEQUENCE), Updates.inc("seq", 1L),
                        new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER)))
                .map(counter -> ((Number) counter.get("seq")).longValue())
                .flatMap(position -> Mono.from(store.global(Collections.CHANGES).insertOne(new Document("_id", position)
                                .append("workspaceId", workspace.value()).append("target", target)
                                .append("at", Date.from(Instant.now()))))
                        .thenReturn(position));
    }

    /**
     * The position of the latest change recorded, 0 when nothing was ever recorded. Never below
     * {@link #prunedThrough}, even when pruning emptied the log, so a follower starting from the head is not behind.
     */
    public Mono<Long> head() {
        return Flux.from(store.global(Collections.CHANGES).find().sort(Sorts.descending("_id")).limit(1))
                .next().map(d -> ((Number) d.get("_id")).longValue()).defaultIfEmpty(0L)
                .zipWith(prunedThrough(), Math::max);
    }

    /** The highest position whose entry pruning may have deleted, 0 when the log was never pruned. */
    public Mono<Long> prunedThrough() {
        return Mono.from(store.global(Collections.COUNTERS).find(eq("_id", PRUNED)).first())
                .map(counter -> ((Number) counter.get("seq")).longValue()).defaultIfEmpty(0L);
    }

    /**
     * Deletes the entries at or below {@code atOrBelow} that were recorded before {@code recordedBefore}; answers how
     * many. The highest such position goes to {@link #prunedThrough} first, so a follower that reads the log and then
     * the mark never misses a deletion. Safe to run in several processes at once: each step only ever moves forward.
     */
    public Mono<Long> prune(long atOrBelow, Instant recordedBefore) {
        Date before = Date.from(recordedBefore);
        return Mono.from(store.global(Collections.CHANGES).find(and(lte("_id", atOrBelow), lt("at", before)))
                        .sort(Sorts.descending("_id")).limit(1).first())
                .map(d -> ((Number) d.get("_id")).longValue())
                .flatMap(through -> Mono.from(store.global(Collections.COUNTERS).updateOne(eq("_id", PRUNED),
                                Updates.max("seq", through), new UpdateOptions().upsert(true)))
                        .then(Mono.from(store.global(Collections.CHANGES)
                                .deleteMany(and(lte("_id", through), lt("at", before))))))
                .map(result -> result.getDeletedCount())
                .defaultIfEmpty(0L);
    }

    /** Up to {@code limit} changes after {@code position}, in order. */
    public Mono<List<Change>> after(long position, int limit) {
        return Flux.from(store.global(Collections.CHANGES).find(gt("_id", position)).sort(Sorts.ascending("_id")).limit(limit))
                .map(d -> new Change(((Number) d.get("_id")).longValue(), new WorkspaceId(d.getString("workspaceId")),
                        d.getString("target"), d.getDate("at").toInstant()))
                .collectList();
    }
}
