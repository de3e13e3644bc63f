package io.winloss.portal.program;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.winloss.portal.account.Staff;
import io.winloss.portal.deal.Outcome;
import io.winloss.portal.web.ApiController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Invitation programs for CRMs and scripts (API.md, "Programs"): create, read, change, pause and resume a program,
 * read its health and its plans. Analysts and admins only; another workspace's program answers 404.
 */
@ApiController("/api/programs")
@PreAuthorize("hasRole('ANALYST')")
@Tag(name = "Programs", description = "Which closed deals get a buyer invitation, when, and with which reminders")
class ProgramApi {

    /** A program as the API shows it: API.md's fields, plus its id, survey choice, whether it runs, and when it changed. */
    record ProgramJson(String id, String name, List<String> outcomes, BigDecimal minAmount, List<String> segments,
            BigDecimal inviteAfterDays, List<BigDecimal> reminderAfterDays, String incentive, String survey, boolean active,
            Instant createdAt, Instant updatedAt) {

        static ProgramJson of(Program p) {
            return new ProgramJson(p.id(), p.name(), p.scope().outcomes().stream().map(Outcome::id).toList(), p.scope().minAmount(),
                    p.scope().segments(), Program.plain(p.inviteAfterDays()), p.reminderAfterDays().stream().map(Program::plain).toList(),
                    p.incentive(), p.survey(), p.active(), p.createdAt(), p.updatedAt());
        }


    }

    record Items<T>(List<T> items) {
    }

    /** One plan: its deal, where it stands, its next step and when, and its history. */
    record PlanJson(String id, String dealId, String status, String stopReason, int step, Instant nextAt, Instant inviteAt,
            Instant invitedAt, int remindersSent, List<Plan.Event> history) {

        static PlanJson of(Plan p) {
            return new PlanJson(p.id(), p.dealId(), p.status().id(), p.stopReason() == null ? null : p.stopReason().id(), p.step(),
                    p.nextAt(), p.inviteAt(), p.invitedAt(), p.remindersSent(), p.history());
        }
    }

    private final Programs programs;
    private final ProgramChanges changes;
    private final ProgramReport report;
    private final Plans plans;
    private final Clock clock = Clock.systemUTC();

    ProgramApi(Programs programs, ProgramChanges changes, ProgramReport report, Plans plans) {
        this.programs = programs;
        this.changes = changes;
        this.report = report;
        this.plans = plans;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a program", description = "Deals in scope get an invitation inviteAfterDays after their close "
            + "date and reminders reminderAfterDays after it. Recent deals in scope are enrolled at once. 400 lists every bad field.")
    Mono<ProgramJson> create(Staff staff, @RequestBody ProgramInput body) {
        return changes.create(staff, body).map(ProgramJson::of);
    }

    @GetMapping
    @Operation(summary = "The workspace's programs, oldest first")
    Mono<Items<ProgramJson>> list(Staff staff) {
        return programs.list(staff.workspace()).map(ProgramJson::of).collectList().map(Items::new);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One program")
    Mono<ProgramJson> find(Staff staff, @PathVariable String id) {
        return programs.find(staff.workspace(), id).map(ProgramJson::of);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change a program's terms", description = "Same body as POST. Invitations not yet sent follow the new "
            + "terms (deals now out of scope are cancelled, new ones enrolled); reminders follow the new reminder days.")
    Mono<ProgramJson> update(Staff staff, @PathVariable String id, @RequestBody ProgramInput body) {
        return changes.update(staff, id, body).map(ProgramJson::of);
    }

    @PostMapping("/{id}/pause")
    @Operation(summary = "Pause a program", description = "No invitation or reminder goes out until it is resumed.")
    Mono<ProgramJson> pause(Staff staff, @PathVariable String id) {
        return changes.setActive(staff, id, false).map(ProgramJson::of);
    }

    @PostMapping("/{id}/resume")
    @Operation(summary = "Resume a paused program", description = "Steps that fell due meanwhile go out, unless the invitation "
            + "would be more than the catch-up window late.")
    Mono<ProgramJson> resume(Staff staff, @PathVariable String id) {
        return changes.setActive(staff, id, true).map(ProgramJson::of);
    }

    @GetMapping("/{id}/health")
    @Operation(summary = "How the program is doing", description = "Invitations sent, response rate with a Wilson 95% interval, "
            + "median days to answer, opt-outs and bounces, coverage per outcome, and per segment whether enough buyers "
            + "answered to compare wins with losses (10 a side) and how many more are needed.")
    Mono<ProgramHealth> health(Staff staff, @PathVariable String id) {
        return report.report(staff.workspace(), id, clock.instant()).map(ProgramReport.Report::health);
    }

    @GetMapping("/{id}/plans")
    @Operation(summary = "The program's invitation plans", description = "One per enrolled deal, oldest first, with its history.")
    Mono<Items<PlanJson>> plans(Staff staff, @PathVariable String id) {
        return programs.find(staff.workspace(), id)
                .thenMany(Flux.defer(() -> plans.forProgram(staff.workspace(), id)))
                .map(PlanJson::of).collectList().map(Items::new);
    }
}
