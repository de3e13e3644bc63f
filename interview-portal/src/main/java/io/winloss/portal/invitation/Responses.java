package io.winloss.portal.invitation;

import static com.mongodb.client.model.Filters.eq;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.springframework.stereotype.Component;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Sorts;

import io.winloss.portal.analysis.Analyses;
import io.winloss.portal.analysis.AnalysisJobs;
import io.winloss.portal.insight.ChangeLog;
import io.winloss.portal.store.Collections;
import io.winloss.portal.store.Store;
import io.winloss.portal.store.TenantCollection;
import io.winloss.portal.survey.AnswerSheet;
import io.winloss.portal.web.NotFound;
import io.winloss.portal.workspace.WorkspaceId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Buyers' answers. A response's {@code _id} is its invitation's id, so the store itself guarantees one
 * response per invitation: a second submission fails on the key and never overwrites the first.
 * Deleting a response (staff decided it must go: wrong buyer, asked to be forgotten) leaves its invitation
 * answered: the buyer's link keeps saying the answers were received, takes no new ones, and sends no reminder.
 */
@Component
public class Responses {

    private final Store store;
    private final Invitations invitations;
    private final AnalysisJobs analysisJobs;
    private final Analyses analyses;
    private final Drafts drafts;
    private final ChangeLog changes;

    Responses(Store store, Invitations invitations, AnalysisJobs analysisJobs, Analyses analyses, Drafts drafts,
            ChangeLog changes) {
        this.store = store;
        this.invitations = invitations;
        this.analysisJobs = analysisJobs;
        this.analyses = analyses;
        this.drafts = drafts;
        this.changes = changes;
    }

    private TenantCollection responses(WorkspaceId workspace) {
        return store.tenant(workspace, Collections.RESPONSES);
    }

    /**
     * Stores the answers unless the invitation was answered before; true when these answers were stored. Their
     * free text is analysed by a job queued just before (see {@link ResponseAnalysis}): queued after, a crash in
     * between would leave answers that no job ever analyses or indexes. A buyer's retry after such a crash finds
     * the answers stored, with their job, and queues nothing. A job that finds no answers yet (claimed in between)
     * is tried again after its backoff. Of two submissions at once, the one whose insert fails on the key withdraws
     * its job; if a worker claimed that job first, it analyses the stored answers again, writing the same tags.
     * Only the last write, marking the invitation answered, waits for the disk: its commit includes the job and
     * the answers written before it (the store keeps writes in order), so answers the buyer saw accepted survive a
     * crash with their job, at one commit per submission.
     */
    Mono<Boolean> record(Invitation invitation, AnswerSheet sheet) {
        Document doc = new Document("_id", invitation.id())
                .append("dealId", invitation.dealId())
                .append("invitationId", invitation.id())
                .append("surveyVersion", sheet.survey().version())
                .append("submittedAt", Date.from(Instant.now()))
                .append("attributable", sheet.attributable())
                .append("answers", new Document(sheet.answers()))
                .append("email", invitation.email());
        TenantCollection responses = responses(invitation.workspace());
        Mono<Boolean> alreadyAnswered = invitations.markAnswered(invitation).thenReturn(false);
        return responses.findById(invitation.id()).hasElement()
                .flatMap(stored -> stored ? alreadyAnswered : analysisJobs
                        .enqueueBeforeDurableWrite(invitation.workspace(), ResponseAnalysis.target(invitation.id()), Instant.now())
                        .flatMap(job -> responses.eventuallyDurable().insert(doc)
                                .then(invitations.markAnswered(invitation))
                                .thenReturn(true)
                                .onErrorResume(MongoWriteException.class, e -> e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY
                                        ? analysisJobs.withdraw(invitation.workspace(), job.id()).then(alreadyAnswered)
                                        : Mono.error(e))));
    }

    /**
     * Deletes the answer sheet with its analysis jobs (withdrawn, even a running one), its tags, corrections and the
     * buyer's draft; {@link NotFound} when there is no such response (deleted before, or another workspace's). The
     * invitation is marked answered first (see the class comment), the parts go next and the response last, so a
     * crash midway leaves the response in place and deleting it again finishes the job; the change is logged once
     * everything is gone, so every process's quote index drops its sentences.
     */
    public Mono<Void> delete(WorkspaceId workspace, String id) {
        String target = ResponseAnalysis.target(id);
        return find(workspace, id).switchIfEmpty(Mono.error(() -> new NotFound("response")))
                .flatMap(response -> invitations.keepAnswered(workspace, response.invitationId())
                        .then(analysisJobs.cancel(workspace, target))
                        .then(analyses.forget(workspace, target))
                        .then(drafts.forget(workspace, response.invitationId()))
                        .then(responses(workspace).deleteOne(eq("_id", response.id())))
                        .then(changes.record(workspace, target)))
                .then();
    }

    /** Deletes every response of the deal as {@link #delete} does, one after another; answers how many. */
    public Mono<Long> deleteAllOf(WorkspaceId workspace, String dealId) {
        return forDeal(workspace, dealId)
                .concatMap(response -> delete(workspace, response.id()).onErrorResume(NotFound.class, e -> Mono.empty())
                        .thenReturn(response))
                .count();
    }

    public Mono<BuyerResponse> find(WorkspaceId workspace, String id) {
        return responses(workspace).findById(id).map(Responses::toResponse);
    }

    /** Every answer sheet of the workspace, for re-analysis after the rules changed. */
    public Flux<BuyerResponse> all(WorkspaceId workspace) {
        return responses(workspace).find(new Document(), Sorts.ascending("submittedAt")).map(Responses::toResponse);
    }

    public Flux<BuyerResponse> forDeal(WorkspaceId workspace, String dealId) {
        return responses(workspace).find(eq("dealId", dealId), Sorts.descending("submittedAt")).map(Responses::toResponse);
    }

    private static BuyerResponse toResponse(Document d) {
        Map<String, Object> answers = new LinkedHashMap<>();
        Document stored = d.get("answers", Document.class);
        if (stored != null) {
            stored.forEach((k, v) -> answers.put(k, v instanceof List<?> list ? new ArrayList<>(list) : v));
        }
        return new BuyerResponse(d.getString("_id"), d.getString("dealId"), d.getString("invitationId"),
                d.getInteger("surveyVersion", 0), d.getDate("submittedAt").toInstant(), d.getBoolean("attributable", false),
                answers, d.getString("email"));
    }
}
