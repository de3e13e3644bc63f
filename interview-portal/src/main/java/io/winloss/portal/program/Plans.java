package io.winloss.portal.program;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.or;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

import io.winloss.portal.store.Collections;
import io.winloss.portal.store.Store;
import io.winloss.portal.store.TenantCollection;
import io.winloss.portal.workspace.WorkspaceId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Invitation plans in MongoDB, one per program and deal (unique {@code planKey}). Without transactions every change
 * is one single-document atomic update: a worker claims a due plan with one {@code findOneAndUpdate} that sets its
 * lease, and records the step's outcome conditioned on still holding that lease at that step, so a worker whose lease
 * ran out cannot move a plan its successor moved. Workers serve every workspace, so claiming and recording use the
 * global collection; what staff read and change goes through the tenant view.
 */
@Component
class Plans {

    static final String KEY = "planKey";
    private static final List<String> OPEN = List.of(Plan.Status.WAITING.id(), Plan.Status.PAUSED.id());

    private final Store store;

    Plans(Store store) {
        this.store = store;
    }

    private TenantCollection plans(WorkspaceId workspace) {
        return store.tenant(workspace, Collections.PROGRAM_PLANS);
    }

    static String key(String programId, String dealId) {
        return programId + ":" + dealId;
    }

    /** A plan to create: the deal's invitation is due at {@code inviteAt}; paused when its program is. */
    record NewPlan(String programId, String dealId, Instant inviteAt, boolean paused) {
    }

    /** The plans of these program and deal pairs ({@link #key}) that exist, by their unique key. */
    Flux<Plan> byKeys(WorkspaceId workspace, Collection<String> keys) {
        return plans(workspace).findByKeys(KEY, keys).map(Plans::toPlan);
    }

    /**
     * Creates the plans in one ordered round trip; each is an upsert by its key that only sets fields on insert, so a
     * plan that exists already (saved twice, enrolled by two processes at once) is left exactly as it is.
     */
    Mono<Void> create(WorkspaceId workspace, List<NewPlan> plans, Instant now) {
        if (plans.isEmpty()) {
            return Mono.empty();
        }
        List<TenantCollection.Write> writes = new ArrayList<>(plans.size());
        for (NewPlan plan : plans) {
            writes.add(TenantCollection.Write.upsertByKey(KEY, key(plan.programId(), plan.dealId()), Updates.combine(
                    Updates.setOnInsert("_id", new ObjectId().toHexString()),
                    Updates.setOnInsert("programId", plan.programId()),
                    Updates.setOnInsert("dealId", plan.dealId()),
                    Updates.setOnInsert("status", (plan.paused() ? Plan.Status.PAUSED : Plan.Status.WAITING).id()),
                    Updates.setOnInsert("step", 0),
                    Updates.setOnInsert("nextAt", Date.from(plan.inviteAt())),
                    Updates.setOnInsert("inviteAt", Date.from(plan.inviteAt())),
                    Updates.setOnInsert("remindersSent", 0),
                    Updates.setOnInsert("failures", 0),
                    Updates.setOnInsert("history", List.of(event(now, "scheduled"))),
                    Updates.setOnInsert("createdAt", Date.from(now)))));
        }
        return plans(workspace).writeAll(writes).then();
    }

    /** Stops a plan whose invitation has not gone out (step 0, waiting or paused); false when it had moved on. */
    Mono<Boolean> cancelBeforeInvitation(WorkspaceId workspace, String planId, Plan.StopReason reason, Instant now) {
        return plans(workspace).updateOne(and(eq("_id", planId), eq("step", 0), in("status", OPEN)), stop(reason, now))
                .map(n -> n == 1);
    }

    /** Moves the due time of a plan's step {@code step} if it is still at that step, waiting or paused. */
    Mono<Boolean> reschedule(WorkspaceId workspace, String planId, int step, Instant nextAt, Instant inviteAt) {
        List<Bson> sets = new ArrayList<>(List.of(Updates.set("nextAt", Date.from(nextAt))));
        if (inviteAt != null) {
            sets.add(Updates.set("inviteAt", Date.from(inviteAt)));
        }
        return plans(workspace).updateOne(and(eq("_id", planId), eq("step", step), in("status", OPEN)), Updates.combine(sets))
                .map(n -> n == 1);
    }

