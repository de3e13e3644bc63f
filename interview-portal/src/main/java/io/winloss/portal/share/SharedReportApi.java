package io.winloss.portal.share;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.winloss.portal.account.Staff;
import io.winloss.portal.web.ApiController;
import reactor.core.publisher.Mono;

/**
 * Shared themes reports of the signed-in analyst's workspace, for scripts: share one (its link is in the answer and
 * nowhere else), list them without their links, revoke one. The report at the link is read-only, anonymous and
 * computed live ({@link PublicReportPage}).
 */
@ApiController("/api/reports")
@PreAuthorize("hasRole('ANALYST')")
@Tag(name = "Shared reports", description = "Read-only, anonymised themes reports shared by link with the wider company.")
class SharedReportApi {

    /** The new report: {@code url} is the link to hand out, {@code ${PORTAL_BASE_URL}/r/{token}}, shown only here. */
    record Created(String id, String url, Instant expiresAt, String title, FiltersJson filters) {
    }

    /** The filters under the names {@code GET /api/themes} takes. */
    record FiltersJson(List<String> outcome, List<String> versus, List<String> competitor, List<String> segment,
            LocalDate from, LocalDate to) {

        static FiltersJson of(ReportFilters f) {
            return new FiltersJson(f.focus(), f.baseline(), f.competitors(), f.segments(), f.from(), f.to());
        }
    }

    /** A report as its workspace sees it; never its link, which only its hash stands for. */
    record ReportItem(String id, String title, FiltersJson filters, Instant createdAt, Instant expiresAt,
            boolean expired, String sharedBy) {
    }

    record Items<T>(List<T> items) {
    }

    private final SharedReports reports;
    private final Clock clock = Clock.systemUTC();

    SharedReportApi(SharedReports reports) {
        this.reports = reports;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Share the themes of some deals as a read-only report",
            description = "Body: optional `title`; the filters of GET /api/themes (`outcome`, `versus`, `competitor`, "
                    + "`segment` as arrays or single values, `from`, `to`); the link's life as `expiresAt` (an instant, "
                    + "or a date meaning through that day, UTC) or `validDays` (default 30, at most 365). Answers the "
                    + "report's `id`, its `url` (shown only in this answer) and `expiresAt`.")
    Mono<Created> share(Staff staff, @RequestBody ReportRequest body) {
        Instant now = clock.instant();
        return Mono.fromCallable(() -> body.validate(now))
                .flatMap(valid -> reports.share(staff.workspace(), staff.email(), valid, now))
                .map(c -> new Created(c.report().id(), c.url(), c.report().expiresAt(), c.report().title(),
                        FiltersJson.of(c.report().filters())));
    }

    @GetMapping
    @Operation(summary = "The workspace's shared reports, latest first, without their links")
    Mono<Items<ReportItem>> list(Staff staff) {
        Instant now = clock.instant();
        return reports.list(staff.workspace())
                .map(r -> new ReportItem(r.id(), r.title(), FiltersJson.of(r.filters()), r.createdAt(), r.expiresAt(),
                        r.expired(now), r.sharedBy()))
                .collectList().map(Items::new);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke a shared report: its link answers 404 from now on")
    Mono<Void> revoke(Staff staff, @PathVariable String id) {
        return reports.revoke(staff.workspace(), id);
    }
}
