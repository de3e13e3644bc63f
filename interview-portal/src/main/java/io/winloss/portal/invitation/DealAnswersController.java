package io.winloss.portal.invitation;

import java.time.Instant;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import io.winloss.portal.account.Staff;
import io.winloss.portal.deal.Deals;
import io.winloss.portal.survey.Surveys;
import io.winloss.portal.web.InvalidInput;
import io.winloss.portal.web.NotFound;
import reactor.core.publisher.Mono;

/**
 * The "buyer answers" part of a deal page, loaded into {@code <section id="buyer-answers">} with htmx
 * ({@code hx-get="/deals/{id}/answers"}), with the form that invites a buyer and, under each answer sheet, the
 * form that deletes it.
 */
@Controller
@PreAuthorize("hasRole('ANALYST')")
class DealAnswersController {

    static final String FRAGMENT = "invitations/deal-answers :: answers";

    record InviteForm(String email, String incentive) {
    }

    private final Invitations invitations;
    private final Responses responses;
    private final Surveys surveys;
    private final Deals deals;
    private final ResponseAnalysis analysis;

    DealAnswersController(Invitations invitations, Responses responses, Surveys surveys, Deals deals,
            ResponseAnalysis analysis) {
        this.invitations = invitations;
        this.responses = responses;
        this.surveys = surveys;
        this.deals = deals;
        this.analysis = analysis;
    }

    @GetMapping("/deals/{dealId}/answers")
    Mono<String> show(Staff staff, @PathVariable String dealId, Model model) {
        model.addAttribute("inviteForm", new InviteForm("", ""));
        return answers(staff, dealId, model);
    }

    @PostMapping("/deals/{dealId}/invitations")
    Mono<String> invite(Staff staff, @PathVariable String dealId, @ModelAttribute InviteForm form, Model model) {
        return invitations.invite(staff.workspace(), dealId, form.email(), form.incentive())
                .doOnNext(created -> {
                    model.addAttribute("invitedUrl", created.url());
                    model.addAttribute("inviteForm", new InviteForm("", ""));
                })
                .then()
                .onErrorResume(InvalidInput.class, e -> {
                    model.addAttribute("errors", e.errors());
                    model.addAttribute("inviteForm", form);
                    return Mono.empty();
                })
                .then(answers(staff, dealId, model));
    }

    /** Deletes one answer sheet of the deal (the page asks first) and shows the deal again: 303. */
    @PostMapping("/deals/{dealId}/responses/{id}/delete")
    Mono<String> deleteResponse(Staff staff, @PathVariable String dealId, @PathVariable String id) {
        return responses.find(staff.workspace(), id)
                .filter(response -> response.dealId().equals(dealId))
                .switchIfEmpty(Mono.error(() -> new NotFound("response")))
                .flatMap(response -> responses.delete(staff.workspace(), id))
                .thenReturn("redirect:/deals/" + dealId + "?deleted=answers");
    }

    private Mono<String> answers(Staff staff, String dealId, Model model) {
        Instant now = invitations.now();
        return deals.find(staff.workspace(), dealId).flatMap(deal -> Mono.zip(
                        invitations.forDeal(staff.workspace(), dealId).collectList(),
                        responses.forDeal(staff.workspace(), dealId)
                                .concatMap(r -> Mono.zip(surveys.version(staff.workspace(), r.surveyVersion()),
                                                analysis.tags(staff.workspace(), r.id()))
                                        .map(t -> DealAnswers.view(r, t.getT1(), staff.isAdmin(), t.getT2())))
                                .collectList()))
                .map(t -> new DealAnswers(dealId, t.getT1().stream()
                        .map(i -> new DealAnswers.InvitationRow(DealAnswers.invitee(i, t.getT2()), i.status(now),
                                i.createdAt(), i.expiresAt()))
                        .toList(), t.getT2()))
                .doOnNext(answers -> model.addAttribute("answers", answers))
                .thenReturn(FRAGMENT);
    }
}
