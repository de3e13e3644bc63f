package io.winloss.portal;

import java.net.URI;
import java.nio.file.Path;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The portal's settings, bound from the names in API.md (see application.properties).
 *
 * @param dataDir folder for the embedded store and the quote index ({@code index/}); default {@code ./data}
 * @param mongodbUri a real MongoDB to use instead of the embedded store; blank means embedded
 * @param storePort loopback port the embedded store also listens on, so other processes can share it; null means a free port
 * @param roles what this process does: {@code web}, {@code worker}, or both
 * @param baseUrl public base URL used in invitation links
 * @param adminEmail first admin, created with the first workspace on an empty store
 * @param adminPassword that admin's password
 * @param invitationValidDays days an invitation link stays valid; default 30
 * @param mail outgoing SMTP; a blank host keeps mail in the outbox
 */
@ConfigurationProperties("portal")
public record PortalProperties(
        Path dataDir,
        String mongodbUri,
        Integer storePort,
        Set<String> roles,
        URI baseUrl,
        String adminEmail,
        String adminPassword,
        int invitationValidDays,
        Mail mail) {

    public PortalProperties {
        if (invitationValidDays <= 0) {
            throw new IllegalArgumentException("portal.invitation-valid-days must be positive, was " + invitationValidDays);
        }
        roles = Set.copyOf(roles);
    }

    public boolean embeddedStore() {
        return mongodbUri == null || mongodbUri.isBlank();
    }

    public boolean isWorker() {
        return roles.contains("worker");
    }

    /** SMTP settings; {@code host} blank means no mail leaves the outbox. */
    public record Mail(String host, int port, String username, String password, boolean starttls, String from) {

        public boolean configured() {
            return host != null && !host.isBlank();
        }
    }
}
