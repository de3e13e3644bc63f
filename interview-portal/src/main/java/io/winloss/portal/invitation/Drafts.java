package io.winloss.portal.invitation;

import static com.mongodb.client.model.Filters.eq;

import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.Updates;

import io.winloss.portal.store.Collections;
import io.winloss.portal.store.Store;
import io.winloss.portal.store.TenantCollection;
import io.winloss.portal.workspace.WorkspaceId;
import reactor.core.publisher.Mono;

/** A buyer's unfinished answers, one draft per invitation, so another device can pick up where they left. */
@Component
class Drafts {

    private final Store store;

    Drafts(Store store) {
        this.store = store;
    }

    private TenantCollection drafts(Invitation invitation) {
        return store.tenant(invitation.workspace(), Collections.DRAFTS);
    }

    /**
     * Replaces the draft with what the buyer entered (already limited to the survey's questions); the caller has
     * marked the invitation first ({@link Invitations#markDraftSaved}).
     */
    Mono<Void> save(Invitation invitation, Map<String, List<String>> entered) {
        return drafts(invitation).upsert(eq("_id", invitation.id()),
                        Updates.combine(Updates.set("values", new Document(new LinkedHashMap<>(entered))),
                                Updates.set("updatedAt", Date.from(Instant.now()))))
                .then();
    }

    /** Deletes the buyer's draft of this invitation, if any: it holds their words as much as the answers do. */
    Mono<Void> forget(WorkspaceId workspace, String invitationId) {
        return store.tenant(workspace, Collections.DRAFTS).deleteOne(eq("_id", invitationId)).then();
    }

    /** The saved values by question id; empty map when there is no draft. */
    Mono<Map<String, List<String>>> find(Invitation invitation) {
        if (!invitation.mayHaveDraft()) {
            return Mono.just(Map.of());
        }
        return drafts(invitation).findById(invitation.id())
                .map(d -> {
                    Map<String, List<String>> values = new LinkedHashMap<>();
                    Document stored = d.get("values", Document.class);
                    if (stored != null) {
                        stored.keySet().forEach(k -> values.put(k, stored.getList(k, String.class, List.of())));
                    }
                    return values;
                })
                .defaultIfEmpty(Map.of());
    }
}
