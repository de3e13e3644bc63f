package io.winloss.portal.deal;

import java.util.List;

import org.springframework.http.codec.multipart.FilePart;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;

import io.winloss.portal.account.Staff;
import io.winloss.portal.account.User;
import io.winloss.portal.assignment.Assignment;
import io.winloss.portal.assignment.Assignments;
import io.winloss.portal.web.FieldError;
import io.winloss.portal.web.InvalidInput;
import reactor.core.publisher.Mono;

/**
 * The deal pages for analysts: list and filter, create, view, edit, delete, upload a CSV, and assign interviewers.
 * Access is checked by the page security chain ({@code /deals/**} needs ROLE_ANALYST). After a deletion the page
 * redirected to says what went through {@code ?deleted=deal|interview|answers}, a fixed set of messages.
 */
@Controller
@RequestMapping("/deals")
class DealPages {

    static final String VIEW_LIST = "deals/list";
    static final String VIEW_FORM = "deals/form";
    static final String VIEW_DEAL = "deals/deal";
    static final String VIEW_IMPORT = "deals/import";

    /** Form fields bind through {@code @ModelAttribute}: WebFlux's {@code @RequestParam} reads only the query. */
    record InterviewerForm(String interviewerEmail) {
    }

    private final Deals deals;
    private final DealImport dealImport;
    private final Assignments assignments;
    private final DealDeletion deletion;

    DealPages(Deals deals, DealImport dealImport, Assignments assignments, DealDeletion deletion) {
        this.deals = deals;
        this.dealImport = dealImport;
        this.assignments = assignments;
        this.deletion = deletion;
    }

    @ModelAttribute("outcomes")
    Outcome[] outcomes() {
        return Outcome.values();
    }

    @GetMapping
    Mono<String> list(Staff staff, @RequestParam(required = false) List<String> outcome,
            @RequestParam(required = false) String segment, @RequestParam(required = false) String account,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) String deleted, Model model) {
        model.addAttribute("deleted", deleted);
        List<String> selected = outcome == null ? List.of() : outcome.stream().filter(o -> Outcome.byId(o).isPresent()).toList();
        model.addAttribute("selectedOutcomes", selected);
        model.addAttribute("segment", segment == null ? "" : segment);
        model.addAttribute("account", account == null ? "" : account);
        DealFilter filter = DealFilters.of(selected, segment, account, null, null);
        return deals.list(staff.workspace(), filter, page, DealPage.DEFAULT_SIZE)
                .doOnNext(p -> model.addAttribute("page", p))
                .thenReturn(VIEW_LIST);
    }

    @GetMapping("/new")
    String initCreationForm(Model model) {
        model.addAttribute("form", DealForm.empty());
        model.addAttribute("creating", true);
        return VIEW_FORM;
    }

    @PostMapping("/new")
    Mono<String> processCreationForm(Staff staff, @ModelAttribute("form") DealForm form, Model model) {
        return Mono.fromCallable(() -> DealValidator.validate(form.toInput()))
                .flatMap(deal -> deals.save(staff.workspace(), deal))
                .map(saved -> "redirect:/deals/" + saved.deal().id())
                .onErrorResume(InvalidInput.class, e -> refused(form, e, true, model));
    }

    @GetMapping("/{id}")
    Mono<String> show(Staff staff, @PathVariable String id, @RequestParam(required = false) String deleted, Model model) {
        model.addAttribute("deleted", deleted);
        return showDeal(staff, id, List.of(), model);
    }

    /** Deletes the deal with everything recorded for it (the page asks first), then shows the list: 303. */
    @PostMapping("/{id}/delete")
    Mono<String> delete(Staff staff, @PathVariable String id) {
        return deletion.delete(staff.workspace(), id).thenReturn("redirect:/deals?deleted=deal");
    }

    private Mono<String> showDeal(Staff staff, String id, List<FieldError> interviewerErrors, Model model) {
        model.addAttribute("interviewerErrors", interviewerErrors);
        return deals.find(staff.workspace(), id)
                .doOnNext(d -> model.addAttribute("deal", d))
                .then(Mono.zip(assignments.forDeal(staff.workspace(), id).collectList(),
                        assignments.interviewers(staff.workspace()).map(User::email).collectList()))
                .doOnNext(t -> {
                    List<String> assigned = t.getT1().stream().map(Assignment::interviewerEmail).toList();
                    model.addAttribute("assignments", t.getT1());
                    model.addAttribute("assignable", t.getT2().stream().filter(email -> !assigned.contains(email)).toList());
                })
                .thenReturn(VIEW_DEAL);
    }

    @PostMapping("/{id}/interviewers")
    Mono<String> assignInterviewer(Staff staff, @PathVariable String id, @ModelAttribute InterviewerForm form, Model model) {
        return assignments.assign(staff, id, form.interviewerEmail())
                .thenReturn("redirect:/deals/" + id)
                .onErrorResume(InvalidInput.class, e -> showDeal(staff, id, e.errors(), model));
    }

    @PostMapping("/{id}/interviewers/remove")
    Mono<String> removeInterviewer(Staff staff, @PathVariable String id, @ModelAttribute InterviewerForm form) {
        return assignments.remove(staff.workspace(), id, form.interviewerEmail()).thenReturn("redirect:/deals/" + id);
    }

    @GetMapping("/{id}/edit")
    Mono<String> initUpdateForm(Staff staff, @PathVariable String id, Model model) {
        return deals.find(staff.workspace(), id)
                .doOnNext(d -> {
                    model.addAttribute("form", DealForm.of(d));
                    model.addAttribute("deal", d);
                    model.addAttribute("creating", false);
                })
                .thenReturn(VIEW_FORM);
    }

    @PostMapping("/{id}/edit")
    Mono<String> processUpdateForm(Staff staff, @PathVariable String id, @ModelAttribute("form") DealForm form, Model model) {
        return deals.find(staff.workspace(), id)
                .doOnNext(d -> model.addAttribute("deal", d))
                .map(d -> DealValidator.validate(form.toInput()))
                .flatMap(deal -> deals.update(staff.workspace(), id, deal))
                .map(d -> "redirect:/deals/" + d.id())
                .onErrorResume(InvalidInput.class, e -> refused(form, e, false, model));
    }

    private static Mono<String> refused(DealForm form, InvalidInput e, boolean creating, Model model) {
        model.addAttribute("form", form.withSpareRows());
        model.addAttribute("errors", e.errors());
        model.addAttribute("creating", creating);
        return Mono.just(VIEW_FORM);
    }

    @GetMapping("/import")
    String initImportForm() {
        return VIEW_IMPORT;
    }

    @PostMapping("/import")
    Mono<String> processImport(Staff staff, @RequestPart("file") Mono<FilePart> file, Model model) {
        return file
                .flatMap(part -> dealImport.importCsv(staff.workspace(), part.content()))
                .doOnNext(report -> model.addAttribute("report", report))
                .onErrorResume(InvalidInput.class, e -> {
                    model.addAttribute("errors", e.errors());
                    return Mono.empty();
                })
                .thenReturn(VIEW_IMPORT);
    }
}
