package io.winloss.portal.criteria;

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
 * The admin's page for the workspace's criteria patterns: what each criterion covers, the shipped patterns to
 * read, and one text box for the workspace's own lines. A refused text stays in the box with its error named by
 * line. Access is checked by the page security chain ({@code /admin/**} needs ROLE_ADMIN).
 */
@Controller
class CriteriaAdminController {

    static final String VIEW_CRITERIA = "admin/criteria";
    private static final String REDIRECT_SAVED = "redirect:/admin/criteria?saved";

    /** Form fields bind through {@code @ModelAttribute}: WebFlux's {@code @RequestParam} reads only the query. */
    record CriteriaForm(String lines) {
    }

    private final CriteriaRules criteria;

    CriteriaAdminController(CriteriaRules criteria) {
        this.criteria = criteria;
    }

    @GetMapping("/admin/criteria")
    Mono<String> initUpdateForm(Staff staff, ServerWebExchange exchange, Model model) {
        model.addAttribute("saved", exchange.getRequest().getQueryParams().containsKey("saved"));
        return criteria.lines(staff.workspace()).map(lines -> render(model, new CriteriaForm(lines), List.of()));
    }

    @PostMapping("/admin/criteria")
    Mono<String> processUpdateForm(Staff staff, @ModelAttribute CriteriaForm form, Model model) {
        return criteria.replace(staff.workspace(), form.lines(), staff)
                .thenReturn(REDIRECT_SAVED)
                .onErrorResume(InvalidInput.class, e -> {
                    model.addAttribute("saved", false);
                    return Mono.just(render(model, form, e.errors()));
                });
    }

    private static String render(Model model, CriteriaForm form, List<FieldError> errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("criteria", CriterionGuide.entries());
        model.addAttribute("shipped", CriteriaRules.shippedText());
        return VIEW_CRITERIA;
    }
}
