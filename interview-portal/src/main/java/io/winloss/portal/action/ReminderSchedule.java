package io.winloss.portal.action;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.or;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.bson.conversions.Bson;
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
 * The review reminders still to send, one document per review and kind ({@code upcoming} some days before the review
 * is due, {@code due} on the day, at 00:00 UTC), planned when the action is created. A process claims a due reminder
 * with one atomic update conditioned on it not being sent ({@code pending}, or {@code sending} under a lease that ran
 * out because its claimer died), so when two schedulers find the same reminder due exactly one of them gets it; it is
 * {@code sent} or {@code skipped} once handled.
 */
@Component
class ReminderSchedule {

    enum Kind { UPCOMING, DUE }

    /** How long a claimed reminder stays its claimer's: far longer than rendering and queueing one mail takes. */
    static final Duration LEASE = Duration.ofMinutes(2);

    /** A reminder as due work: which review of which action, and of which kind. */
    record Reminder(String id, WorkspaceId workspace, String actionId, int review, Kind kind, Instant at) {
    }

    private final Store store;
    private final ActionSettings settings;

    ReminderSchedule(Store store, ActionSettings settings) {
        this.store = store;
        this.settings = settings;
    }

    /**
     * Plans the reminders of a new action's reviews. Reminders whose time has passed when the action is created are
     * not planned (a back-dated action does not mail about reviews long gone), except a review due today or later.
     */
    Mono<Void> plan(WorkspaceId workspace, Action action, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        List<Document> docs = new ArrayList<>();
        for (Review review : action.reviews()) {
            if (review.due().isBefore(today)) {
                continue;
            }
            Instant due = review.due().atStartOfDay(ZoneOffset.UTC).toInstant();
            Instant upcoming = review.due().minusDays(settings.remindDaysBefore()).atStartOfDay(ZoneOffset.UTC).toInstant();
            if (settings.remindDaysBefore() > 0 && !upcoming.isBefore(now)) {
                docs.add(doc(action, review, Kind.UPCOMING, upcoming));
            }
            docs.add(doc(action, review, Kind.DUE, due));
        }
        return Flux.fromIterable(docs)
                .concatMap(doc -> store.tenant(workspace, Collections.ACTION_REMINDERS).insert(doc))
                .then();
    }

    private static Document doc(Action action, Review review, Kind kind, Instant at) {
        return new Document("_id", action.id() + ":" + review.n() + ":" + kind.name().toLowerCase(java.util.Locale.ROOT))
                .append("actionId", action.id()).append("review", review.n())
                .append("kind", kind.name()).append("at", Date.from(at)).append("status", "pending");
    }

    /**
     * Reminders of every workspace whose time has come and that nobody holds, earliest first. A global query: the
     * scheduler works for the whole instance, as the outbox's sender does.
     */
    Flux<Reminder> due(Instant now, int limit) {
        return Flux.from(store.global(Collections.ACTION_REMINDERS).find(claimable(now)).sort(Sorts.ascending("at")).limit(limit))
                .map(ReminderSchedule::toReminder);
    }

    /** Due and not sent: pending, or claimed by a process whose lease ran out before it finished. */
    private static Bson claimable(Instant now) {
        Date at = Date.from(now);
        return or(and(eq("status", "pending"), lte("at", at)), and(eq("status", "sending"), lte("leaseUntil", at)));
    }

    /**
     * Claims the reminder for this process with one atomic update, conditioned on it still being claimable, that marks
     * it {@code sending} under a lease. Empty when another process claimed it first.
     */
    Mono<Reminder> claim(Reminder reminder, Instant now) {
        return Mono.from(store.global(Collections.ACTION_REMINDERS).findOneAndUpdate(
                        and(eq("_id", reminder.id()), claimable(now)),
                        Updates.combine(Updates.set("status", "sending"), Updates.set("leaseUntil", Date.from(now.plus(LEASE)))),
                        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)))
                .map(ReminderSchedule::toReminder);
    }

    /** Records that the reminder's mail is in the outbox, under {@code mailId}. */
    Mono<Void> sent(Reminder reminder, String mailId, Instant now) {
        return Mono.from(store.global(Collections.ACTION_REMINDERS).updateOne(and(eq("_id", reminder.id()), eq("status", "sending")),
                Updates.combine(Updates.set("status", "sent"), Updates.set("sentAt", Date.from(now)),
                        Updates.set("mailId", mailId), Updates.unset("leaseUntil")))).then();
    }

    /** A claimed reminder that needs no mail after all (the review was recorded, the action closed or deleted). */
    Mono<Void> skipped(Reminder reminder, String reason) {
        return Mono.from(store.global(Collections.ACTION_REMINDERS).updateOne(and(eq("_id", reminder.id()), eq("status", "sending")),
                Updates.combine(Updates.set("status", "skipped"), Updates.set("reason", reason), Updates.unset("leaseUntil")))).then();
    }

    /** Gives a claimed reminder back when its mail could not be queued, so the next run tries again. */
    Mono<Void> release(Reminder reminder) {
        return Mono.from(store.global(Collections.ACTION_REMINDERS).updateOne(and(eq("_id", reminder.id()), eq("status", "sending")),
                Updates.combine(Updates.set("status", "pending"), Updates.unset("leaseUntil")))).then();
    }

    private static Reminder toReminder(Document d) {
        return new Reminder(d.getString("_id"), new WorkspaceId(d.getString("workspaceId")), d.getString("actionId"),
                d.getInteger("review"), Kind.valueOf(d.getString("kind")), d.getDate("at").toInstant());
    }
}
