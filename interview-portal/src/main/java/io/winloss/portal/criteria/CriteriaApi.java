package io.winloss.portal.criteria;

import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;

import io.winloss.portal.account.Staff;
import io.winloss.portal.criteria.CriteriaRules.WorkspaceLines;
import io.winloss.portal.web.ApiController;
import reactor.core.publisher.Mono;

/**
 * The workspace's own criteria pattern lines, added to the shipped ones: every staff member reads them, admins
 * replace them. A line the parser refuses is a 400 on field {@code lines} naming it ("line 2: ..."), and nothing changes.
 */
@ApiController("/api/criteria")
class CriteriaApi {

    record CriteriaBody(String lines) {
    }

    private final CriteriaRules criteria;

    CriteriaApi(CriteriaRules criteria) {
        this.criteria = criteria;
    }

    @GetMapping
    Mono<WorkspaceLines> read(Staff staff) {
        return criteria.current(staff.workspace());
    }

    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('ADMIN')")
    Mono<WorkspaceLines> replace(Staff staff, @RequestBody CriteriaBody body) {
        return criteria.replace(staff.workspace(), body.lines(), staff).then(criteria.current(staff.workspace()));
    }
}
