package io.winloss.portal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;

/**
 * The whole portal on a random port with its embedded store in a fresh folder under target/, so tests
 * share one Spring context and each class works in workspaces of its own (see {@link TestTenant}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"PORTAL_DATA_DIR=target/test-data/${random.uuid}"})
@AutoConfigureWebTestClient
public @interface PortalTest {
}
