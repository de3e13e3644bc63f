package io.winloss.portal.account;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;

import io.winloss.portal.web.FieldError;
import io.winloss.portal.web.InvalidInput;
import reactor.core.publisher.Mono;

/**
 * The admin's page for the workspace's staff: list, add, change a role, remove. An admin cannot demote or
 * remove themselves, so a workspace never loses its last way in by accident.
 */
@Controller
class UserAdminController {

    static final String VIEW_USERS = "admin/users";
    private static final String REDIRECT_USERS = "redirect:/admin/users";

    record UserForm(String email, String password, String role) {
        static UserForm empty() {
            return new UserForm("", "", Role.ANALYST.name());
        }
    }

    /** Form fields bind through {@code @ModelAttribute}: WebFlux's {@code @RequestParam} reads only the query. */
    record RoleForm(String role) {
    }

    private final Users users;
    private final io.winloss.portal.lockout.Lockouts lockouts;

    UserAdminController(Users users, io.winloss.portal.lockout.Lockouts lockouts) {
        this.users = users;
        this.lockouts = lockouts;
    }

    /** What the redirect after a change tells the admin, keyed by the query parameter it carries. */
    private static final Map<String, String> NOTICES = Map.of(
            "created", "User added. They can sign in with the password you chose.",
            "changed", "Role changed.",
            "removed", "User removed.",
            "unlocked", "User unlocked. They can sign in again.");

    @GetMapping("/admin/users")
    Mono<String> showUsers(Staff staff, ServerWebExchange exchange, Model model) {
        NOTICES.forEach((param, notice) -> {
            if (exchange.getRequest().getQueryParams().containsKey(param)) {
                model.addAttribute("notice", notice);
            }
        });
        return render(staff, model, UserForm.empty(), List.of());
    }

    @PostMapping("/admin/users")
    Mono<String> processCreationForm(Staff staff, @ModelAttribute UserForm form, Model model) {
        return Mono.fromCallable(() -> NewUser.of(form.email(), form.password(), form.role()))
                .flatMap(user -> users.create(staff.workspace(), user))
                .thenReturn(REDIRECT_USERS + "?created")
                .onErrorResume(InvalidInput.class, e -> render(staff, model, withoutPassword(form), e.errors()))
                .onErrorResume(DuplicateEmail.class, e -> render(staff, model, withoutPassword(form),
                        List.of(new FieldError("email", "a user with this email already exists"))));
    }

    @PostMapping("/admin/users/{id}/role")
    Mono<String> changeRole(Staff staff, @PathVariable String id, @ModelAttribute RoleForm form, Model model) {
        if (staff.userId().equals(id)) {
            return render(staff, model, UserForm.empty(), List.of(new FieldError("role", "you cannot change your own role")));
        }
        Role parsed;
        try {
            parsed = Role.valueOf(String.valueOf(form.role()));
        } catch (IllegalArgumentException e) {
            return render(staff, model, UserForm.empty(), List.of(new FieldError("role", "must be one of ADMIN, ANALYST, INTERVIEWER")));
        }
        return users.changeRole(staff.workspace(), id, parsed).thenReturn(REDIRECT_USERS + "?changed");
    }

    @PostMapping("/admin/users/{id}/remove")
    Mono<String> remove(Staff staff, @PathVariable String id, Model model) {
        if (staff.userId().equals(id)) {
            return render(staff, model, UserForm.empty(), List.of(new FieldError("user", "you cannot remove yourself")));
        }
        return users.remove(staff.workspace(), id).thenReturn(REDIRECT_USERS + "?removed");
    }

    /** Lifts a lock left by repeated failed sign-ins (the lockout package), before it would end by itself. */
    @PostMapping("/admin/users/{id}/unlock")
    Mono<String> unlock(Staff staff, @PathVariable String id) {
        return lockouts.unlock(staff.workspace(), id).thenReturn(REDIRECT_USERS + "?unlocked");
    }

    private Mono<String> render(Staff staff, Model model, UserForm form, List<FieldError> errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("roles", Role.values());
        model.addAttribute("me", staff.userId());
        return users.list(staff.workspace()).collectList()
                .doOnNext(list -> model.addAttribute("users", list))
                .then(lockouts.lockedIn(staff.workspace(), java.time.Instant.now()))
                .doOnNext(locked -> model.addAttribute("lockedUntil", lockEnds(locked)))
                .thenReturn(VIEW_USERS);
    }

    private static final java.time.format.DateTimeFormatter LOCK_END =
            java.time.format.DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(java.time.ZoneOffset.UTC);

    private static Map<String, String> lockEnds(Map<String, java.time.Instant> locked) {
        Map<String, String> ends = new java.util.HashMap<>();
        locked.forEach((id, until) -> ends.put(id, LOCK_END.format(until)));
        return ends;
    }

    private static UserForm withoutPassword(UserForm form) {
        return new UserForm(form.email(), "", form.role());
    }
}
