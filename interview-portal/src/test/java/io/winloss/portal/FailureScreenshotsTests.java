package io.winloss.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.util.FileSystemUtils;

/**
 * A failed test keeps what its browsers showed last, named after the test and its run; a test that passed keeps
 * nothing, and the next test does not inherit the last test's pictures.
 */
class FailureScreenshotsTests {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G'};
    private final Path folder = Browser.screenshotFolder("FailureScreenshotsTests");
    private final FailureScreenshots extension = new FailureScreenshots();

    @BeforeEach
    void emptyFolder() throws Exception {
        FileSystemUtils.deleteRecursively(folder);
    }

    @Test
    void aFailedTestKeepsTheLastSightOfEachOfItsBrowsers() throws Exception {
        extension.beforeTestExecution(context(null));
        FailureScreenshots.lastSight("FailureScreenshotsTests", PNG);
        FailureScreenshots.lastSight("FailureScreenshotsTests", PNG);
        extension.afterTestExecution(context(new AssertionError("the page was wrong")));

        assertThat(folder.resolve("journey-1-phone-failed-1.png")).hasBinaryContent(PNG);
        assertThat(folder.resolve("journey-1-phone-failed-2.png")).hasBinaryContent(PNG);
    }

    @Test
    void aPassingTestKeepsNothingAndHandsNothingOn() throws Exception {
        extension.beforeTestExecution(context(null));
        FailureScreenshots.lastSight("FailureScreenshotsTests", PNG);
        extension.afterTestExecution(context(null));
        extension.beforeTestExecution(context(null));
        extension.afterTestExecution(context(new AssertionError("failed without a browser")));

        assertThat(Files.exists(folder)).as("no screenshot written").isFalse();
    }

    /** The few things the extension asks of JUnit: the outcome, the method and the run's display name. */
    private static ExtensionContext context(Throwable failure) throws Exception {
        Method method = FailureScreenshotsTests.class.getDeclaredMethod("journey");
        return (ExtensionContext) Proxy.newProxyInstance(ExtensionContext.class.getClassLoader(),
                new Class<?>[] {ExtensionContext.class}, (proxy, called, args) -> switch (called.getName()) {
                    case "getExecutionException" -> Optional.ofNullable(failure);
                    case "getRequiredTestMethod" -> method;
                    case "getDisplayName" -> "[1] phone";
                    default -> throw new UnsupportedOperationException(called.getName());
                });
    }

    /** Stands for a parameterized browser test. */
    private void journey() {
    }
}
