package io.winloss.portal.crm;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;

import org.bson.Document;
import org.springframework.stereotype.Component;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;

import io.winloss.portal.store.Collections;
import io.winloss.portal.store.Store;
import io.winloss.portal.workspace.WorkspaceId;
import reactor.core.publisher.Mono;

/**
 * The signed CRM events already taken, so a captured event cannot be sent again. Each is remembered by the SHA-256
 * of its verified signature and body as the document's {@code _id}: the store's unique id decides, so of two identical
 * events arriving at once exactly one is taken. Records older than {@link WebhookSettings#replayMemory} are deleted by
 * {@link WebhookCleanup} (the embedded store has no TTL indexes).
 */
@Component
class SeenEvents {

    private final Store store;

    SeenEvents(Store store) {
        this.store = store;
    }

    /** The id of a signed event: SHA-256 over its verified HMAC and its body. */
    static String idOf(byte[] mac, byte[] body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(mac);
            return HexFormat.of().formatHex(sha.digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** True when this event is new and is now remembered; false when it was seen before. */
    Mono<Boolean> claim(WorkspaceId workspace, String eventId, Instant now) {
        return store.tenant(workspace, Collections.WEBHOOK_REPLAYS)
                .insert(new Document("_id", eventId).append("receivedAt", Date.from(now)))
                .thenReturn(true)
                .onErrorResume(MongoWriteException.class, e -> e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY
                        ? Mono.just(false) : Mono.error(e));
    }

    /** Forgets a claimed event whose deal could not be stored, so the CRM's retry of it is taken. */
    Mono<Void> release(WorkspaceId workspace, String eventId) {
        return store.tenant(workspace, Collections.WEBHOOK_REPLAYS).deleteOne(eq("_id", eventId)).then();
    }

    /**
     * Deletes every workspace's records received before {@code cutoff}; answers how many went. Global on purpose: a
     * cleanup over the whole instance, touching nothing but this collection.
     */
    Mono<Long> forgetBefore(Instant cutoff) {
        return Mono.from(store.global(Collections.WEBHOOK_REPLAYS).deleteMany(lt("receivedAt", Date.from(cutoff))))
                .map(r -> r.getDeletedCount());
    }
}
