package io.winloss.portal.assignment;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

import io.winloss.portal.account.Staff;
import reactor.core.publisher.Mono;

/**
 * The interviewer's pages: the deals assigned to them, and one deal's facts needed for the interview. What a
 * person may see is decided by {@link DealAccess}, so any other deal shows the 404 page.
 */
@Controller
@RequestMapping("/assigned")
class AssignedDealPages {

    static final String VIEW_LIST = "assigned/list";
    static final String VIEW_DEAL = "assigned/deal";

    private final DealAccess access;

    AssignedDealPages(DealAccess access) {
        this.access = access;
    }

    @GetMapping
    Mono<String> list(Staff staff, Model model) {
        return access.assignedTo(staff).collectList()
                .doOnNext(deals -> model.addAttribute("deals", deals))
                .thenReturn(VIEW_LIST);
    }

    @GetMapping("/{dealId}")
    Mono<String> show(Staff staff, @PathVariable String dealId, Model model) {
        return access.readable(staff, dealId).doOnNext(deal -> model.addAttribute("deal", deal)).thenReturn(VIEW_DEAL);
    }
}
