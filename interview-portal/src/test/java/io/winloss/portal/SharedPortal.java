package io.winloss.portal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Map;

/**
 * One packaged portal for the browser journeys that need nothing of their own but a workspace: started on first use,
 * killed when the test JVM exits. Each journey works in a new workspace ({@link #workspace}) with its own admin, so
 * journeys share the process and never each other's data, and the suite starts the jar (and loads CoreNLP) once
 * instead of once per journey. Tests that kill, restart or configure the portal start a {@link PortalProcess} of their own.
 */
public final class SharedPortal {

    /** The password of every account the journeys create. */
    public static final String PASSWORD = "correct-horse-battery";
    private static final String OWNER = "instance-owner@example.test";

    private static PortalProcess portal;

    private SharedPortal() {
    }

    /** A journey's workspace on the shared portal; {@code adminEmail} is its admin, signed in with {@link #PASSWORD}. */
    public record Workspace(URI baseUrl, String adminEmail) {

        /** The workspace's admin as an API client (HTTP Basic). */
        public PortalClient api() {
            return new PortalClient(baseUrl, adminEmail, PASSWORD);
        }
    }

    /**
     * A new workspace named for the journey, whose admin is {@code admin@<journey>.test}. A journey name is used once
     * per test run: the admin's email must be new to the portal.
     */
    public static Workspace workspace(String journey) throws IOException, InterruptedException {
        PortalProcess shared = portal();
        String admin = "admin@" + journey + ".test";
        HttpResponse<String> created = new PortalClient(shared.baseUrl(), OWNER, PASSWORD).postJson("/api/workspaces",
                "{\"name\":\"" + journey + "\",\"adminEmail\":\"" + admin + "\",\"adminPassword\":\"" + PASSWORD + "\"}");
        if (created.statusCode() != 201) {
            throw new IllegalStateException("workspace " + journey + " not created: " + created.statusCode() + " " + created.body());
        }
        return new Workspace(shared.baseUrl(), admin);
    }

    /**
     * The portal, started on first use with a 2 GB heap (journeys that analyse transcripts load CoreNLP). The journeys
     * all sign in and open buyer links from one address, so the per-address limits on sign-ins and token pages are
     * off here; RateLimitTests and LockoutTests hold those.
     */
    private static synchronized PortalProcess portal() throws IOException, InterruptedException {
        if (portal == null) {
            PortalProcess started = new PortalProcess(Files.createTempDirectory("shared-portal"), Map.of(
                    "PORTAL_ADMIN_EMAIL", OWNER, "PORTAL_ADMIN_PASSWORD", PASSWORD,
                    "PORTAL_RATE_LIMIT_LOGIN_PER_MINUTE", "0", "PORTAL_RATE_LIMIT_PAGES_PER_MINUTE", "0"))
                    .withHeap("2g").start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            portal = started;
        }
        return portal;
    }
}
