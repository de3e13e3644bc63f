package io.winloss.portal.program;

import java.time.Clock;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;

import io.winloss.portal.account.Staff;
import io.winloss.portal.deal.Outcome;
import io.winloss.portal.web.FieldError;
import io.winloss.portal.web.InvalidInput;
import reactor.core.publisher.Mono;

/**
 * The program pages for analysts and admins ({@code /programs/**} needs ROLE_ANALYST): the list with the form that
 * creates a program, and each program's page, its health in tables first, then its latest plans, the form that
 * changes it, and pause or resume. A refused form is shown again with every error and what was typed (422).
 */
@Controller
@RequestMapping("/programs")
class ProgramPages {

    static final String VIEW_LIST = "programs/list";
    static final String VIEW_PROGRAM = "programs/program";

    private final Programs programs;
    private final ProgramChanges changes;
    private final ProgramReport report;
    private final ProgramSettings settings;
    private final Clock clock = Clock.systemUTC();

    ProgramPages(Programs programs, ProgramChanges changes, ProgramReport report, ProgramSettings settings) {
        this.programs = programs;
        this.changes = changes;
        this.report = report;
        this.settings = settings;
    }

    @ModelAttribute("outcomes")
    List<String> outcomes() {
        return ProgramRules.CLOSED.stream().map(Outcome::id).toList();
    }

    @ModelAttribute("catchUpDays")
    int catchUpDays() {
        return settings.catchUpDays();
    }

    @ModelAttribute("answersPerSide")
    int answersPerSide() {
        return ProgramHealth.ANSWERS_PER_SIDE;
    }

    @GetMapping
    Mono<Rendering> list(Staff staff) {
        return listPage(staff, ProgramForm.empty(), List.of(), HttpStatus.OK);
    }

    @PostMapping
    Mono<Rendering> processCreationForm(Staff staff, @ModelAttribute("form") ProgramForm form) {
        return changes.create(staff, form.toInput())
                .map(program -> Rendering.redirectTo("/programs/" + program.id() + "?created").build())
                .onErrorResume(InvalidInput.class, e -> listPage(staff, form, e.errors(), HttpStatus.UNPROCESSABLE_CONTENT));
    }

    private Mono<Rendering> listPage(Staff staff, ProgramForm form, List<FieldError> errors, HttpStatus status) {
        return programs.list(staff.workspace()).collectList()
                .map(all -> Rendering.view(VIEW_LIST).modelAttribute("programs", all).modelAttribute("form", form)
                        .modelAttribute("errors", errors).status(status).build());
    }

    @GetMapping("/{id}")
    Mono<Rendering> show(Staff staff, @PathVariable String id, @RequestParam(required = false) String created) {
        return report.report(staff.workspace(), id, clock.instant())
                .map(r -> page(r, ProgramForm.of(r.program()), List.of(), HttpStatus.OK).modelAttribute("created", created != null).build());
    }

    @PostMapping("/{id}")
    Mono<Rendering> processUpdateForm(Staff staff, @PathVariable String id, @ModelAttribute("form") ProgramForm form) {
        return changes.update(staff, id, form.toInput())
                .map(program -> Rendering.redirectTo("/programs/" + id).build())
                .onErrorResume(InvalidInput.class, e -> report.report(staff.workspace(), id, clock.instant())
                        .map(r -> page(r, form, e.errors(), HttpStatus.UNPROCESSABLE_CONTENT).build()));
    }

    @PostMapping("/{id}/pause")
    Mono<String> pause(Staff staff, @PathVariable String id) {
        return changes.setActive(staff, id, false).thenReturn("redirect:/programs/" + id);
    }

    @PostMapping("/{id}/resume")
    Mono<String> resume(Staff staff, @PathVariable String id) {
        return changes.setActive(staff, id, true).thenReturn("redirect:/programs/" + id);
    }

    private static Rendering.Builder<?> page(ProgramReport.Report r, ProgramForm form, List<FieldError> errors, HttpStatus status) {
        return Rendering.view(VIEW_PROGRAM).modelAttribute("program", r.program()).modelAttribute("health", r.health())
                .modelAttribute("latest", r.latest()).modelAttribute("form", form).modelAttribute("errors", errors).status(status);
    }
}
