package io.winloss.portal.deal;

import java.util.List;

import io.winloss.portal.workspace.WorkspaceId;
import reactor.core.publisher.Mono;

/**
 * What another feature does after deals were written, whichever way they came (deal page, API, CSV import, CRM
 * events: all go through {@link Deals}), without the deal package knowing that feature. Before it writes deals,
 * {@link Deals} notes that their followers are still to hear of them and deletes the note once every {@code DealSaved}
 * finished; the deals of a note a crash left are handed over again by {@link Deals#settlePending}. So {@link #saved}
 * may see a deal more than once and must be idempotent; a failure is logged and retried by that sweep, never undoes
 * the save.
 */
public interface DealSaved {

    /** Called after {@code deals} (one workspace's, as stored now) were created or updated. */
    Mono<Void> saved(WorkspaceId workspace, List<Deal> deals);

    /** Called before a deal is deleted ({@link DealDeletion}), so what hangs off it elsewhere goes first. */
    default Mono<Void> deleting(WorkspaceId workspace, String dealId) {
        return Mono.empty();
    }
}
