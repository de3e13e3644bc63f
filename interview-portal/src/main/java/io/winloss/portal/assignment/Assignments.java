package io.winloss.portal.assignment;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import java.util.Date;
import java.util.Locale;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.stereotype.Component;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

import io.winloss.portal.account.Role;
import io.winloss.portal.account.Staff;
import io.winloss.portal.account.User;
import io.winloss.portal.account.Users;
import io.winloss.portal.deal.Deals;
import io.winloss.portal.store.Collections;
import io.winloss.portal.store.Store;
import io.winloss.portal.store.TenantCollection;
import io.winloss.portal.web.InvalidInput;
import io.winloss.portal.web.NotFound;
import io.winloss.portal.workspace.WorkspaceId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Which interviewers are assigned to which deals of a workspace. One record per interviewer and deal, kept
 * unique by a workspace-qualified key, so assigning twice changes nothing.
 */
@Component
public class Assignments {

    /** Workspace id + deal id + interviewer id, with a unique index (see StoreIndexes). */
    private static final String KEY = "assignmentKey";

    private final Store store;
    private final Deals deals;
    private final Users users;

    Assignments(Store store, Deals deals, Users users) {
        this.store = store;
        this.deals = deals;
        this.users = users;
    }

    private TenantCollection assignments(WorkspaceId workspace) {
        return store.tenant(workspace, Collections.ASSIGNMENTS);
    }

    /**
     * Assigns the interviewer with this email to the deal, or keeps the assignment that exists. {@link NotFound}
     * for an unknown deal; {@link InvalidInput} on {@code interviewerEmail} when no interviewer of this workspace has it.
     */
    public Mono<Assignment> assign(Staff by, String dealId, String interviewerEmail) {
        WorkspaceId workspace = by.workspace();
        return deals.find(workspace, dealId)
                .then(interviewer(workspace, interviewerEmail))
                .flatMap(interviewer -> assignments(workspace).upsertByKey(KEY, dealId + "\u0000" + interviewer.id(),
                                Updates.combine(
                                        Updates.setOnInsert("_id", new ObjectId().toHexString()),
                                        Updates.setOnInsert("dealId", dealId),
                                        Updates.setOnInsert("interviewerId", interviewer.id()),
                                        Updates.set("interviewerEmail", interviewer.email()),
                                        Updates.setOnInsert("assignedBy", by.email()),
                                        Updates.setOnInsert("assignedAt", new Date())))
                        // two first assignments racing: the loser's insert hits the unique index; its retry finds the winner's
                        .retryWhen(Retry.max(1).filter(Assignments::isDuplicateKey)))
                .map(Assignments::toAssignment);
    }

    private Mono<User> interviewer(WorkspaceId workspace, String email) {
        String normalised = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        return (normalised.isEmpty() ? Mono.<User>empty() : users.findByEmail(workspace, normalised))
                .filter(user -> user.role() == Role.INTERVIEWER)
                .switchIfEmpty(Mono.error(() -> new InvalidInput("interviewerEmail",
                        "must be the email of an interviewer of this workspace")));
    }

    /** The deal's assignments, by interviewer email; {@link NotFound} for an unknown deal. */
    public Flux<Assignment> forDeal(WorkspaceId workspace, String dealId) {
        return deals.find(workspace, dealId)
                .thenMany(assignments(workspace).find(eq("dealId", dealId), Sorts.ascending("interviewerEmail")))
                .map(Assignments::toAssignment);
    }

    /** Removes the interviewer from the deal; {@link NotFound} when the deal or the assignment does not exist. */
    public Mono<Void> remove(WorkspaceId workspace, String dealId, String interviewerEmail) {
        String email = interviewerEmail == null ? "" : interviewerEmail.strip().toLowerCase(Locale.ROOT);
        return deals.find(workspace, dealId)
                .then(assignments(workspace).deleteOne(and(eq("dealId", dealId), eq("interviewerEmail", email))))
                .flatMap(n -> n == 0 ? Mono.error(new NotFound("assignment")) : Mono.empty());
    }

    /** Removes every interviewer from the deal, which is being deleted; answers how many assignments went. */
    public Mono<Long> removeAll(WorkspaceId workspace, String dealId) {
        return assignments(workspace).deleteMany(eq("dealId", dealId));
    }

    /** The interviewers of the workspace, who may be assigned; by email. */
    public Flux<User> interviewers(WorkspaceId workspace) {
        return users.list(workspace).filter(user -> user.role() == Role.INTERVIEWER);
    }

    Mono<Boolean> isAssigned(WorkspaceId workspace, String dealId, String interviewerId) {
        return assignments(workspace).findOne(and(eq("dealId", dealId), eq("interviewerId", interviewerId))).hasElement();
    }

    Flux<String> dealIdsOf(WorkspaceId workspace, String interviewerId) {
        return assignments(workspace).find(eq("interviewerId", interviewerId), Sorts.ascending("_id"))
                .map(doc -> doc.getString("dealId"));
    }

    private static boolean isDuplicateKey(Throwable e) {
        if (e instanceof MongoWriteException w) {
            return w.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
        }
        return e instanceof MongoCommandException c && ErrorCategory.fromErrorCode(c.getErrorCode()) == ErrorCategory.DUPLICATE_KEY;
    }

    private static Assignment toAssignment(Document doc) {
        Date at = doc.getDate("assignedAt");
        return new Assignment(doc.getString("dealId"), doc.getString("interviewerId"), doc.getString("interviewerEmail"),
                doc.getString("assignedBy"), at == null ? null : at.toInstant());
    }
}
