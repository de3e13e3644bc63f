package io.winloss.portal.invitation;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;

import io.winloss.portal.survey.AnswerSheet;
import io.winloss.portal.survey.SurveyForm;
import io.winloss.portal.survey.Surveys;
import io.winloss.portal.web.NotFound;
import reactor.core.publisher.Mono;

/**
 * The buyer's side, reached with the link's token alone and no account. No page here names the
 * workspace, the deal or the account, so a link reveals nothing about whom it belongs to.
 */
@Controller
class BuyerSurveyController {

    static final String VIEW_SURVEY = "survey/page";
    static final String VIEW_RECEIVED = "survey/received";
    static final String VIEW_EXPIRED = "survey/expired";
    static final String VIEW_THANKS = "survey/thanks";
    static final String VIEW_OPTED_OUT = "survey/opted-out";

    private final Invitations invitations;
    private final Responses responses;
    private final Drafts drafts;
    private final Surveys surveys;

    BuyerSurveyController(Invitations invitations, Responses responses, Drafts drafts, Surveys surveys) {
        this.invitations = invitations;
        this.responses = responses;
        this.drafts = drafts;
        this.surveys = surveys;
    }

    private Mono<Invitation> invitation(String token) {
        return invitations.byToken(token).switchIfEmpty(Mono.error(() -> new NotFound("survey")));
    }

    /**
     * Answered pages come first (an answered link never expires for its owner), then expiry; else the handler.
     * Whether the link was answered is the invitation's own mark, which every submission sets last and every deletion of
     * the answers first, so no read of the answers is needed. A crash between a submission's answers and its mark
     * leaves the mark unset: the buyer then gets the form again, and sending it finds the answers already stored under
     * the invitation's id, sets the mark and says they were received ({@link Responses#record}).
     */
    private Mono<Rendering> whenOpen(String token, Function<Invitation, Mono<Rendering>> handler) {
        return invitation(token).flatMap(inv -> {
            if (inv.answeredAt() != null) {
                return Mono.just(Rendering.view(VIEW_RECEIVED).build());
            }
            if (inv.expired(invitations.now())) {
                return Mono.just(Rendering.view(VIEW_EXPIRED).status(HttpStatus.GONE).build());
            }
            return handler.apply(inv);
        });
    }

    @GetMapping("/s/{token}")
    Mono<Rendering> initSurveyForm(@PathVariable String token) {
        return whenOpen(token, inv -> invitations.markOpened(inv)
                .then(Mono.zip(surveys.current(inv.workspace()), drafts.find(inv)))
                .map(t -> page(token, inv, SurveyForm.of(t.getT1(), t.getT2(), List.of()), HttpStatus.OK)));
    }

    @PostMapping("/s/{token}")
    Mono<Rendering> processSurveyForm(@PathVariable String token, ServerWebExchange exchange) {
        return whenOpen(token, inv -> Mono.zip(surveys.current(inv.workspace()), exchange.getFormData())
                .flatMap(t -> {
                    AnswerSheet sheet = AnswerSheet.read(t.getT1(), t.getT2());
                    if (!sheet.valid()) {
                        return Mono.just(page(token, inv, SurveyForm.of(t.getT1(), sheet.entered(), sheet.errors()),
                                HttpStatus.UNPROCESSABLE_CONTENT));
                    }
                    return responses.record(inv, sheet).map(stored -> stored
                            ? Rendering.redirectTo("/s/" + token + "/thanks").status(HttpStatus.SEE_OTHER).build()
                            : Rendering.view(VIEW_RECEIVED).build());
                }));
    }

    /** Saves a draft sent by survey.js; answers 204, or 404/410 like the page, or 409 once answered. */
    @PostMapping("/s/{token}/draft")
    Mono<ResponseEntity<Void>> saveDraft(@PathVariable String token, ServerWebExchange exchange) {
        return invitation(token).flatMap(inv -> {
            if (inv.answeredAt() != null) {
                return Mono.just(ResponseEntity.status(HttpStatus.CONFLICT).<Void>build());
            }
            if (inv.expired(invitations.now())) {
                return Mono.just(ResponseEntity.status(HttpStatus.GONE).<Void>build());
            }
            return Mono.zip(surveys.current(inv.workspace()), exchange.getFormData())
                    .flatMap(t -> drafts.save(inv, AnswerSheet.read(t.getT1(), t.getT2()).entered()))
                    .thenReturn(ResponseEntity.noContent().<Void>build());
        });
    }

    @GetMapping("/s/{token}/thanks")
    Mono<String> thanks(@PathVariable String token) {
        return invitation(token).thenReturn(VIEW_THANKS);
    }

    @GetMapping("/s/{token}/opt-out")
    Mono<Rendering> optOut(@PathVariable String token) {
        return invitation(token).flatMap(inv -> invitations.optOut(inv)
                .thenReturn(Rendering.view(VIEW_OPTED_OUT).modelAttribute("token", token).build()));
    }

    private static Rendering page(String token, Invitation inv, SurveyForm form, HttpStatus status) {
        return Rendering.view(VIEW_SURVEY)
                .model(Map.of("token", token, "form", form, "draftKey", "survey-draft-" + inv.id()))
                .modelAttribute("incentive", inv.incentive() == null ? "" : inv.incentive())
                .status(status)
                .build();
    }
}
