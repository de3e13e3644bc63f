package io.winloss.portal.invitation;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import io.winloss.portal.survey.AnswerSheet;
import io.winloss.portal.survey.SurveyForm;
import io.winloss.portal.survey.Surveys;
import reactor.core.publisher.Mono;

/**
 * The buyer's side, reached with the link's token alone and no account. No page here names the workspace, the deal
 * or the account, so a link reveals nothing about whom it belongs to.
 * <p>
 * These are the pages every invited buyer opens, so they are functional routes: matched before the staff pages'
 * annotated controllers, with no model attribute methods, argument resolvers or reflection per request, and behind
 * their own slim security chain ({@code SecurityConfiguration#buyerChain}: CSRF and headers, no session).
 */
@Component
class BuyerPages {

    static final String VIEW_SURVEY = "survey/page";
    static final String VIEW_RECEIVED = "survey/received";
    static final String VIEW_EXPIRED = "survey/expired";
    static final String VIEW_THANKS = "survey/thanks";
    static final String VIEW_OPTED_OUT = "survey/opted-out";
    static final String VIEW_NOT_FOUND = "error/404";

    private final Invitations invitations;
    private final Responses responses;
    private final Drafts drafts;
    private final Surveys surveys;

    BuyerPages(Invitations invitations, Responses responses, Drafts drafts, Surveys surveys) {
        this.invitations = invitations;
        this.responses = responses;
        this.drafts = drafts;
        this.surveys = surveys;
    }

    @Bean
    RouterFunction<ServerResponse> buyerRoutes() {
        return RouterFunctions.route()
                .GET("/s/{token}", this::initSurveyForm)
                .POST("/s/{token}", this::processSurveyForm)
                .POST("/s/{token}/draft", this::saveDraft)
                .GET("/s/{token}/thanks", this::thanks)
                .GET("/s/{token}/opt-out", this::optOut)
                .build();
    }

    Mono<ServerResponse> initSurveyForm(ServerRequest request) {
        return whenOpen(request, inv -> invitations.markOpened(inv)
                .then(Mono.zip(surveys.current(inv.workspace()), drafts.find(inv)))
                .flatMap(t -> survey(request, inv, SurveyForm.of(t.getT1(), t.getT2(), List.of()), HttpStatus.OK)));
    }

    Mono<ServerResponse> processSurveyForm(ServerRequest request) {
        String token = request.pathVariable("token");
        return whenOpen(request, inv -> Mono.zip(surveys.current(inv.workspace()), request.formData())
                .flatMap(t -> {
                    AnswerSheet sheet = AnswerSheet.read(t.getT1(), t.getT2());
                    if (!sheet.valid()) {
                        return survey(request, inv, SurveyForm.of(t.getT1(), sheet.entered(), sheet.errors()),
                                HttpStatus.UNPROCESSABLE_CONTENT);
                    }
                    return responses.record(inv, sheet).flatMap(stored -> stored
                            ? ServerResponse.seeOther(URI.create("/s/" + token + "/thanks")).build()
                            : page(request, VIEW_RECEIVED, HttpStatus.OK, Map.of()));
                }));
    }

    /** Saves a draft sent by survey.js; answers 204, or 404/410 like the page, or 409 once answered. */
    Mono<ServerResponse> saveDraft(ServerRequest request) {
        return known(request, inv -> {
            if (inv.answeredAt() != null) {
                return ServerResponse.status(HttpStatus.CONFLICT).build();
            }
            if (inv.expired(invitations.now())) {
                return ServerResponse.status(HttpStatus.GONE).build();
            }
            return Mono.zip(surveys.current(inv.workspace()), request.formData())
                    .flatMap(t -> invitations.markDraftSaved(inv)
                            .then(drafts.save(inv, AnswerSheet.read(t.getT1(), t.getT2()).entered())))
                    .then(ServerResponse.noContent().build());
        });
    }

    Mono<ServerResponse> thanks(ServerRequest request) {
        return known(request, inv -> page(request, VIEW_THANKS, HttpStatus.OK, Map.of()));
    }

    Mono<ServerResponse> optOut(ServerRequest request) {
        return known(request, inv -> invitations.optOut(inv)
                .then(page(request, VIEW_OPTED_OUT, HttpStatus.OK, Map.of("token", request.pathVariable("token")))));
    }

    /** The handler's answer for the link's invitation; an unknown link is the 404 page. */
    private Mono<ServerResponse> known(ServerRequest request, Function<Invitation, Mono<ServerResponse>> handler) {
        return invitations.byToken(request.pathVariable("token")).flatMap(handler)
                .switchIfEmpty(Mono.defer(() -> notFound(request)));
    }

    /**
     * Answered pages come first (an answered link never expires for its owner), then expiry; else the handler; an
     * unknown link is the 404 page. Whether the link was answered is the invitation's own mark, which every submission
     * sets last and every deletion of the answers first, so no read of the answers is needed. A crash between a
     * submission's answers and its mark leaves the mark unset: the buyer then gets the form again, and sending it finds
     * the answers already stored under the invitation's id, sets the mark and says they were received
     * ({@link Responses#record}).
     */
    private Mono<ServerResponse> whenOpen(ServerRequest request, Function<Invitation, Mono<ServerResponse>> handler) {
        return known(request, inv -> {
            if (inv.answeredAt() != null) {
                return page(request, VIEW_RECEIVED, HttpStatus.OK, Map.of());
            }
            if (inv.expired(invitations.now())) {
                return page(request, VIEW_EXPIRED, HttpStatus.GONE, Map.of());
            }
            return handler.apply(inv);
        });
    }

    private Mono<ServerResponse> survey(ServerRequest request, Invitation inv, SurveyForm form, HttpStatus status) {
        return page(request, VIEW_SURVEY, status, Map.of(
                "token", request.pathVariable("token"),
                "form", form,
                "draftKey", "survey-draft-" + inv.id(),
                "incentive", inv.incentive() == null ? "" : inv.incentive()));
    }

    private Mono<ServerResponse> notFound(ServerRequest request) {
        return page(request, VIEW_NOT_FOUND, HttpStatus.NOT_FOUND, Map.of());
    }

    /** A page with the link's CSRF token in its model, as the staff pages get it from {@code CsrfModel}. */
    private static Mono<ServerResponse> page(ServerRequest request, String view, HttpStatus status, Map<String, ?> values) {
        Map<String, Object> model = new HashMap<>(values);
        Mono<CsrfToken> csrf = request.exchange().getAttribute(CsrfToken.class.getName());
        if (csrf != null) {
            model.put("_csrf", csrf);
        }
        return ServerResponse.status(status).render(view, model);
    }
}
