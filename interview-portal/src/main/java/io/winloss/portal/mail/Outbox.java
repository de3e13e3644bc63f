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
        Date now = Date.from(Instant.now());
        Document doc = new Document("_id", new ObjectId().toHexString())
                .append("to", mail.to()).append("subject", mail.subject())
                .append("html", mail.html()).append("text", mail.text())
                .append("status", "pending").append("attempts", 0).append("nextAttemptAt", now)
                .append("createdAt", now)
                .append("invitationId", mail.invitationId()).append("link", mail.link());
        return store.tenant(mail.workspace(), Collections.OUTBOX).insert(doc).map(d -> d.getString("_id"));
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