    /** Finishes a waiting or paused plan at {@code step} that has no step left (its program dropped reminders). */
    Mono<Boolean> finish(WorkspaceId workspace, String planId, int step, Instant now) {
        return plans(workspace).updateOne(and(eq("_id", planId), eq("step", step), in("status", OPEN)),
                        Updates.combine(Updates.set("status", Plan.Status.FINISHED.id()), Updates.unset("nextAt"),
                                Updates.push("history", event(now, "finished: the program has no more reminders"))))
                .map(n -> n == 1);
    }

    /** Brings back a plan cancelled as out of scope before its invitation, its deal being in scope again. */
    Mono<Boolean> revive(WorkspaceId workspace, String planId, Instant inviteAt, boolean paused, Instant now) {
        return plans(workspace).updateOne(and(eq("_id", planId), eq("step", 0), eq("status", Plan.Status.STOPPED.id()),
                                eq("stopReason", Plan.StopReason.OUT_OF_SCOPE.id())),
                        Updates.combine(Updates.set("status", (paused ? Plan.Status.PAUSED : Plan.Status.WAITING).id()),
                                Updates.set("nextAt", Date.from(inviteAt)), Updates.set("inviteAt", Date.from(inviteAt)),
                                Updates.unset("stopReason"), Updates.unset("stoppedAt"),
                                Updates.push("history", event(now, "scheduled again: the deal is in scope again"))))
                .map(n -> n == 1);
    }

    /** The program's plans, oldest first. */
    Flux<Plan> forProgram(WorkspaceId workspace, String programId) {
        return plans(workspace).find(eq("programId", programId), Sorts.ascending("createdAt", "_id")).map(Plans::toPlan);
    }

    /** Pauses (or resumes) every waiting (paused) plan of the program; a step in flight finishes but leaves it paused. */
    Mono<Long> setPaused(WorkspaceId workspace, String programId, boolean paused) {
        Plan.Status from = paused ? Plan.Status.WAITING : Plan.Status.PAUSED;
        Plan.Status to = paused ? Plan.Status.PAUSED : Plan.Status.WAITING;
        return plans(workspace).updateMany(and(eq("programId", programId), eq("status", from.id())), Updates.set("status", to.id()));
    }

    /** Deletes the deal's plans (the deal is being deleted). */
    Mono<Long> deleteForDeal(WorkspaceId workspace, String dealId) {
        return plans(workspace).deleteMany(eq("dealId", dealId));
    }

    /** Stops the open plan whose invitation this is (plans and their invitations share ids), as its mail bounced. */
    Mono<Boolean> stopForInvitation(WorkspaceId workspace, String invitationId, Plan.StopReason reason, Instant now) {
        return plans(workspace).updateOne(and(eq("_id", invitationId), in("status", OPEN)), stop(reason, now)).map(n -> n == 1);
    }

    /** A claimed plan: the plan as claimed and the token that proves the claim in every later write. */
    record Claim(Plan plan, String token) {
    }

    /**
     * Claims the plan of any workspace due longest ago: waiting, due by {@code now}, and not leased (or its lease ran
     * out: its worker died). One atomic update sets the lease, so two workers never hold the same plan at once.
     */
    Mono<Claim> claim(Instant now, Duration lease) {
        Date at = Date.from(now);
        String token = UUID.randomUUID().toString();
        return Mono.from(store.global(Collections.PROGRAM_PLANS).findOneAndUpdate(
                        and(eq("status", Plan.Status.WAITING.id()), lte("nextAt", at),
                                or(eq("leaseUntil", null), lte("leaseUntil", at))),
                        Updates.combine(Updates.set("leaseUntil", Date.from(now.plus(lease))), Updates.set("leaseToken", token)),
                        new FindOneAndUpdateOptions().sort(Sorts.ascending("nextAt")).returnDocument(ReturnDocument.AFTER)))
                .map(doc -> new Claim(toPlan(doc), token));
    }

