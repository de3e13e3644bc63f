package io.winloss.portal.deal;

import java.util.List;

import io.winloss.portal.workspace.WorkspaceId;
import reactor.core.publisher.Mono;

/**
 * What another feature does after deals were written, whichever way they came (deal page, API, CSV import, CRM
 * events: all go through {@link Deals}), without the deal package knowing that feature. {@link Deals} marks each
 * deal it writes, in the same atomic write as its facts, and clears the mark once every {@code DealSaved} finished;
 * deals a crash left marked are handed over again by {@link Deals#settlePending}. So {@link #saved} may see a deal
 * more than once and must be idempotent; a failure is logged and retried by that sweep, never undoes the save.
 */
public interface DealSaved {

    /** Called after {@code deals} (one workspace's, as stored now) were created or updated. */
    Mono<Void> saved(WorkspaceId workspace, List<Deal> deals);

    /** Called before a deal is deleted ({@link DealDeletion}), so what hangs off it elsewhere goes first. */
    default Mono<Void> deleting(WorkspaceId workspace, String dealId) {
        return Mono.empty();
    }
}
