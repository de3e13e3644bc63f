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

import io.winloss.portal.analysis.AnalysisJobs;
import io.winloss.portal.store.Collections;
import io.winloss.portal.store.Store;
import io.winloss.portal.store.TenantCollection;
import io.winloss.portal.survey.AnswerSheet;
import io.winloss.portal.workspace.WorkspaceId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Buyers' answers. A response's {@code _id} is its invitation's id, so the store itself guarantees one
 * response per invitation: a second submission fails on the key and never overwrites the first.
 */
@Component
public class Responses {

    private final Store store;
    private final Invitations invitations;
    private final AnalysisJobs analysisJobs;

    Responses(Store store, Invitations invitations, AnalysisJobs analysisJobs) {
        this.store = store;
        this.invitations = invitations;
        this.analysisJobs = analysisJobs;
    }

    private TenantCollection responses(WorkspaceId workspace) {
        return store.tenant(workspace, Collections.RESPONSES);
    }

    /**
     * Stores the answers unless the invitation was answered before; true when these answers were stored. Their
     * free text is then queued for analysis (see {@link ResponseAnalysis}).
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
        return responses(invitation.workspace()).insert(doc)
                .then(invitations.markAnswered(invitation))
                .then(analysisJobs.enqueue(invitation.workspace(), ResponseAnalysis.target(invitation.id()), Instant.now()))
                .thenReturn(true)
                .onErrorResume(MongoWriteException.class, e -> e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY
                        ? invitations.markAnswered(invitation).thenReturn(false) : Mono.error(e));
    }

    Mono<Boolean> exists(Invitation invitation) {
        return responses(invitation.workspace()).findById(invitation.id()).hasElement();
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
