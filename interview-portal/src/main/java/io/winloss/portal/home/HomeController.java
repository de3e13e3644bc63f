package io.winloss.portal.home;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;

import io.winloss.portal.account.Staff;
import io.winloss.portal.web.Conflict;
import io.winloss.portal.web.InvalidInput;
import io.winloss.portal.workspace.Workspaces;
import reactor.core.publisher.Mono;

/** The landing page, the login page, and the one-time setup of a fresh instance. */
@Controller
class HomeController {

    static final String VIEW_HOME = "home";
    static final String VIEW_LOGIN = "login";
    static final String VIEW_SETUP = "setup";

    record SetupForm(String workspace, String email, String password) {
    }

    private final Workspaces workspaces;

    HomeController(Workspaces workspaces) {
        this.workspaces = workspaces;
    }

    @GetMapping("/")
    Mono<String> home(Staff staff, Model model) {
        model.addAttribute("staff", staff);
        return workspaces.find(staff.workspace())
                .doOnNext(w -> model.addAttribute("workspace", w))
                .thenReturn(VIEW_HOME);
    }

    /**
     * The query flags Spring Security and setup redirect with become model flags: in WebFlux, Thymeleaf's
     * {@code ${param.x}} is truthy even when the parameter is absent.
     */
    @GetMapping("/login")
    Mono<String> login(ServerWebExchange exchange, Model model) {
        var query = exchange.getRequest().getQueryParams();
        model.addAttribute("justSetUp", query.containsKey("setup"));
        model.addAttribute("failed", query.containsKey("error"));
        model.addAttribute("signedOut", query.containsKey("logout"));
        return workspaces.isSetUp().map(done -> done ? VIEW_LOGIN : "redirect:/setup");
    }

    @GetMapping("/setup")
    Mono<String> initSetupForm(Model model) {
        model.addAttribute("form", new SetupForm("", "", ""));
        return workspaces.isSetUp().map(done -> done ? "redirect:/login" : VIEW_SETUP);
    }

    @PostMapping("/setup")
    Mono<String> processSetupForm(@ModelAttribute SetupForm form, Model model) {
        return workspaces.createFirst(form.workspace(), form.email(), form.password())
                .thenReturn("redirect:/login?setup")
                .onErrorResume(InvalidInput.class, e -> {
                    model.addAttribute("form", new SetupForm(form.workspace(), form.email(), ""));
                    model.addAttribute("errors", e.errors());
                    return Mono.just(VIEW_SETUP);
                })
                .onErrorResume(Conflict.class, e -> Mono.just("redirect:/login"));
    }
}
