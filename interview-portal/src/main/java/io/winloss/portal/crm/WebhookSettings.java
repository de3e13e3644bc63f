package io.winloss.portal.crm;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How CRM webhook secrets and replay records age (application.properties, {@code portal.webhooks.*}).
 *
 * @param secretGrace  after a rotation the previous secret is still accepted this long, so CRM configurations can be
 *                     updated without losing events; default 24 hours ({@code PORTAL_WEBHOOK_SECRET_GRACE})
 * @param replayMemory a signed event is remembered this long and refused when it comes again; default 30 days
 *                     ({@code PORTAL_WEBHOOK_REPLAY_MEMORY}). Events signed with a timestamp are refused after
 *                     {@link EventSignature#TIMESTAMP_TOLERANCE} anyway; only body-only signatures rely on this memory.
 */
@ConfigurationProperties("portal.webhooks")
public record WebhookSettings(Duration secretGrace, Duration replayMemory) {

    public WebhookSettings {
        if (secretGrace == null || secretGrace.isNegative()) {
            throw new IllegalArgumentException("portal.webhooks.secret-grace must be zero or more, was " + secretGrace);
        }
        if (replayMemory == null || replayMemory.compareTo(EventSignature.TIMESTAMP_TOLERANCE) < 0) {
            throw new IllegalArgumentException("portal.webhooks.replay-memory must be at least "
                    + EventSignature.TIMESTAMP_TOLERANCE.toMinutes() + " minutes, was " + replayMemory);
        }
    }
}
