package io.winloss.portal.crm;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

import io.winloss.portal.PortalProperties;
import io.winloss.portal.account.Staff;
import reactor.core.publisher.Mono;

/**
 * The admins' webhooks page: the URL a CRM posts to, whether a secret is set and when it was made, a button that
 * makes a new one (shown in that answer only, never again), and the latest events received, accepted or not.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class WebhookAdminPages {

    static final String VIEW = "crm/webhooks";

    private static final Logger log = LoggerFactory.getLogger(WebhookAdminPages.class);

    private final WebhookSecrets secrets;
    private final WebhookEvents events;
    private final WebhookSettings settings;
    private final String baseUrl;

    WebhookAdminPages(WebhookSecrets secrets, WebhookEvents events, WebhookSettings settings, PortalProperties properties) {
        this.secrets = secrets;
        this.events = events;
        this.settings = settings;
        this.baseUrl = properties.baseUrl().toString().replaceAll("/+$", "");
    }

    @GetMapping("/admin/webhooks")
    Mono<String> show(Staff staff, Model model) {
        return render(staff, model, null);
    }

    @PostMapping("/admin/webhooks/secret")
    Mono<String> rotate(Staff staff, Model model) {
        return secrets.rotate(staff.workspace(), Clock.systemUTC().instant())
                .doOnNext(r -> log.info("webhook secret rotated: workspace={} by={}", staff.workspace().value(), staff.email()))
                .flatMap(rotated -> render(staff, model, rotated));
    }

    private Mono<String> render(Staff staff, Model model, WebhookSecrets.Rotated rotated) {
        Instant now = Clock.systemUTC().instant();
        String workspace = staff.workspace().value();
        model.addAttribute("workspaceId", workspace);
        model.addAttribute("webhookUrl", baseUrl + "/api/webhooks/crm/" + workspace);
        model.addAttribute("headerUrl", baseUrl + "/api/webhooks/crm");
        model.addAttribute("grace", hours(settings.secretGrace()));
        model.addAttribute("rotated", rotated);
        return secrets.status(staff.workspace(), now)
                .doOnNext(status -> model.addAttribute("status", status))
                .then(events.latest(staff.workspace()).collectList())
                .doOnNext(list -> model.addAttribute("events", list))
                .thenReturn(VIEW);
    }

    /** "24 hours", "90 minutes": the grace as an admin reads it. */
    static String hours(Duration grace) {
        if (grace.toMinutes() % 60 != 0) {
            return grace.toMinutes() + " minutes";
        }
        long hours = grace.toHours();
        return hours == 1 ? "1 hour" : hours + " hours";
    }
}
