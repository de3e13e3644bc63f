package io.winloss.portal.postmortem;

import static com.mongodb.client.model.Filters.eq;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.Updates;

import io.winloss.portal.deal.Deals;
import io.winloss.portal.store.Collections;
import io.winloss.portal.store.Store;
import io.winloss.portal.store.TenantCollection;
import io.winloss.portal.web.NotFound;
import io.winloss.portal.workspace.WorkspaceId;
import reactor.core.publisher.Mono;

/**
 * The deals' post-mortems: one document per deal under a unique key, replaced whole by each save (one atomic upsert,
 * so two people saving at once leave one of the two whole, never a mix), with the last editor and time.
 */
@Component
public class PostMortems {

    private static final String KEY = "key";

    private final Store store;
    private final Deals deals;

    PostMortems(Store store, Deals deals) {
        this.store = store;
        this.deals = deals;
    }

    private TenantCollection postMortems(WorkspaceId workspace) {
        return store.tenant(workspace, Collections.POST_MORTEMS);
    }

    /** The deal's post-mortem, or {@link PostMortem#none} when nobody wrote one; the caller checked the deal. */
    public Mono<PostMortem> find(WorkspaceId workspace, String dealId) {
        TenantCollection collection = postMortems(workspace);
        return collection.findOne(eq(KEY, collection.qualifiedKey(dealId)))
                .map(PostMortems::toPostMortem)
                .defaultIfEmpty(PostMortem.none(dealId));
    }

    /** Saves the deal's post-mortem in place of the one before; {@link NotFound} when the deal is not this workspace's. */
    public Mono<PostMortem> save(WorkspaceId workspace, String dealId, FiveWhys notes, String editedBy, Instant at) {
        return deals.find(workspace, dealId).then(postMortems(workspace).upsertByKey(KEY, dealId, Updates.combine(
                        Updates.set("dealId", dealId),
                        Updates.set("problem", notes.problem()),
                        Updates.set("whys", notes.whys()),
                        Updates.set("rootCauses", notes.rootCauses().stream()
                                .map(c -> new Document("cause", c.cause()).append("category", c.category().id())).toList()),
                        Updates.set("editedBy", editedBy),
                        Updates.set("editedAt", Date.from(at)),
                        Updates.setOnInsert("_id", new ObjectId().toHexString()))))
                .map(PostMortems::toPostMortem);
    }

    /**
     * Root cause {@code number} (1 for the first, as the page numbers them) of the deal's post-mortem, or empty; for
     * the action created from it ({@code /actions/new?dealId=&rootCause=}).
     */
    public Mono<RootCause> rootCause(WorkspaceId workspace, String dealId, int number) {
        return find(workspace, dealId)
                .filter(p -> number >= 1 && number <= p.rootCauses().size())
                .map(p -> p.rootCauses().get(number - 1));
    }

    /** Deletes the deal's post-mortem, the deal being deleted; answers how many documents went (0 or 1). */
    public Mono<Long> deleteAllOf(WorkspaceId workspace, String dealId) {
        return postMortems(workspace).deleteMany(eq("dealId", dealId));
    }

    private static PostMortem toPostMortem(Document d) {
        List<RootCause> causes = d.getList("rootCauses", Document.class, List.of()).stream()
                .map(c -> new RootCause(c.getString("cause"),
                        RootCauseCategory.byId(c.getString("category")).orElse(RootCauseCategory.OTHER)))
                .toList();
        Date edited = d.getDate("editedAt");
        return new PostMortem(d.getString("dealId"), d.getString("problem"), d.getList("whys", String.class, List.of()),
                causes, d.getString("editedBy"), edited == null ? null : edited.toInstant());
    }
}
