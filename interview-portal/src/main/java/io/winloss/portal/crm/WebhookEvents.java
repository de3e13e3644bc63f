package io.winloss.portal.crm;

import static com.mongodb.client.model.Filters.in;

import java.time.Instant;
import java.util.Date;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.Sorts;

import io.winloss.portal.store.Collections;
import io.winloss.portal.store.Store;
import io.winloss.portal.store.TenantCollection;
import io.winloss.portal.workspace.WorkspaceId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The CRM events a workspace received lately, accepted or not, for its admins' webhooks page: when, what happened and
 * why, and the deal's external id when the event was signed. {@link WebhookCleanup} keeps the latest {@link #KEPT} per
 * workspace. Events for a workspace that does not exist are only logged: there is nobody to show them to.
 */
@Component
class WebhookEvents {

    /** How many events each workspace keeps and its page shows. */
    static final int KEPT = 20;

    /** One received event. {@code externalId} and {@code dealId} are null unless the signature was good. */
    record WebhookEvent(String id, Instant receivedAt, boolean accepted, int status, String reason, String externalId,
            String dealId) {
    }

    private final Store store;

    WebhookEvents(Store store) {
        this.store = store;
    }

    private TenantCollection events(WorkspaceId workspace) {
        return store.tenant(workspace, Collections.WEBHOOK_EVENTS);
    }

    Mono<Void> record(WorkspaceId workspace, Instant receivedAt, boolean accepted, int status, String reason,
            String externalId, String dealId) {
        Document doc = new Document("_id", new ObjectId().toHexString()).append("receivedAt", Date.from(receivedAt))
                .append("accepted", accepted).append("status", status).append("reason", reason)
                .append("externalId", externalId).append("dealId", dealId);
        return events(workspace).insert(doc).then();
    }

    /** The workspace's latest events, newest first. */
    Flux<WebhookEvent> latest(WorkspaceId workspace) {
        return events(workspace).find(new Document(), Sorts.descending("receivedAt", "_id"), 0, KEPT).map(WebhookEvents::toEvent);
    }

    /**
     * Deletes all but each workspace's latest {@link #KEPT} events; answers how many went. It reads the instance's
     * workspace ids from the collection itself (a cleanup over every workspace), then trims each through its own view.
     */
    Mono<Long> trim() {
        return Flux.from(store.global(Collections.WEBHOOK_EVENTS).distinct(TenantCollection.WORKSPACE, String.class))
                .map(WorkspaceId::new)
                .concatMap(workspace -> events(workspace)
                        .find(new Document(), Sorts.descending("receivedAt", "_id"), KEPT, 10_000)
                        .map(doc -> doc.getString("_id"))
                        .collectList()
                        .flatMap(ids -> ids.isEmpty() ? Mono.just(0L) : events(workspace).deleteMany(in("_id", ids))))
                .reduce(0L, Long::sum);
    }

    private static WebhookEvent toEvent(Document doc) {
        return new WebhookEvent(doc.getString("_id"), doc.getDate("receivedAt").toInstant(), doc.getBoolean("accepted", false),
                doc.getInteger("status", 0), doc.getString("reason"), doc.getString("externalId"), doc.getString("dealId"));
    }
}
