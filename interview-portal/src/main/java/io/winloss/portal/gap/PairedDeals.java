package io.winloss.portal.gap;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.winloss.portal.deal.Deals;
import io.winloss.portal.invitation.BuyerResponse;
import io.winloss.portal.invitation.Responses;
import io.winloss.portal.workspace.WorkspaceId;
import reactor.core.publisher.Mono;

/**
 * Finds the deals of a workspace that have both a rep's reason and a buyer's answer to {@code primaryReason}, through
 * the deal and answer features' own classes. Where a deal has several answers, the first submitted counts: later
 * buyers of the same deal were often invited because the first one was unsure, and one deal must count once.
 */
@Component
class PairedDeals {

    static final String PRIMARY_REASON = "primaryReason";

    private final Deals deals;
    private final Responses responses;

    PairedDeals(Deals deals, Responses responses) {
        this.deals = deals;
        this.responses = responses;
    }

    /** The paired deals the filter's period and outcomes cover, latest close date first. */
    Mono<List<PairedDeal>> find(WorkspaceId workspace, GapForm.Filter filter) {
        return responses.all(workspace)
                .filter(response -> Reasons.readBuyerAnswer(response.answers().get(PRIMARY_REASON)) != null)
                .collectList()
                .flatMap(answers -> {
                    Map<String, BuyerResponse> firstByDeal = new LinkedHashMap<>();
                    answers.stream()
                            .sorted(Comparator.comparing(BuyerResponse::submittedAt).thenComparing(BuyerResponse::id))
                            .forEach(response -> firstByDeal.putIfAbsent(response.dealId(), response));
                    return deals.findAll(workspace, firstByDeal.keySet())
                            .filter(deal -> deal.repReason() != null && !deal.repReason().isBlank() && filter.covers(deal))
                            .map(deal -> {
                                BuyerResponse first = firstByDeal.get(deal.id());
                                Reasons.Read rep = Reasons.readRepReason(deal.repReason());
                                return new PairedDeal(deal, deal.repReason(), rep.reason(), rep.understood(),
                                        Reasons.readBuyerAnswer(first.answers().get(PRIMARY_REASON)), first.submittedAt());
                            })
                            .collectList();
                });
    }
}
