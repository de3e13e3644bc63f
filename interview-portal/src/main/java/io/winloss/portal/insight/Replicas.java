package io.winloss.portal.insight;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import org.bson.Document;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

import io.winloss.portal.store.Collections;
import io.winloss.portal.store.Store;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Where every process's quote-index replica says how far it has followed the change log, so that pruning keeps
 * every entry a replica seen lately has not committed yet. A replica's id is random and kept in its data folder
 * next to its index, so it stays the same across restarts and differs between processes.
 */
@Component
public class Replicas {

    /** One replica as it last reported: it had committed every change up to {@code position}. */
    public record Replica(String id, long position, Instant updatedAt) {
    }

    static final String ID_FILE = "replica-id";

    private final Store store;

    public Replicas(Store store) {
        this.store = store;
    }

    /** This data folder's replica id, created at random the first time. */
    static String localId(Path dataDir) {
        Path file = dataDir.resolve(ID_FILE);
        try {
            if (Files.exists(file)) {
                String id = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (!id.isEmpty()) {
                    return id;
                }
            }
            Files.createDirectories(dataDir);
            String id = UUID.randomUUID().toString();
            Files.writeString(file, id + "\n", StandardCharsets.UTF_8);
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the replica id in " + file.toAbsolutePath(), e);
        }
    }

    /** Records that replica {@code id} has committed every change up to {@code position}, as of {@code at}. */
    public Mono<Void> report(String id, long position, Instant at) {
        return Mono.from(store.global(Collections.REPLICAS).updateOne(eq("_id", id),
                        Updates.combine(Updates.set("position", position), Updates.set("updatedAt", Date.from(at))),
                        new UpdateOptions().upsert(true)))
                .then();
    }

    /** The lowest position committed by the replicas that reported at or after {@code since}; empty when none did. */
    public Mono<Long> lowestPositionSince(Instant since) {
        return Flux.from(store.global(Collections.REPLICAS).find(gte("updatedAt", Date.from(since)))
                        .sort(Sorts.ascending("position")).limit(1))
                .next()
                .map(d -> ((Number) d.get("position")).longValue());
    }

    /** Every replica that ever reported, most recently seen first. */
    public Flux<Replica> all() {
        return Flux.from(store.global(Collections.REPLICAS).find().sort(Sorts.descending("updatedAt")))
                .map(Replicas::replica);
    }

    private static Replica replica(Document d) {
        return new Replica(d.getString("_id"), ((Number) d.get("position")).longValue(), d.getDate("updatedAt").toInstant());
    }
}
