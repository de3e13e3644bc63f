package io.winloss.portal.action;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.winloss.portal.account.Staff;
import io.winloss.portal.web.ApiController;
import reactor.core.publisher.Mono;

/**
 * Post-mortem actions (API.md, "Programs, CRM events, actions") for analysts and admins; interviewers get 403 and
 * another workspace's action answers 404. An action is created with three reviews, at six weeks, three months and six
 * months after its start date; reading one adds its metric before the start date and since.
 */
@ApiController("/api/actions")
@PreAuthorize("hasRole('ANALYST')")
@Tag(name = "Actions", description = "Post-mortem actions, their reviews and the metric they should move.")
class ActionApi {

    record ActionList(List<ActionJson> items, long total) {
    }

    /** A change to an action: any of these; an absent field stays as it is. */
    record ActionPatch(String status, String ownerEmail, String dueDate) {
    }

    /** A recorded review: {@code status} is on_track, off_track or too_early. */
    record ReviewInput(String status, String notes) {
    }

    private final ActionTracking work;
    private final Clock clock = Clock.systemUTC();

    ActionApi(ActionTracking work) {
        this.work = work;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create an action",
            description = "title, team, ownerEmail (an analyst or admin of the workspace), startDate (default today), "
                    + "dueDate, metric (winRate, cycleDays or discountDepth), themes (kind:name), evidence (sentence or "
                    + "response ids), hypothesis, dealId, segment. Answers 201 with its reviews at 6 weeks, 3 and 6 months.")
    Mono<ActionJson> create(Staff staff, @RequestBody ActionInput body) {
        return work.create(staff, body, clock.instant()).map(ActionJson::of);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read an action with its metric before its start date and since",
            description = "baseline: deals closed in the 180 days (portal.actions.baseline-days) before startDate; "
                    + "current: deals closed from startDate through today; each with value, deals, 95% interval and "
                    + "conclusive=false with a reason when fewer than 10 deals count.")
    Mono<ActionJson> find(Staff staff, @PathVariable String id) {
        return work.measured(staff.workspace(), id, today()).map(m -> ActionJson.of(m.action(), m.effect()));
    }

    @GetMapping
    @Operation(summary = "List actions, by next review date", description = "Optionally of one team and one status.")
    Mono<ActionList> list(Staff staff, @RequestParam(required = false) String team,
            @RequestParam(required = false) String status) {
        return Mono.fromCallable(() -> ActionFilter.of(team, status))
                .flatMapMany(filter -> work.actions().list(staff.workspace(), filter))
                .map(ActionJson::of)
                .collectList()
                .map(items -> new ActionList(items, items.size()));
    }

    @PatchMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Change an action's status, owner or due date")
    Mono<ActionJson> change(Staff staff, @PathVariable String id, @RequestBody ActionPatch body) {
        return work.change(staff.workspace(), id, body.status(), body.ownerEmail(), body.dueDate(), clock.instant())
                .map(ActionJson::of);
    }

    @PostMapping(path = "/{id}/reviews/{n}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record review n (1, 2 or 3)",
            description = "status: on_track, off_track or too_early; notes optional. The metric as it stands is kept "
                    + "with the review. Recording a review again replaces it.")
    Mono<ActionJson> review(Staff staff, @PathVariable String id, @PathVariable String n, @RequestBody ReviewInput body) {
        return work.recordReview(staff, id, n, body.status(), body.notes(), clock.instant(), today()).map(ActionJson::of);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
