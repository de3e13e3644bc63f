package io.winloss.portal.assignment;

import org.springframework.stereotype.Component;

import io.winloss.portal.account.Staff;
import io.winloss.portal.deal.Deal;
import io.winloss.portal.deal.Deals;
import io.winloss.portal.web.NotFound;
import reactor.core.publisher.Mono;

/** Placeholder until assignments land: admins and analysts read any deal of their workspace. */
@Component
public class DealAccess {

    private final Deals deals;

    DealAccess(Deals deals) {
        this.deals = deals;
    }

    public Mono<Deal> readable(Staff staff, String dealId) {
        return staff.seesWholeWorkspace() ? deals.find(staff.workspace(), dealId) : Mono.error(new NotFound("deal " + dealId));
    }
}
