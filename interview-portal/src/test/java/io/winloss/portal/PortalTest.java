package io.winloss.portal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;

/**
 * The whole portal on a random port with its embedded store in a fresh folder under target/, so tests
 * share one Spring context and each class works in workspaces of its own (see {@link TestTenant}); rate limits off.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"PORTAL_DATA_DIR=target/test-data/${random.uuid}",
            // the shared context signs in and calls the API hundreds of times a minute from one address;
            // RateLimitTests checks the limits in a context of its own
            "PORTAL_RATE_LIMIT_PAGES_PER_MINUTE=0", "PORTAL_RATE_LIMIT_LOGIN_PER_MINUTE=0",
            "PORTAL_RATE_LIMIT_LOGIN_USERNAME_PER_MINUTE=0", "PORTAL_RATE_LIMIT_API_PER_MINUTE=0",
            "PORTAL_RATE_LIMIT_API_ANONYMOUS_PER_MINUTE=0", "PORTAL_RATE_LIMIT_WEBHOOK_PER_MINUTE=0"})
@AutoConfigureWebTestClient
public @interface PortalTest {
}
