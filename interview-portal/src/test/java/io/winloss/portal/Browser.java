package io.winloss.portal;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its chromedriver, as a real buyer's browser would behave.
 * Screenshots land in target/screenshots, which CI keeps as artefacts.
 */
public final class Browser implements AutoCloseable {

    public static final Dimension PHONE = new Dimension(390, 844);
    public static final Dimension DESKTOP = new Dimension(1280, 900);

    private final WebDriver driver;
    private final Path userDataDir;

    public Browser(Dimension size) throws IOException {
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

    public Path screenshot(String name) throws IOException {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Path file = dir.resolve(name + ".png");
        Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        return file;
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

    @Override
    public void close() {
        driver.quit();
    }
}
