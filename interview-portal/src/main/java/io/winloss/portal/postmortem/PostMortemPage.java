package io.winloss.portal.postmortem;

import java.util.List;

import io.winloss.portal.deal.Deal;
import io.winloss.portal.invitation.DealAnswers;

/**
 * Everything the post-mortem page shows of one deal: its facts and the rep's reason, its timeline, what the buyers
 * answered and said in interviews, the five whys, the actions they led to, and how participants rated the post-mortem.
 *
 * @param mine    the viewer's own rating, or null
 * @param actions the actions this post-mortem led to; see {@link ActionLink}
 */
record PostMortemPage(Deal deal, List<TimelineEvent> timeline, List<DealAnswers.ResponseView> answers,
        List<InterviewQuotes> interviews, PostMortem postMortem, PostMortemRatings.Summary ratings, Rating mine,
        List<ActionLink> actions) {

    /**
     * An action this post-mortem led to ({@code action.Actions#fromDeal}), linked to its page; the page also offers to
     * create one from each root cause ({@code /actions/new?dealId=&rootCause=}).
     */
    record ActionLink(String title, String status, String path) {
    }
}
