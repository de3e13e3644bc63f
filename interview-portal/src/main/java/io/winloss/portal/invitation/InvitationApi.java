package io.winloss.portal.invitation;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.winloss.portal.account.Staff;
import io.winloss.portal.analysis.ReviewedSentence;
import io.winloss.portal.deal.Deals;
import io.winloss.portal.web.ApiController;
import reactor.core.publisher.Mono;

/** Inviting a deal's buyers and reading their answers, for CRMs and scripts. */
@ApiController("/api/deals/{dealId}")
@PreAuthorize("hasRole('ANALYST')")
class InvitationApi {

    record Invite(String email, String incentive) {
    }

    record Created(String id, String status, String url) {
    }

    record InvitationItem(String id, String email, String status, Instant createdAt, Instant expiresAt) {
    }

    /** @param tags one per analysed free-text answer, corrections applied; empty until the sheet is analysed */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ResponseItem(String id, Instant submittedAt, boolean attributable, int surveyVersion,
            Map<String, Object> answers, String respondent, List<AnswerTags> tags) {
    }

    /** The tags of one free-text answer; {@code score} is the machine's, in [-2, 2]. */
    record AnswerTags(String questionId, List<String> competitors, List<String> criteria, String sentiment, Double score) {

        static AnswerTags of(ReviewedSentence s) {
            return new AnswerTags(s.machine().speaker(), s.competitors(), s.criteria(), s.sentiment(), s.machine().score());
        }
    }

    record Items<T>(List<T> items) {
    }

    private final Invitations invitations;
    private final Responses responses;
    private final Deals deals;
    private final ResponseAnalysis analysis;

    InvitationApi(Invitations invitations, Responses responses, Deals deals, ResponseAnalysis analysis) {
        this.invitations = invitations;
        this.responses = responses;
        this.deals = deals;
        this.analysis = analysis;
    }

    @PostMapping("/invitations")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Created> invite(Staff staff, @PathVariable String dealId, @RequestBody Invite body) {
        return invitations.invite(staff.workspace(), dealId, body.email(), body.incentive())
                .map(c -> new Created(c.invitation().id(), c.invitation().status(invitations.now()), c.url()));
    }

    @GetMapping("/invitations")
    Mono<Items<InvitationItem>> list(Staff staff, @PathVariable String dealId) {
        Instant now = invitations.now();
        return deals.find(staff.workspace(), dealId)
                .thenMany(invitations.forDeal(staff.workspace(), dealId))
                .map(i -> new InvitationItem(i.id(), i.email(), i.status(now), i.createdAt(), i.expiresAt()))
                .collectList().map(Items::new);
    }

    /** The buyer's email appears only when they agreed to be named, or to admins. */
    @GetMapping("/responses")
    Mono<Items<ResponseItem>> responses(Staff staff, @PathVariable String dealId) {
        return deals.find(staff.workspace(), dealId)
                .thenMany(responses.forDeal(staff.workspace(), dealId))
                .concatMap(r -> analysis.tags(staff.workspace(), r.id()).map(tags -> new ResponseItem(r.id(),
                        r.submittedAt(), r.attributable(), r.surveyVersion(), r.answers(),
                        r.attributable() || staff.isAdmin() ? r.respondent() : null,
                        tags.answers().stream().map(AnswerTags::of).toList())))
                .collectList().map(Items::new);
    }
}
