package io.winloss.portal.share;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;

import io.winloss.portal.account.Staff;
import io.winloss.portal.web.FieldError;
import io.winloss.portal.web.InvalidInput;
import reactor.core.publisher.Mono;

/**
 * The analysts' side of sharing: the themes page's share form lands here, and {@code /reports} lists the
 * workspace's shared reports with a revoke button each. A new report's link is rendered in the answer to its
 * creation and nowhere else, as an API key's secret is.
 */
@Controller
@PreAuthorize("hasRole('ANALYST')")
class SharedReportPages {

    static final String VIEW = "share/reports";

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /** A report in the list, with whether its link still works, and its dates as people read them. */
    record ReportRow(SharedReport report, boolean expired) {

        public String shared() {
            return UTC.format(report.createdAt());
        }

        public String until() {
            return UTC.format(report.expiresAt());
        }
    }

    private final SharedReports reports;
    private final Clock clock = Clock.systemUTC();

    SharedReportPages(SharedReports reports) {
        this.reports = reports;
    }

    @GetMapping("/reports")
    Mono<String> list(Staff staff, ServerWebExchange exchange, Model model) {
        if (exchange.getRequest().getQueryParams().containsKey("revoked")) {
            model.addAttribute("notice", "Report revoked. Its link now answers \"not found\".");
        }
        return render(staff, model, null, List.of());
    }

    @PostMapping("/reports")
    Mono<String> share(Staff staff, @ModelAttribute ReportRequest form, Model model) {
        Instant now = clock.instant();
        return Mono.fromCallable(() -> form.validate(now))
                .flatMap(valid -> reports.share(staff.workspace(), staff.email(), valid, now))
                .flatMap(created -> render(staff, model, created, List.of()))
                .onErrorResume(InvalidInput.class, e -> render(staff, model, null, e.errors()));
    }

    @PostMapping("/reports/{id}/revoke")
    Mono<String> revoke(Staff staff, @PathVariable String id) {
        return reports.revoke(staff.workspace(), id).thenReturn("redirect:/reports?revoked");
    }

    private Mono<String> render(Staff staff, Model model, SharedReports.Created created, List<FieldError> errors) {
        Instant now = clock.instant();
        if (created != null) {
            model.addAttribute("created", created);
            model.addAttribute("createdUntil", UTC.format(created.report().expiresAt()));
        }
        model.addAttribute("errors", errors);
        return reports.list(staff.workspace()).map(r -> new ReportRow(r, r.expired(now))).collectList()
                .doOnNext(rows -> model.addAttribute("reports", rows))
                .thenReturn(VIEW);
    }
}
