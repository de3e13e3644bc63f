package io.winloss.portal.assignment;

import java.time.Instant;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;

import io.winloss.portal.account.Staff;
import io.winloss.portal.web.ApiController;
import reactor.core.publisher.Mono;

/** Admins and analysts assign interviewers to a deal (API.md, "Users"); assigning twice keeps one assignment. */
@ApiController("/api/deals/{dealId}/assignments")
@PreAuthorize("hasRole('ANALYST')")
class AssignmentApi {

    record Assign(String interviewerEmail) {
    }

    record AssignmentJson(String dealId, String interviewerEmail, String assignedBy, Instant assignedAt) {
        static AssignmentJson of(Assignment a) {
            return new AssignmentJson(a.dealId(), a.interviewerEmail(), a.assignedBy(), a.assignedAt());
        }
    }

    record Items(List<AssignmentJson> items) {
    }

    private final Assignments assignments;

    AssignmentApi(Assignments assignments) {
        this.assignments = assignments;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<AssignmentJson> assign(Staff staff, @PathVariable String dealId, @RequestBody Assign body) {
        return assignments.assign(staff, dealId, body.interviewerEmail()).map(AssignmentJson::of);
    }

    @GetMapping
    Mono<Items> list(Staff staff, @PathVariable String dealId) {
        return assignments.forDeal(staff.workspace(), dealId).map(AssignmentJson::of).collectList().map(Items::new);
    }

    @DeleteMapping("/{interviewerEmail}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> remove(Staff staff, @PathVariable String dealId, @PathVariable String interviewerEmail) {
        return assignments.remove(staff.workspace(), dealId, interviewerEmail);
    }
}
