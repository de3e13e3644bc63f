package io.winloss.portal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Saves what each browser of a failed test showed last, as
 * target/browser-screenshots/&lt;TestClass&gt;/&lt;test&gt;-failed[-n].png, so that a red CI run shows the page it
 * failed on. Tests open their {@link Browser} in try-with-resources, so it has closed before JUnit learns of the
 * failure: {@link Browser#close()} hands its last sight here and this extension keeps it only if the test failed.
 * Registered for every test by JUnit's extension autodetection (src/test/resources/META-INF/services); tests without
 * a browser hand nothing and pay nothing.
 */
public final class FailureScreenshots implements BeforeTestExecutionCallback, AfterTestExecutionCallback {

    private record Sight(String testClass, byte[] png) {
    }

    private static final ThreadLocal<List<Sight>> LAST_SIGHTS = ThreadLocal.withInitial(ArrayList::new);

    static void lastSight(String testClass, byte[] png) {
        LAST_SIGHTS.get().add(new Sight(testClass, png));
    }

    @Override
    public void beforeTestExecution(ExtensionContext context) {
        LAST_SIGHTS.get().clear();
    }

    @Override
    public void afterTestExecution(ExtensionContext context) throws IOException {
        List<Sight> sights = List.copyOf(LAST_SIGHTS.get());
        LAST_SIGHTS.get().clear();
        if (context.getExecutionException().isEmpty()) {
            return;
        }
        String method = context.getRequiredTestMethod().getName();
        String display = context.getDisplayName();
        String run = display.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "");
        String test = (display.startsWith(method) ? method : method + "-" + run) + "-failed";
        for (int i = 0; i < sights.size(); i++) {
            Sight sight = sights.get(i);
            Browser.save(sight.testClass(), sights.size() == 1 ? test : test + "-" + (i + 1), sight.png());
        }
    }
}
