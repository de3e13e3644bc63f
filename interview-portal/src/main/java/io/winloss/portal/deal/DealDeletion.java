package io.winloss.portal.deal;

import org.springframework.stereotype.Component;

import io.winloss.portal.assignment.Assignments;
import io.winloss.portal.interview.Interviews;
import io.winloss.portal.invitation.Invitations;
import io.winloss.portal.invitation.Responses;
import io.winloss.portal.postmortem.PostMortemRatings;
import io.winloss.portal.postmortem.PostMortems;
import io.winloss.portal.postmortem.Touchpoints;
import io.winloss.portal.web.NotFound;
import io.winloss.portal.workspace.WorkspaceId;
import reactor.core.publisher.Mono;

/**
 * Deleting a deal with everything recorded for it: its interviews (transcript files, analyses, corrections, jobs),
 * its buyers' answers (analyses, corrections, jobs, drafts), its invitations (their mail withdrawn if not gone out)
 * and its interviewer assignments, each through the feature that owns it, and the deal record last. There are no
 * transactions, so the order keeps it whole: while any part remains, the deal does too, and deleting it again
 * after a crash finishes the job. Every interview and response logs its own change once it is gone, and the deal's
 * change comes last, so every process's quote index is left with none of the deal's sentences.
 */
@Component
class DealDeletion {

    private final Deals deals;
    private final Interviews interviews;
    private final Responses responses;
    private final Invitations invitations;
    private final Assignments assignments;
    private final Touchpoints touchpoints;
    private final PostMortems postMortems;
    private final PostMortemRatings postMortemRatings;

    DealDeletion(Deals deals, Interviews interviews, Responses responses, Invitations invitations, Assignments assignments,
            Touchpoints touchpoints, PostMortems postMortems, PostMortemRatings postMortemRatings) {
        this.deals = deals;
        this.interviews = interviews;
        this.responses = responses;
        this.invitations = invitations;
        this.assignments = assignments;
        this.touchpoints = touchpoints;
        this.postMortems = postMortems;
        this.postMortemRatings = postMortemRatings;
    }

    /** Deletes the deal and all that hangs off it; {@link NotFound} when this workspace has no such deal. */
    Mono<Deal> delete(WorkspaceId workspace, String dealId) {
        return deals.find(workspace, dealId)
                .flatMap(deal -> interviews.deleteAllOf(workspace, dealId)
                        // answers before invitations: an answered invitation stays closed while its answers go
                        .then(responses.deleteAllOf(workspace, dealId))
                        .then(invitations.deleteAllOf(workspace, dealId))
                        .then(assignments.removeAll(workspace, dealId))
                        // the deal's post-mortem too: its ratings, its five whys and the deal's touchpoints
                        .then(postMortemRatings.deleteAllOf(workspace, dealId))
                        .then(postMortems.deleteAllOf(workspace, dealId))
                        .then(touchpoints.deleteAllOf(workspace, dealId))
                        .then(deals.delete(workspace, dealId))
                        .thenReturn(deal));
    }
}
