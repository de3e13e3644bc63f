package io.winloss.portal.share;

import java.time.Clock;
import java.time.Instant;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.reactive.result.view.Rendering;

import reactor.core.publisher.Mono;

/**
 * A shared report as the wider company reads it, with its link alone and no account: read-only, printable, computed
 * live for the report's workspace, and anonymous ({@link PublicReport}). An unknown or revoked link answers a 404
 * page, an expired one a 410 page; neither page links into the portal.
 */
@Controller
class PublicReportPage {

    static final String VIEW = "share/report";
    static final String VIEW_NOT_FOUND = "share/not-found";
    static final String VIEW_EXPIRED = "share/expired";

    private final SharedReports reports;
    private final ReportContents contents;
    private final Clock clock = Clock.systemUTC();

    PublicReportPage(SharedReports reports, ReportContents contents) {
        this.reports = reports;
        this.contents = contents;
    }

    @GetMapping("/r/{token}")
    Mono<Rendering> read(@PathVariable String token) {
        return read(token, clock.instant());
    }

    /** The page for {@code token} as it reads at {@code now}. */
    Mono<Rendering> read(String token, Instant now) {
        return reports.byToken(token)
                .flatMap(report -> report.expired(now)
                        ? Mono.just(Rendering.view(VIEW_EXPIRED).status(HttpStatus.GONE).build())
                        : contents.compute(report, now).map(page -> Rendering.view(VIEW).modelAttribute("report", page).build()))
                .switchIfEmpty(Mono.fromSupplier(() -> Rendering.view(VIEW_NOT_FOUND).status(HttpStatus.NOT_FOUND).build()));
    }
}
