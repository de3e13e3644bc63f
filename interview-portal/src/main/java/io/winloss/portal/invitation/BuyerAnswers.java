package io.winloss.portal.invitation;

import org.springframework.stereotype.Component;

import io.winloss.portal.account.Staff;
import io.winloss.portal.survey.Surveys;
import io.winloss.portal.workspace.WorkspaceId;
import reactor.core.publisher.Flux;

/**
 * A deal's buyer answers as the deal page shows them, for other features' pages (the deal's post-mortem): each
 * answer sheet with its prompts and tags, and the buyer named only when the answers are attributable or the viewer
 * is an admin ({@link DealAnswers#view}), so every page hides an anonymous buyer the same way.
 */
@Component
public class BuyerAnswers {

    private final Responses responses;
    private final Surveys surveys;
    private final ResponseAnalysis analysis;

    BuyerAnswers(Responses responses, Surveys surveys, ResponseAnalysis analysis) {
        this.responses = responses;
        this.surveys = surveys;
        this.analysis = analysis;
    }

    /** The deal's answer sheets as {@code staff} may see them, latest first; none for a deal of another workspace. */
    public Flux<DealAnswers.ResponseView> ofDeal(Staff staff, String dealId) {
        WorkspaceId workspace = staff.workspace();
        return responses.forDeal(workspace, dealId)
                .concatMap(r -> surveys.version(workspace, r.surveyVersion())
                        .zipWith(analysis.tags(workspace, r.id()))
                        .map(t -> DealAnswers.view(r, t.getT1(), staff.isAdmin(), t.getT2())));
    }
}
