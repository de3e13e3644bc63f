package io.winloss.portal.account;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;

import io.winloss.portal.web.FieldError;
import io.winloss.portal.web.InvalidInput;
import reactor.core.publisher.Mono;

/**
 * The page where admins and analysts see the workspace's interviewers and add one (email and password; the role is
 * always interviewer). Access is checked by the page security chain ({@code /interviewers/**} needs ROLE_ANALYST,
 * which admins hold too).
 */
@Controller
class InterviewerController {

    static final String VIEW_INTERVIEWERS = "interviewers/interviewers";
    private static final String REDIRECT_CREATED = "redirect:/interviewers?created";

    /** Form fields bind through {@code @ModelAttribute}: WebFlux's {@code @RequestParam} reads only the query. */
    record InterviewerForm(String email, String password) {
        static InterviewerForm empty() {
            return new InterviewerForm("", "");
        }
    }

    private final Users users;

    InterviewerController(Users users) {
        this.users = users;
    }

    @GetMapping("/interviewers")
    Mono<String> initCreationForm(Staff staff, ServerWebExchange exchange, Model model) {
        model.addAttribute("created", exchange.getRequest().getQueryParams().containsKey("created"));
        return render(staff, model, InterviewerForm.empty(), List.of());
    }

    @PostMapping("/interviewers")
    Mono<String> processCreationForm(Staff staff, @ModelAttribute InterviewerForm form, Model model) {
        InterviewerForm shown = new InterviewerForm(form.email(), "");
        model.addAttribute("created", false);
        return Mono.fromCallable(() -> NewUser.of(form.email(), form.password(), Role.INTERVIEWER.name()))
                .flatMap(user -> users.create(staff.workspace(), user))
                .thenReturn(REDIRECT_CREATED)
                .onErrorResume(InvalidInput.class, e -> render(staff, model, shown, e.errors()))
                .onErrorResume(DuplicateEmail.class, e -> render(staff, model, shown,
                        List.of(new FieldError("email", "a user with this email already exists"))));
    }

    private Mono<String> render(Staff staff, Model model, InterviewerForm form, List<FieldError> errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return users.list(staff.workspace()).filter(u -> u.role() == Role.INTERVIEWER).collectList()
                .doOnNext(list -> model.addAttribute("interviewers", list))
                .thenReturn(VIEW_INTERVIEWERS);
    }
}
