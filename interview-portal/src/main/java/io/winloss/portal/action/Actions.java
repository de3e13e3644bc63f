package io.winloss.portal.action;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

import io.winloss.portal.store.Collections;
import io.winloss.portal.store.Store;
import io.winloss.portal.store.TenantCollection;
import io.winloss.portal.web.NotFound;
import io.winloss.portal.workspace.WorkspaceId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The post-mortem actions of a workspace: the one way other features read actions (a deal's page lists
 * {@link #fromDeal the actions it led to}) and the store behind the action API and pages. Creating an action fixes
 * its three review dates from its start date and plans their reminders ({@link ReminderSchedule}).
 */
@Component
public class Actions {

    private final Store store;
    private final ReminderSchedule reminders;

    Actions(Store store, ReminderSchedule reminders) {
        this.store = store;
        this.reminders = reminders;
    }

    private TenantCollection actions(WorkspaceId workspace) {
        return store.tenant(workspace, Collections.ACTIONS);
    }

    /** The action, or {@link NotFound} if it does not exist in this workspace. */
    public Mono<Action> find(WorkspaceId workspace, String id) {
        return actions(workspace).findById(id).map(Actions::toAction)
                .switchIfEmpty(Mono.error(() -> new NotFound("action")));
    }

    /** The actions a deal's post-mortem led to, oldest first. */
    public Flux<Action> fromDeal(WorkspaceId workspace, String dealId) {
        return actions(workspace).find(eq("dealId", dealId), Sorts.ascending("createdAt", "_id")).map(Actions::toAction);
    }

    /**
     * The actions matching the filter, the tracker's order: by next review date (those with none, done or dropped,
     * last), then by creation.
     */
    public Flux<Action> list(WorkspaceId workspace, ActionFilter filter) {
        List<Bson> parts = new ArrayList<>();
        if (filter.team() != null) {
            parts.add(eq("team", filter.team().id()));
        }
        if (filter.status() != null) {
            parts.add(eq("status", filter.status().id()));
        }
        return actions(workspace).find(parts.isEmpty() ? new Document() : and(parts), Sorts.ascending("createdAt", "_id"))
                .map(Actions::toAction)
                .sort(TRACKER_ORDER);
    }

    static final Comparator<Action> TRACKER_ORDER = Comparator
            .comparing((Action a) -> a.nextReview().map(Review::due).orElse(LocalDate.MAX))
            .thenComparing(Action::createdAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Action::id);

    /** Stores a checked action with its three reviews pending, and plans their reminders. */
    Mono<Action> create(WorkspaceId workspace, NewAction action, String createdBy, Instant now) {
        Date at = Date.from(now);
        List<Document> reviews = new ArrayList<>();
        List<LocalDate> dates = Review.dates(action.startDate());
        for (int i = 0; i < dates.size(); i++) {
            reviews.add(new Document("n", i + 1).append("due", dates.get(i).toString())
                    .append("status", ReviewStatus.PENDING.id()));
        }
        Document doc = new Document("_id", new ObjectId().toHexString())
                .append("title", action.title())
                .append("team", action.team().id())
                .append("ownerEmail", action.ownerEmail())
                .append("startDate", action.startDate().toString())
                .append("dueDate", action.dueDate().toString())
                .append("metric", action.metric().id())
                .append("themes", action.themes())
                .append("evidence", action.evidence())
                .append("hypothesis", action.hypothesis())
                .append("dealId", action.dealId())
                .append("segment", action.segment())
                .append("status", ActionStatus.OPEN.id())
                .append("reviews", reviews)
                .append("createdBy", createdBy)
                .append("createdAt", at)
                .append("updatedAt", at);
        return actions(workspace).insert(doc).map(Actions::toAction)
                .flatMap(created -> reminders.plan(workspace, created, now).thenReturn(created));
    }

    /** Changes status, owner or due date; {@link NotFound} when the action is not this workspace's. */
    Mono<Action> change(WorkspaceId workspace, String id, ActionChange change, Instant now) {
        List<Bson> sets = new ArrayList<>();
        if (change.status() != null) {
            sets.add(Updates.set("status", change.status().id()));
        }
        if (change.ownerEmail() != null) {
            sets.add(Updates.set("ownerEmail", change.ownerEmail()));
        }
        if (change.dueDate() != null) {
            sets.add(Updates.set("dueDate", change.dueDate().toString()));
        }
        sets.add(Updates.set("updatedAt", Date.from(now)));
        return actions(workspace).findOneAndUpdate(eq("_id", id), Updates.combine(sets)).map(Actions::toAction)
                .switchIfEmpty(Mono.error(() -> new NotFound("action")));
    }

    /**
     * Records review {@code n} (1 to 3) with what the reviewer saw; recording it again replaces the earlier record.
     * {@link NotFound} for another workspace's action or a review number it does not have.
     */
    Mono<Action> recordReview(WorkspaceId workspace, String id, int n, ReviewStatus status, String notes, String reviewer,
            MetricEffect seen, Instant now) {
        if (n < 1 || n > Review.NAMES.size() || status == ReviewStatus.PENDING) {
            return Mono.error(new NotFound("review"));
        }
        String at = "reviews." + (n - 1) + ".";
        return actions(workspace).findOneAndUpdate(and(eq("_id", id), eq(at + "n", n)), Updates.combine(
                        Updates.set(at + "status", status.id()),
                        Updates.set(at + "notes", notes),
                        Updates.set(at + "reviewedAt", Date.from(now)),
                        Updates.set(at + "reviewer", reviewer),
                        Updates.set(at + "seen", seen == null ? null : ActionDocuments.effect(seen)),
                        Updates.set("updatedAt", Date.from(now))))
                .map(Actions::toAction)
                .switchIfEmpty(Mono.error(() -> new NotFound("action")));
    }

    static Action toAction(Document d) {
        List<Review> reviews = d.getList("reviews", Document.class, List.of()).stream()
                .map(r -> new Review(r.getInteger("n"), LocalDate.parse(r.getString("due")),
                        ReviewStatus.byId(r.getString("status")).orElse(ReviewStatus.PENDING), r.getString("notes"),
                        instant(r.getDate("reviewedAt")), r.getString("reviewer"),
                        ActionDocuments.effect(r.get("seen", Document.class))))
                .toList();
        return new Action(d.getString("_id"), d.getString("title"), Team.byId(d.getString("team")).orElseThrow(),
                d.getString("ownerEmail"), LocalDate.parse(d.getString("startDate")), LocalDate.parse(d.getString("dueDate")),
                Metric.byId(d.getString("metric")).orElseThrow(), d.getList("themes", String.class, List.of()),
                d.getList("evidence", String.class, List.of()), d.getString("hypothesis"), d.getString("dealId"),
                d.getString("segment"), ActionStatus.byId(d.getString("status")).orElseThrow(), reviews,
                d.getString("createdBy"), instant(d.getDate("createdAt")), instant(d.getDate("updatedAt")));
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
