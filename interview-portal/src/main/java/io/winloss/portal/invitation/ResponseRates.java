package io.winloss.portal.invitation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.statistics.interval.BinomialConfidenceInterval;
import org.apache.commons.statistics.interval.Interval;
import org.bson.Document;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.Sorts;

import io.winloss.portal.deal.Deal;
import io.winloss.portal.deal.Deals;
import io.winloss.portal.deal.Outcome;
import io.winloss.portal.store.Collections;
import io.winloss.portal.store.Store;
import io.winloss.portal.workspace.WorkspaceId;
import reactor.core.publisher.Mono;

/**
 * How many invited buyers answered, per deal outcome. Shown beside the themes because lost buyers answer far less
 * often than won ones: the themes describe the buyers who answered, and this says how many of each kind that is.
 * Counts distinct deals (a deal with three invitations and one answer is one answered deal).
 */
@Component
public class ResponseRates {

    /**
     * The buyers of one outcome: deals with at least one invitation, those with at least one answer, the rate and its
     * Wilson 95% interval ({@code [0, 1]} when nobody was invited).
     */
    public record ResponseRate(String outcome, int invitedDeals, int answeredDeals, double rate, List<Double> ci) {

        public static ResponseRate of(String outcome, int invited, int answered) {
            if (invited == 0) {
                return new ResponseRate(outcome, 0, 0, 0.0, List.of(0.0, 1.0));
            }
            Interval interval = BinomialConfidenceInterval.WILSON_SCORE.fromErrorRate(invited, answered, 0.05);
            return new ResponseRate(outcome, invited, answered, (double) answered / invited,
                    List.of(interval.getLowerBound(), interval.getUpperBound()));
        }
    }

    private final Store store;
    private final Deals deals;

    ResponseRates(Store store, Deals deals) {
        this.store = store;
        this.deals = deals;
    }

    /**
     * One rate per outcome that has invited deals, in the order of {@link Outcome}, counting only deals of the given
     * segments (all deals when {@code segments} is empty).
     */
    public Mono<List<ResponseRate>> byOutcome(WorkspaceId workspace, Collection<String> segments) {
        Map<String, Boolean> answeredByDeal = new HashMap<>();
        return store.tenant(workspace, Collections.INVITATIONS).find(new Document(), Sorts.ascending("_id"))
                .doOnNext(invitation -> answeredByDeal.merge(invitation.getString("dealId"),
                        invitation.getDate("answeredAt") != null, Boolean::logicalOr))
                .then(Mono.defer(() -> deals.findAll(workspace, answeredByDeal.keySet())
                        .filter(deal -> segments.isEmpty() || segments.contains(deal.segment()))
                        .collectList()))
                .map(invited -> rates(invited, answeredByDeal));
    }

    private static List<ResponseRate> rates(List<Deal> invited, Map<String, Boolean> answeredByDeal) {
        Map<Outcome, int[]> counts = new HashMap<>();
        for (Deal deal : invited) {
            if (deal.outcome() == null) {
                continue;
            }
            int[] count = counts.computeIfAbsent(deal.outcome(), o -> new int[2]);
            count[0]++;
            if (answeredByDeal.getOrDefault(deal.id(), false)) {
                count[1]++;
            }
        }
        List<ResponseRate> rates = new ArrayList<>();
        for (Outcome outcome : Outcome.values()) {
            int[] count = counts.get(outcome);
            if (count != null) {
                rates.add(ResponseRate.of(outcome.id(), count[0], count[1]));
            }
        }
        return rates;
    }
}