    /**
     * Records that the claimed step is done and what comes next: the next step due at {@code nextAt}, or, with no
     * next step, the plan finished. The status is left alone otherwise, so a plan paused meanwhile stays paused.
     * False when the claim was lost (the lease ran out and another worker took the plan).
     */
    Mono<Boolean> advance(Claim claim, Instant nextAt, List<Bson> sets, String what, Instant now) {
        List<Bson> updates = new ArrayList<>(sets);
        updates.add(Updates.set("step", claim.plan().step() + 1));
        updates.add(Updates.push("history", event(now, what)));
        updates.add(Updates.set("failures", 0));
        updates.add(Updates.unset("lastError"));
        if (nextAt == null) {
            updates.add(Updates.set("status", Plan.Status.FINISHED.id()));
            updates.add(Updates.unset("nextAt"));
        } else {
            updates.add(Updates.set("nextAt", Date.from(nextAt)));
        }
        return held(claim, Updates.combine(updates));
    }

    /** Stops the claimed plan for {@code reason}. */
    Mono<Boolean> stop(Claim claim, Plan.StopReason reason, Instant now) {
        return held(claim, stop(reason, now));
    }

    /** Gives the claimed step back, due again at {@code nextAt} (its deal's close date moved later). */
    Mono<Boolean> postpone(Claim claim, Instant nextAt, Instant now) {
        return held(claim, Updates.combine(Updates.set("nextAt", Date.from(nextAt)), Updates.set("inviteAt", Date.from(nextAt)),
                Updates.push("history", event(now, "invitation moved: the close date changed"))));
    }

    /** Gives the claimed plan back untouched (its program was paused meanwhile). */
    Mono<Boolean> release(Claim claim) {
        return held(claim, new Document());
    }

    /**
     * Records a failed attempt at the claimed step: due again after a backoff (1, 2, 4... minutes, at most an hour),
     * or stopped as failed after {@code maxFailures}.
     */
    Mono<Boolean> failed(Claim claim, String reason, int maxFailures, Instant now) {
        int failures = claim.plan().failures() + 1;
        if (failures >= maxFailures) {
            return held(claim, Updates.combine(stop(Plan.StopReason.FAILED, now), Updates.set("failures", failures),
                    Updates.set("lastError", reason)));
        }
        Duration backoff = Duration.ofMinutes(Math.min(60, 1L << Math.min(failures - 1, 6)));
        return held(claim, Updates.combine(Updates.set("failures", failures), Updates.set("lastError", reason),
                Updates.set("nextAt", Date.from(now.plus(backoff)))));
    }

    private Mono<Boolean> held(Claim claim, Bson update) {
        return Mono.from(store.global(Collections.PROGRAM_PLANS).updateOne(
                        and(eq("_id", claim.plan().id()), eq("leaseToken", claim.token()), eq("step", claim.plan().step())),
                        Updates.combine(update, Updates.unset("leaseUntil"), Updates.unset("leaseToken"))))
                .map(r -> r.getModifiedCount() == 1);
    }

    private static Bson stop(Plan.StopReason reason, Instant now) {
        return Updates.combine(Updates.set("status", Plan.Status.STOPPED.id()), Updates.set("stopReason", reason.id()),
                Updates.set("stoppedAt", Date.from(now)), Updates.unset("nextAt"),
                Updates.push("history", event(now, "stopped: " + reason.words())));
    }

    private static Document event(Instant at, String what) {
        return new Document("at", Date.from(at)).append("what", what);
    }

    static Plan toPlan(Document d) {
        List<Plan.Event> history = d.getList("history", Document.class, List.of()).stream()
                .map(e -> new Plan.Event(instant(e.getDate("at")), e.getString("what"))).toList();
        return new Plan(d.getString("_id"), new WorkspaceId(d.getString(TenantCollection.WORKSPACE)), d.getString("programId"),
                d.getString("dealId"), Plan.Status.of(d.getString("status")), d.getInteger("step", 0), instant(d.getDate("nextAt")),
                instant(d.getDate("inviteAt")), instant(d.getDate("invitedAt")), d.getInteger("remindersSent", 0),
                Plan.StopReason.of(d.getString("stopReason")), instant(d.getDate("stoppedAt")), history,
                d.getInteger("failures", 0), d.getString("lastError"), instant(d.getDate("createdAt")));
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
