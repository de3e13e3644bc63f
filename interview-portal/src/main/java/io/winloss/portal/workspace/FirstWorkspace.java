package io.winloss.portal.workspace;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

import io.winloss.portal.PortalProperties;
import io.winloss.portal.web.Conflict;

/**
 * With {@code PORTAL_ADMIN_EMAIL} and {@code PORTAL_ADMIN_PASSWORD} set and an empty store, creates the
 * first workspace and its owner before the server takes requests. Without them, the setup page does it.
 */
@Component
class FirstWorkspace implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(FirstWorkspace.class);

    private final Workspaces workspaces;
    private final PortalProperties properties;

    FirstWorkspace(Workspaces workspaces, PortalProperties properties) {
        this.workspaces = workspaces;
        this.properties = properties;
    }

    @Override
    public void afterSingletonsInstantiated() {
        String email = properties.adminEmail();
        if (email == null || email.isBlank()) {
            return;
        }
        // Start-up runs on the main thread before the server listens, so waiting here blocks no request.
        workspaces.isSetUp()
                .filter(done -> !done)
                .flatMap(x -> workspaces.createFirst("Default workspace", email, properties.adminPassword()))
                .doOnNext(w -> log.info("created the first workspace and its admin {}", email.trim()))
                .onErrorResume(Conflict.class, e -> reactor.core.publisher.Mono.empty())
                .block(Duration.ofSeconds(60));
    }
}
