package io.winloss.portal.crm;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.springframework.stereotype.Component;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Updates;

import io.winloss.portal.secret.SecretToken;
import io.winloss.portal.store.Collections;
import io.winloss.portal.store.Store;
import io.winloss.portal.store.TenantCollection;
import io.winloss.portal.workspace.WorkspaceId;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Each workspace's CRM webhook secret: one document per workspace ({@code _id} the workspace id) holding the current
 * secret, when it was made, and the secret it replaced, which stays valid for {@link WebhookSettings#secretGrace}
 * after the rotation so CRMs can be switched over without losing events. Rotating again ends that grace at once.
 *
 * <p>The secrets are stored as they are, not hashed: an HMAC key must be known to check a signature, so a hash of it
 * would be useless. Whoever can read the {@code webhookSecrets} collection can sign events for its workspace (README,
 * "CRM events"). They are 256 random bits and never logged.
 */
@Component
class WebhookSecrets {

    /** The secrets an event may be signed with at a given moment: the current one first, then the previous one. */
    record Keys(List<String> secrets) {

        @Override
        public String toString() {
            return "Keys[" + secrets.size() + " secrets]";
        }
    }

    /**
     * What an admin sees: whether a secret is set, when it was made, and until when the previous one is still accepted
     * (null when there is none, or its grace is over).
     */
    record Status(boolean set, Instant rotatedAt, Instant previousValidUntil) {
    }

    /** A new secret, shown once. */
    record Rotated(String secret, Instant rotatedAt, Instant previousValidUntil) {

        @Override
        public String toString() {
            return "Rotated[secret=***, rotatedAt=" + rotatedAt + "]";
        }
    }

    static final String PREFIX = "whsec_";

    private final Store store;
    private final WebhookSettings settings;

    WebhookSecrets(Store store, WebhookSettings settings) {
        this.store = store;
        this.settings = settings;
    }

    private TenantCollection secrets(WorkspaceId workspace) {
        return store.tenant(workspace, Collections.WEBHOOK_SECRETS);
    }

    /** The secrets valid at {@code now}; empty when the workspace has none (or does not exist). */
    Mono<Keys> keysAt(WorkspaceId workspace, Instant now) {
        return secrets(workspace).findById(workspace.value()).map(doc -> {
            List<String> keys = new ArrayList<>(2);
            keys.add(doc.getString("current"));
            Instant until = previousValidUntil(doc);
            if (until != null && now.isBefore(until)) {
                keys.add(doc.getString("previous"));
            }
            return new Keys(List.copyOf(keys));
        });
    }

    Mono<Status> status(WorkspaceId workspace, Instant now) {
        return secrets(workspace).findById(workspace.value())
                .map(doc -> {
                    Instant until = previousValidUntil(doc);
                    return new Status(true, doc.getDate("rotatedAt").toInstant(), until != null && now.isBefore(until) ? until : null);
                })
                .defaultIfEmpty(new Status(false, null, null));
    }

    /**
     * Makes a new secret (256 random bits) as of {@code now}; the one it replaces stays valid for the grace period.
     * Two rotations at once both succeed, one after the other: each replaces exactly the secret it read.
     */
    Mono<Rotated> rotate(WorkspaceId workspace, Instant now) {
        return Mono.defer(() -> {
            String secret = SecretToken.generate(PREFIX).value();
            Date at = Date.from(now);
            return secrets(workspace).findById(workspace.value())
                    .flatMap(existing -> secrets(workspace).updateOne(
                                    and(eq("_id", workspace.value()), eq("current", existing.getString("current"))),
                                    Updates.combine(Updates.set("current", secret), Updates.set("previous", existing.getString("current")),
                                            Updates.set("rotatedAt", at)))
                            .flatMap(changed -> changed == 1 ? Mono.just(new Rotated(secret, now, now.plus(settings.secretGrace())))
                                    : Mono.error(new ConcurrentRotation())))
                    .switchIfEmpty(Mono.defer(() -> secrets(workspace)
                            .insert(new Document("_id", workspace.value()).append("current", secret).append("rotatedAt", at))
                            .thenReturn(new Rotated(secret, now, null))
                            .onErrorMap(e -> e instanceof MongoWriteException w && w.getError().getCategory() == ErrorCategory.DUPLICATE_KEY,
                                    e -> new ConcurrentRotation())));
        }).retryWhen(Retry.max(5).filter(ConcurrentRotation.class::isInstance));
    }

    private Instant previousValidUntil(Document doc) {
        if (doc.getString("previous") == null || doc.getDate("rotatedAt") == null) {
            return null;
        }
        return doc.getDate("rotatedAt").toInstant().plus(settings.secretGrace());
    }

    /** Another rotation changed the secret between our read and our write: read again. */
    private static final class ConcurrentRotation extends RuntimeException {

        ConcurrentRotation() {
            super("the webhook secret was rotated concurrently", null, false, false);
        }
    }
}
