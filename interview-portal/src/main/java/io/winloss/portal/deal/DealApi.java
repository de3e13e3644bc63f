package io.winloss.portal.deal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.server.ServerWebExchange;

import io.winloss.portal.account.Staff;
import io.winloss.portal.assignment.DealAccess;
import io.winloss.portal.csv.CsvImport;
import io.winloss.portal.web.ApiController;
import reactor.core.publisher.Mono;

/**
 * Deals for CRMs and scripts (API.md, "Deals"): create or upsert, read, list, import a CSV, and delete. Analysts and
 * admins may do everything; interviewers may only read, and see only the deals assigned to them ({@link DealAccess}).
 */
@ApiController("/api/deals")
@PreAuthorize("hasRole('ANALYST')")
class DealApi {

    /** A deal as the API shows it: API.md's field names, the outcome's id, ISO dates. */
    record DealJson(String id, String externalId, String account, String name, String outcome, BigDecimal amount,
            String currency, LocalDate closeDate, LocalDate openDate, Double discount, String segment,
            List<String> competitors, String repReason, String ownerEmail, List<Contact> contacts,
            Instant createdAt, Instant updatedAt) {

        static DealJson of(Deal d) {
            return new DealJson(d.id(), d.externalId(), d.account(), d.name(), d.outcome().id(), d.amount(),
                    d.currency(), d.closeDate(), d.openDate(), d.discount(), d.segment(), d.competitors(),
                    d.repReason(), d.ownerEmail(), d.contacts(), d.createdAt(), d.updatedAt());
        }

        /**
         * What a third-party interviewer is shown: the facts needed for the interview. Money, discount, the
         * rep's own reason and the deal owner stay inside the vendor: the interviewer must hear the buyer
         * without the rep's story in mind.
         */
        static DealJson forViewer(Staff staff, Deal d) {
            DealJson full = of(d);
            return staff.seesWholeWorkspace() ? full
                    : new DealJson(d.id(), d.externalId(), d.account(), d.name(), d.outcome().id(), null, null,
                            d.closeDate(), d.openDate(), null, d.segment(), d.competitors(), null, null, d.contacts(),
                            d.createdAt(), d.updatedAt());
        }
    }

    record DealList(List<DealJson> items, long total) {
    }

    private static final String READERS = "hasAnyRole('ANALYST', 'INTERVIEWER')";

    private final Deals deals;
    private final DealAccess access;
    private final DealImport dealImport;
    private final DealDeletion deletion;

    DealApi(Deals deals, DealAccess access, DealImport dealImport, DealDeletion deletion) {
        this.deals = deals;
        this.access = access;
        this.dealImport = dealImport;
        this.deletion = deletion;
    }

    /** 201 for a new deal; 200 when the external id was known and that deal was updated. */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<DealJson>> create(Staff staff, @RequestBody DealInput body) {
        return Mono.fromCallable(() -> DealValidator.validate(body))
                .flatMap(deal -> deals.save(staff.workspace(), deal))
                .map(saved -> ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK)
                        .body(DealJson.of(saved.deal())));
    }

    @GetMapping("/{id}")
    @PreAuthorize(READERS)
    Mono<DealJson> find(Staff staff, @PathVariable String id) {
        return access.readable(staff, id).map(d -> DealJson.forViewer(staff, d));
    }

    @GetMapping
    @PreAuthorize(READERS)
    Mono<DealList> list(Staff staff,
            @RequestParam(required = false) List<String> outcome,
            @RequestParam(required = false) String segment,
            @RequestParam(required = false) String account,
            @RequestParam(required = false) String closedFrom,
            @RequestParam(required = false) String closedTo,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return Mono.fromCallable(() -> DealFilters.of(outcome, segment, account, closedFrom, closedTo))
                .flatMap(filter -> access.list(staff, filter, page, size))
                .map(p -> new DealList(p.items().stream().map(d -> DealJson.forViewer(staff, d)).toList(), p.total()));
    }

    @PostMapping(path = "/import", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    Mono<CsvImport.Report> importCsv(Staff staff, ServerWebExchange exchange) {
        return dealImport.importCsv(staff.workspace(), exchange.getRequest().getBody());
    }

    /** 204 once the deal and everything recorded for it is deleted ({@link DealDeletion}); 404 when there is none. */
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> delete(Staff staff, @PathVariable String id) {
        return deletion.delete(staff.workspace(), id).then();
    }

}
