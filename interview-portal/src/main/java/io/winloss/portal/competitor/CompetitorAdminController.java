package io.winloss.portal.competitor;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;

import io.winloss.portal.account.Staff;
import io.winloss.portal.web.FieldError;
import io.winloss.portal.web.InvalidInput;
import reactor.core.publisher.Mono;

/**
 * The admin's page for the competitor list: a table of what is stored and one text box to edit it, one
 * competitor a line. A refused text stays in the box with each error named by its line. Access is checked by the
 * page security chain ({@code /admin/**} needs ROLE_ADMIN).
 */
@Controller
class CompetitorAdminController {

    static final String VIEW_COMPETITORS = "admin/competitors";
    private static final String REDIRECT_SAVED = "redirect:/admin/competitors?saved";

    /** Form fields bind through {@code @ModelAttribute}: WebFlux's {@code @RequestParam} reads only the query. */
    record CompetitorForm(String lines) {
    }

    private final Competitors competitors;

    CompetitorAdminController(Competitors competitors) {
        this.competitors = competitors;
    }

    @GetMapping("/admin/competitors")
    Mono<String> initUpdateForm(Staff staff, ServerWebExchange exchange, Model model) {
        model.addAttribute("saved", exchange.getRequest().getQueryParams().containsKey("saved"));
        return competitors.list(staff.workspace())
                .flatMap(entries -> render(staff, model, new CompetitorForm(CompetitorLines.format(entries)), List.of()));
    }

    @PostMapping("/admin/competitors")
    Mono<String> processUpdateForm(Staff staff, @ModelAttribute CompetitorForm form, Model model) {
        CompetitorLines lines = CompetitorLines.parse(form.lines());
        return Mono.fromCallable(() -> Competitors.checked(lines.entries(), (entry, part) -> lines.lineOf(entry)))
                .flatMap(entries -> competitors.replace(staff.workspace(), entries, staff))
                .thenReturn(REDIRECT_SAVED)
                .onErrorResume(InvalidInput.class, e -> {
                    model.addAttribute("saved", false);
                    return render(staff, model, form, e.errors());
                });
    }

    private Mono<String> render(Staff staff, Model model, CompetitorForm form, List<FieldError> errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return competitors.list(staff.workspace())
                .doOnNext(entries -> model.addAttribute("competitors", entries))
                .thenReturn(VIEW_COMPETITORS);
    }
}
