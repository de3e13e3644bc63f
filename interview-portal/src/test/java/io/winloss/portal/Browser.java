package io.winloss.portal;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.webjars.WebJarVersionLocator;

/**
 * Debian's headless Chromium driven through its chromedriver, as a real buyer's browser would behave.
 * Screenshots land in target/browser-screenshots/&lt;TestClass&gt;/, which CI keeps as artefacts; when a test fails,
 * {@link FailureScreenshots} adds what each of its browsers showed last. {@link #assertAccessible} runs axe-core
 * on the page and {@link #assertNoSidewaysScrolling} checks that it fits the window's width.
 */
public final class Browser implements AutoCloseable {

    public static final Dimension PHONE = new Dimension(390, 844);
    public static final Dimension DESKTOP = new Dimension(1280, 900);

    /** The WCAG 2.0 and 2.1 rules at levels A and AA: what the buyer pages promise. */
    static final List<String> WCAG_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private final WebDriver driver;
    private final Path userDataDir;
    private final String testClass;

    public Browser(Dimension size) throws IOException {
        testClass = openedBy();
        userDataDir = Files.createTempDirectory("chromium-profile");
        ChromeOptions options = new ChromeOptions()
                .setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"))
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-quic", "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync",
                        "--user-data-dir=" + userDataDir,
                        "--window-size=" + size.width + "," + size.height);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver")).toFile())
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().window().setSize(size);
    }

    public WebDriver driver() {
        return driver;
    }

    /** Signs in through the login form and waits for the home page. */
    public void signIn(URI portal, String email, String password) {
        driver.get(portal.resolve("/login").toString());
        driver.findElement(By.id("username")).sendKeys(email);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("button[type=submit].primary")).click();
        waitForPath("/");
    }

    /**
     * Waits until the browser shows the given path: a click on a submit button returns before the
     * server has answered, so reading the URL at once races the request.
     */
    public void waitForPath(String path) {
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> URI.create(d.getCurrentUrl()).getPath().equals(path));
    }

    /** Waits until the browser's path starts with {@code prefix}, say a new thing's page after its form was sent. */
    public void waitForPathStartingWith(String prefix) {
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> URI.create(d.getCurrentUrl()).getPath().startsWith(prefix));
    }

    /** Sets a date input as the form submits it (yyyy-mm-dd): typing into one depends on the browser's locale. */
    public void setDate(String id, String isoDate) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", driver.findElement(By.id(id)), isoDate);
    }

    /** Saves what the window shows as target/browser-screenshots/&lt;TestClass&gt;/&lt;name&gt;.png. */
    public Path screenshot(String name) throws IOException {
        return save(testClass, name, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    /** The folder of one test class's screenshots, relative to the module (Failsafe's working directory). */
    static Path screenshotFolder(String testClass) {
        return Path.of("target", "browser-screenshots", testClass);
    }

    static Path save(String testClass, String name, byte[] png) throws IOException {
        Path dir = screenshotFolder(testClass);
        Files.createDirectories(dir);
        Path file = dir.resolve(name.replaceAll("[^A-Za-z0-9._-]+", "-") + ".png");
        Files.write(file, png);
        return file;
    }

    /** The top-level class of the code that opened this browser: the test class, whose folder gets the screenshots. */
    private static String openedBy() {
        return StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
                .walk(frames -> frames.map(StackWalker.StackFrame::getDeclaringClass)
                        .filter(c -> c != Browser.class)
                        .findFirst())
                .map(c -> {
                    while (c.getEnclosingClass() != null) {
                        c = c.getEnclosingClass();
                    }
                    return c.getSimpleName();
                })
                .orElse("Browser");
    }

    /**
     * Fails if the page is wider than the window, so that a phone would have to scroll sideways
     * ({@code document.documentElement.scrollWidth > innerWidth}).
     */
    public void assertNoSidewaysScrolling(String what) {
        List<?> widths = (List<?>) ((JavascriptExecutor) driver).executeScript(
                "return [document.documentElement.scrollWidth, window.innerWidth];");
        long scrollWidth = ((Number) widths.get(0)).longValue();
        long innerWidth = ((Number) widths.get(1)).longValue();
        if (scrollWidth > innerWidth) {
            throw new AssertionError(what + " scrolls sideways: " + scrollWidth + "px wide in a " + innerWidth + "px window");
        }
    }

    /**
     * Runs axe-core's WCAG 2.0/2.1 A and AA rules on the page and fails with each violation's rule, impact, help and
     * the elements it found. axe.min.js comes from its WebJar on the test classpath and is injected through
     * WebDriver, which Chromium evaluates as DevTools code: the page's Content-Security-Policy does not apply to it.
     */
    public void assertAccessible(String what) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript(Axe.SOURCE + "\nreturn null;");
        Object result = js.executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})"
                        + ".then(function (r) { done(r.violations.map(function (v) { return {id: v.id, impact: v.impact,"
                        + " help: v.help, nodes: v.nodes.map(function (n) { return n.target.join(' ') + '  ' + n.failureSummary; })}; })); },"
                        + " function (e) { done('axe failed: ' + e); });",
                WCAG_AA);
        if (result instanceof String error) {
            throw new AssertionError(what + ": " + error);
        }
        List<?> violations = (List<?>) result;
        if (!violations.isEmpty()) {
            StringBuilder message = new StringBuilder(what + " breaks " + violations.size() + " accessibility rule(s):");
            for (Object v : violations) {
                Map<?, ?> violation = (Map<?, ?>) v;
                message.append("\n- ").append(violation.get("id")).append(" (").append(violation.get("impact")).append("): ")
                        .append(violation.get("help"));
                for (Object node : (List<?>) violation.get("nodes")) {
                    message.append("\n    ").append(String.valueOf(node).replace("\n", " "));
                }
            }
            throw new AssertionError(message.toString());
        }
    }

    /** axe.min.js, read once from the axe-core WebJar. */
    private static final class Axe {
        static final String SOURCE = read();

        private static String read() {
            String version = new WebJarVersionLocator().version("axe-core");
            if (version == null) {
                throw new IllegalStateException("the axe-core WebJar is not on the test classpath");
            }
            String path = "META-INF/resources/webjars/axe-core/" + version + "/axe.min.js";
            try (var in = Browser.class.getClassLoader().getResourceAsStream(path)) {
                return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + path, e);
            }
        }
    }

    /**
     * What Chromium refused because of the Content-Security-Policy since the last call (its console says
     * "Refused to ... because it violates the following Content Security Policy directive"). Reading drains the log.
     */
    public List<String> contentSecurityPolicyViolations() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy"))
                .toList();
    }

    /** Fails if any page this browser showed since the last check broke the Content-Security-Policy. */
    public void assertNoContentSecurityPolicyViolations() {
        List<String> violations = contentSecurityPolicyViolations();
        if (!violations.isEmpty()) {
            throw new AssertionError("the browser refused what the Content-Security-Policy forbids:\n"
                    + String.join("\n", violations));
        }
    }

    /** Keeps what the window shows last for {@link FailureScreenshots}, which saves it if the test fails, then quits. */
    @Override
    public void close() {
        try {
            FailureScreenshots.lastSight(testClass, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (RuntimeException e) {
            // a browser that crashed shows nothing: the failure speaks for itself
        } finally {
            driver.quit();
        }
    }
}
