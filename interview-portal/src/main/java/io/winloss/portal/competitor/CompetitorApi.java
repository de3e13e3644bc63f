package io.winloss.portal.competitor;

import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;

import io.winloss.portal.account.Staff;
import io.winloss.portal.web.ApiController;
import reactor.core.publisher.Mono;

/** The workspace's competitor list (API.md, "Interviews"): every staff member reads it, admins replace it. */
@ApiController("/api/competitors")
class CompetitorApi {

    private final Competitors competitors;

    CompetitorApi(Competitors competitors) {
        this.competitors = competitors;
    }

    @GetMapping
    Mono<List<CompetitorEntry>> list(Staff staff) {
        return competitors.list(staff.workspace());
    }

    /** Replaces the whole list and answers it as stored; a bad entry is a 400 naming it, and nothing changes. */
    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('ADMIN')")
    Mono<List<CompetitorEntry>> replace(Staff staff, @RequestBody List<CompetitorEntry> body) {
        return competitors.replace(staff.workspace(), body, staff).then(competitors.list(staff.workspace()));
    }
}
