package io.winloss.portal.account;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.bind.annotation.ModelAttribute;

import io.winloss.portal.web.FieldError;
import io.winloss.portal.web.InvalidInput;
import reactor.core.publisher.Mono;

/**
 * The admin's page for API keys. A new key's secret is rendered in the response to its creation and
 * nowhere else: the page after a reload shows only its prefix.
 */
@Controller
class ApiKeyAdminController {

    static final String VIEW_API_KEYS = "admin/api-keys";

    record KeyForm(String name) {
    }

    private final ApiKeys apiKeys;

    ApiKeyAdminController(ApiKeys apiKeys) {
        this.apiKeys = apiKeys;
    }

    @GetMapping("/admin/api-keys")
    Mono<String> showKeys(Staff staff, ServerWebExchange exchange, Model model) {
        if (exchange.getRequest().getQueryParams().containsKey("revoked")) {
            model.addAttribute("notice", "Key revoked. Clients using it now get 401.");
        }
        return render(staff, model, null, List.of());
    }

    @PostMapping("/admin/api-keys")
    Mono<String> processCreationForm(Staff staff, @ModelAttribute KeyForm form, Model model) {
        return apiKeys.issue(staff, form.name())
                .flatMap(issued -> render(staff, model, issued, List.of()))
                .onErrorResume(InvalidInput.class, e -> render(staff, model, null, e.errors()));
    }

    @PostMapping("/admin/api-keys/{id}/revoke")
    Mono<String> revoke(Staff staff, @PathVariable String id) {
        return apiKeys.revoke(staff.workspace(), id).thenReturn("redirect:/admin/api-keys?revoked");
    }

    private Mono<String> render(Staff staff, Model model, ApiKey.Issued issued, List<FieldError> errors) {
        if (issued != null) {
            model.addAttribute("issued", issued);
        }
        model.addAttribute("errors", errors);
        return apiKeys.list(staff.workspace()).collectList()
                .doOnNext(keys -> model.addAttribute("keys", keys))
                .thenReturn(VIEW_API_KEYS);
    }
}
