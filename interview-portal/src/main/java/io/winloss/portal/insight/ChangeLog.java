package io.winloss.portal.insight;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bson.Document;
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
 * The ordered log of what changed in the data the quote index derives from: an interview's or a response's
 * sentences ({@code interview:<id>}, {@code response:<id>}) or a deal's facts ({@code deal:<id>}). Positions come
 * from one atomically incremented counter, so they are strictly increasing; every process's index follows the log
 * from the position it last committed. The log spans workspaces (each entry names its own), hence global collections.
 */
@Component
public class ChangeLog {

    /** One entry: {@code target} of {@code workspace} changed at {@code at}; {@code position} orders it in the log. */
    public record Change(long position, WorkspaceId workspace, String target, Instant at) {
    }

    private static final String SEQUENCE = "changes";

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

    /** The position of the latest change recorded, 0 when the log is empty. */
    public Mono<Long> head() {
        return Flux.from(store.global(Collections.CHANGES).find().sort(Sorts.descending("_id")).limit(1))
                .next().map(d -> ((Number) d.get("_id")).longValue()).defaultIfEmpty(0L);
    }

    /** Up to {@code limit} changes after {@code position}, in order. */
    public Mono<List<Change>> after(long position, int limit) {
        return Flux.from(store.global(Collections.CHANGES).find(gt("_id", position)).sort(Sorts.ascending("_id")).limit(limit))
                .map(d -> new Change(((Number) d.get("_id")).longValue(), new WorkspaceId(d.getString("workspaceId")),
                        d.getString("target"), d.getDate("at").toInstant()))
                .collectList();
    }
}
