package io.winloss.portal.gap;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.winloss.portal.account.Staff;
import io.winloss.portal.web.ApiController;
import reactor.core.publisher.Mono;

/**
 * The perception gap for analysts and admins (API.md): per reason, how often the rep's {@code repReason} and the
 * buyer's stated primary reason agree, the rep-by-buyer table, and the deals behind any cell of it.
 */
@ApiController("/api/insights/perception-gap")
@PreAuthorize("hasRole('ANALYST')")
@Tag(name = "Insights", description = "What buyers say against what reps recorded.")
class PerceptionGapApi {

    /** A deal behind a cell: enough to find it, and both reasons, the rep's as written. */
    record PairedDealJson(String dealId, String externalId, String account, String name, String outcome, BigDecimal amount,
            LocalDate closeDate, String repReasonText, String repReason, boolean repUnderstood, String buyerReason,
            Instant answeredAt) {

        static PairedDealJson of(PairedDeal pair) {
            var d = pair.deal();
            return new PairedDealJson(d.id(), d.externalId(), d.account(), d.name(), d.outcome().id(), d.amount(),
                    d.closeDate(), pair.repText(), pair.repReason(), pair.repUnderstood(), pair.buyerReason(), pair.answeredAt());
        }
    }

    record PairedDealList(List<PairedDealJson> items, int total) {
    }

    private final PairedDeals pairedDeals;

    PerceptionGapApi(PairedDeals pairedDeals) {
        this.pairedDeals = pairedDeals;
    }

    @GetMapping
    @Operation(summary = "How often reps' reasons agree with buyers'",
            description = "Over deals with both a rep reason (repReason, read into a criterion id, else other and counted in "
                    + "unmapped) and a buyer answer to primaryReason (the first submitted), optionally closed from/to and with "
                    + "one of the outcomes (repeatable). Per reason: repSaid, buyerSaid, agreed (distinct deals), agreementRate = "
                    + "agreed/buyerSaid with its Wilson 95% ci, confirmedRate = agreed/repSaid with confirmedCi; matrix cells "
                    + "{rep, buyer, deals}; enough is false below minimumDeals.")
    Mono<PerceptionGap> gap(Staff staff, @ModelAttribute GapForm form) {
        return Mono.fromCallable(form::toFilter)
                .flatMap(filter -> pairedDeals.find(staff.workspace(), filter))
                .map(PerceptionGap::of);
    }

    @GetMapping("/deals")
    @Operation(summary = "The deals behind a cell, row or column of the perception gap",
            description = "rep and buyer are reason ids (criterion ids or other; either may be left out for a whole row or "
                    + "column); unread=true keeps the rep reasons that could not be read. Same from, to and outcome as above.")
    Mono<PairedDealList> deals(Staff staff, @ModelAttribute GapForm form, @RequestParam(required = false) String rep,
            @RequestParam(required = false) String buyer, @RequestParam(required = false) boolean unread) {
        return Mono.fromCallable(() -> form.toFilter(rep, buyer, unread))
                .flatMap(filter -> pairedDeals.find(staff.workspace(), filter)
                        .map(pairs -> pairs.stream().filter(filter::selects).map(PairedDealJson::of).toList()))
                .map(items -> new PairedDealList(items, items.size()));
    }
}
