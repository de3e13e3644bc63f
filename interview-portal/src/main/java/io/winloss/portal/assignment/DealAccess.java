package io.winloss.portal.assignment;

import java.util.List;

import org.springframework.stereotype.Component;

import io.winloss.portal.account.Staff;
import io.winloss.portal.deal.Deal;
import io.winloss.portal.deal.DealFilter;
import io.winloss.portal.deal.DealPage;
import io.winloss.portal.deal.Deals;
import io.winloss.portal.web.NotFound;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The one place that decides which deals a person may see: admins and analysts every deal of their workspace,
 * an interviewer only the deals assigned to them. Any other deal is {@link NotFound}, exactly as if it did not exist.
 */
@Component
public class DealAccess {

    private final Deals deals;
    private final Assignments assignments;

    DealAccess(Deals deals, Assignments assignments) {
        this.deals = deals;
        this.assignments = assignments;
    }

    /** The deal if this person may see it, else {@link NotFound}. */
    public Mono<Deal> readable(Staff staff, String dealId) {
        if (staff.seesWholeWorkspace()) {
            return deals.find(staff.workspace(), dealId);
        }
        return assignments.isAssigned(staff.workspace(), dealId, staff.userId())
                .flatMap(assigned -> assigned ? deals.find(staff.workspace(), dealId) : Mono.error(new NotFound("deal")));
    }

    /** The deals assigned to this interviewer, latest close date first. */
    public Flux<Deal> assignedTo(Staff interviewer) {
        return assignedIds(interviewer).flatMapMany(ids -> deals.findAll(interviewer.workspace(), ids));
    }

    /** One page of the deals this person may see that match the filter, latest close date first. */
    public Mono<DealPage> list(Staff staff, DealFilter filter, Integer page, Integer size) {
        if (staff.seesWholeWorkspace()) {
            return deals.list(staff.workspace(), filter, page, size);
        }
        return assignedIds(staff).flatMap(ids -> deals.listAmong(staff.workspace(), ids, filter, page, size));
    }

    private Mono<List<String>> assignedIds(Staff staff) {
        return assignments.dealIdsOf(staff.workspace(), staff.userId()).distinct().collectList();
    }
}
