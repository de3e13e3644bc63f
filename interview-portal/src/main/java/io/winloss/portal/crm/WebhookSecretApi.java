package io.winloss.portal.crm;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.winloss.portal.PortalProperties;
import io.winloss.portal.account.Staff;
import io.winloss.portal.web.ApiController;
import reactor.core.publisher.Mono;

/** Admins rotate their workspace's CRM webhook secret (API.md): the new one is in this answer and nowhere else. */
@ApiController("/api/webhooks/secret")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "CRM events")
class WebhookSecretApi {

    private static final Logger log = LoggerFactory.getLogger(WebhookSecretApi.class);

    /**
     * @param previousValidUntil until when the replaced secret is still accepted; null for a workspace's first secret
     * @param url                the workspace's webhook URL, to configure in the CRM
     */
    record SecretJson(String secret, Instant rotatedAt, Instant previousValidUntil, String workspaceId, String url) {

        @Override
        public String toString() {
            return "SecretJson[secret=***]";
        }
    }

    private final WebhookSecrets secrets;
    private final String baseUrl;

    WebhookSecretApi(WebhookSecrets secrets, PortalProperties properties) {
        this.secrets = secrets;
        this.baseUrl = properties.baseUrl().toString().replaceAll("/+$", "");
    }

    @PostMapping
    @Operation(summary = "Make a new webhook secret (admins)",
            description = "256 random bits, shown only in this answer. The previous secret stays valid for the grace period "
                    + "(PORTAL_WEBHOOK_SECRET_GRACE, 24 h by default) so CRM configurations can be updated; rotating again ends it. "
                    + "The answer also carries the workspace id and the webhook URL to configure in the CRM.")
    Mono<SecretJson> rotate(Staff staff) {
        return secrets.rotate(staff.workspace(), Clock.systemUTC().instant())
                .doOnNext(r -> log.info("webhook secret rotated: workspace={} by={}", staff.workspace().value(), staff.email()))
                .map(r -> new SecretJson(r.secret(), r.rotatedAt(), r.previousValidUntil(), staff.workspace().value(),
                        baseUrl + "/api/webhooks/crm/" + staff.workspace().value()));
    }
}
