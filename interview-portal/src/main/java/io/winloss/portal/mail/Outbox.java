package io.winloss.portal.mail;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
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
 * The durable queue of outgoing mail. A mail is claimed by one sender at a time with a lease: the claim
 * moves it from pending to sending atomically, and a sending mail whose lease ran out (its sender died)
 * is due again. Nothing is deleted, so a mail that cannot be sent stays visible to admins.
 */
@Component
public class Outbox {

    /** Attempts after which a mail is parked as failed. */
    static final int MAX_ATTEMPTS = 8;
    static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    static final Duration MAX_RETRY = Duration.ofHours(6);

    private final Store store;

    Outbox(Store store) {
        this.store = store;
    }

    /** Queues the mail, due at once; returns its id. */
    public Mono<String> queue(OutgoingMail mail) {
        return Mono.defer(() -> store.tenant(mail.workspace(), Collections.OUTBOX).insert(document(new ObjectId().toHexString(), mail)))
                .map(d -> d.getString("_id"));
    }

    /**
     * Queues the mail under an id the caller derives from what it is about (an invitation's reminder, say), at most
     * once: when a mail with this id exists already, nothing is queued and the answer is false. A caller retrying after
     * a crash therefore never mails twice.
     */
    public Mono<Boolean> queueOnce(String id, OutgoingMail mail) {
        return Mono.defer(() -> store.tenant(mail.workspace(), Collections.OUTBOX).insert(document(id, mail)))
                .thenReturn(true)
                .onErrorResume(Outbox::isDuplicateKey, e -> Mono.just(false));
    }

    /** Whether a mail with this id was queued (whatever became of it since). */
    public Mono<Boolean> queued(WorkspaceId workspace, String id) {
        return store.tenant(workspace, Collections.OUTBOX).findById(id).hasElement();
    }

    private static boolean isDuplicateKey(Throwable e) {
        return e instanceof com.mongodb.MongoWriteException w && w.getError().getCategory() == com.mongodb.ErrorCategory.DUPLICATE_KEY;
    }

    private static Document document(String id, OutgoingMail mail) {
        Date now = Date.from(Instant.now());
        return new Document("_id", id)
                .append("to", mail.to()).append("subject", mail.subject())
                .append("html", mail.html()).append("text", mail.text())
                .append("status", "pending").append("attempts", 0).append("nextAttemptAt", now)
                .append("createdAt", now)
                .append("invitationId", mail.invitationId()).append("link", mail.link());
    }

    /**
     * Keeps the invitation's mail that has not gone out from ever going (its deal was deleted): pending mail becomes
     * {@code withdrawn}, which no sender claims, and stays listed for admins like every other mail.
     */
    public Mono<Long> withdraw(WorkspaceId workspace, String invitationId) {
        return store.tenant(workspace, Collections.OUTBOX).updateMany(and(eq("invitationId", invitationId), eq("status", "pending")),
                Updates.combine(Updates.set("status", "withdrawn"), Updates.unset("nextAttemptAt")));
    }

    /** The workspace's mail, newest first. */
    public Flux<OutboxMail> list(WorkspaceId workspace, int limit) {
        return store.tenant(workspace, Collections.OUTBOX)
                .find(new Document(), Sorts.descending("createdAt"), 0, limit)
                .map(Outbox::toMail);
    }

    /**
     * Claims one due mail of any workspace (the sender works for the whole instance, so this is a global
     * query): pending and due, or sending with an expired lease. Empty when none is due.
     */
    Mono<OutboxMail> claimDue(Instant now, Duration lease) {
        Date at = Date.from(now);
        return Mono.from(store.global(Collections.OUTBOX).findOneAndUpdate(
                        or(and(eq("status", "pending"), lte("nextAttemptAt", at)),
                                and(eq("status", "sending"), lte("leaseUntil", at))),
                        Updates.combine(Updates.set("status", "sending"), Updates.set("leaseUntil", Date.from(now.plus(lease)))),
                        new FindOneAndUpdateOptions().sort(Sorts.ascending("nextAttemptAt")).returnDocument(ReturnDocument.AFTER)))
                .map(Outbox::toMail);
    }

    Mono<Void> markSent(OutboxMail mail, Instant now) {
        return Mono.from(store.global(Collections.OUTBOX).updateOne(and(eq("_id", mail.id()), eq("status", "sending")),
                Updates.combine(Updates.set("status", "sent"), Updates.set("sentAt", Date.from(now)),
                        Updates.inc("attempts", 1), Updates.unset("leaseUntil"), Updates.unset("lastError")))).then();
    }

    /** Records a failed attempt: due again after an exponential backoff, or parked as failed after the last attempt. */
    Mono<Void> markFailed(OutboxMail mail, String reason, Instant now) {
        int attempts = mail.attempts() + 1;
        boolean giveUp = attempts >= MAX_ATTEMPTS;
        return Mono.from(store.global(Collections.OUTBOX).updateOne(and(eq("_id", mail.id()), eq("status", "sending")),
                Updates.combine(Updates.set("status", giveUp ? "failed" : "pending"), Updates.set("attempts", attempts),
                        Updates.set("nextAttemptAt", Date.from(now.plus(backoff(attempts)))),
                        Updates.set("lastError", reason), Updates.unset("leaseUntil")))).then();
    }

    /**
     * Parks the mail as {@code bounced}: the server refused its recipient for good, so it is never tried again and
     * stays listed for admins with the server's words.
     */
    Mono<Void> markBounced(OutboxMail mail, String reason, Instant now) {
        return Mono.from(store.global(Collections.OUTBOX).updateOne(and(eq("_id", mail.id()), eq("status", "sending")),
                Updates.combine(Updates.set("status", "bounced"), Updates.set("attempts", mail.attempts() + 1),
                        Updates.set("bouncedAt", Date.from(now)), Updates.set("lastError", reason),
                        Updates.unset("nextAttemptAt"), Updates.unset("leaseUntil")))).then();
    }

    /** 30 s after the first failure, doubling with each further one, at most six hours. */
    static Duration backoff(int attempts) {
        Duration delay = FIRST_RETRY.multipliedBy(1L << Math.min(attempts - 1, 20));
        return delay.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : delay;
    }

    private static OutboxMail toMail(Document d) {
        return new OutboxMail(d.getString("_id"), d.getString("workspaceId"), d.getString("to"), d.getString("subject"),
                d.getString("html"), d.getString("text"), d.getString("status"), d.getInteger("attempts", 0),
                instant(d.getDate("nextAttemptAt")), d.getString("lastError"), instant(d.getDate("createdAt")),
                instant(d.getDate("sentAt")), d.getString("invitationId"), d.getString("link"));
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
