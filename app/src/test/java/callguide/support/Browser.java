package callguide.support;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Debian's chromium, driven headless, with axe-core from npm for accessibility checks and a screenshot folder. */
public final class Browser implements AutoCloseable {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path AXE = Path.of("target/npm/node_modules/axe-core/axe.min.js");
    private static final Path SCREENSHOTS = Path.of("target/screenshots");

    public final ChromeDriver driver;
    private final String axe;
    private final Path profile;

    private Browser(ChromeDriver driver, String axe, Path profile) {
        this.driver = driver;
        this.axe = axe;
        this.profile = profile;
    }

    public static Browser start() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(DRIVER)) {
            fail("the browser tests need Debian's chromium: apt-get install -y chromium chromium-driver");
        }
        if (!Files.isRegularFile(AXE)) fail("axe-core is missing from " + AXE.toAbsolutePath() + ": run the tests through mvn, which installs it from npm");
        try {
            Path profile = Files.createTempDirectory("callguide-chromium");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                    "--user-data-dir=" + profile, "--window-size=1280,1000");
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
            return new Browser(driver, Files.readString(AXE), profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for the page to have loaded and its script to have run. */
    public void settle() {
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d)
                .executeScript("return document.readyState === 'complete' && document.body.classList.contains('js-enabled')")));
    }

    public void awaitPath(String part) {
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains(part));
        settle();
    }

    /** Signs in at this service (signing out whoever was signed in) and waits for the page after sign-in. */
    public void signIn(String base, String user, String password) {
        driver.get(base + "/sign-in");
        settle();
        if (!driver.getCurrentUrl().contains("/sign-in")) {
            driver.findElement(By.cssSelector("form[action='/sign-out'] button")).click();
            awaitPath("/sign-in");
        }
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password, Keys.ENTER);
        until(d -> !d.getCurrentUrl().contains("/sign-in"));
        settle();
    }

    /** Waits up to ten seconds for something a person would see, over page changes and live updates. */
    public void until(java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .ignoring(org.openqa.selenium.NoSuchElementException.class)
                .until(condition);
    }

    /** Presses keys as a handler does: a number to choose, Enter to continue; then waits for the next page. */
    public void press(String key, String nextPath) {
        keys(key, Keys.ENTER);
        awaitPath(nextPath);
    }

    public void keys(CharSequence... keys) {
        new org.openqa.selenium.interactions.Actions(driver).sendKeys(keys).perform();
    }

    public String text(String css) {
        return driver.findElement(By.cssSelector(css)).getText();
    }

    /** Runs axe-core on the page and fails on any WCAG 2.2 A or AA violation, naming each. */
    @SuppressWarnings("unchecked")
    public void assertAccessible(String page) {
        JavascriptExecutor js = driver;
        js.executeScript(axe);
        Object result = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})
                  .then(r => done(r.violations.map(v => v.id + ': ' + v.help + ' at ' + v.nodes.map(n => n.target.join(' ')).join(' | '))))
                  .catch(e => done(['axe failed: ' + e]));""");
        List<String> violations = (List<String>) result;
        assertTrue(violations.isEmpty(), "accessibility violations on " + page + ":\n" + String.join("\n", violations));
    }

    /** A full-height screenshot for a reviewer to look at. */
    public void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Number height = (Number) driver.executeScript("return document.documentElement.scrollHeight");
            driver.manage().window().setSize(new Dimension(1280, Math.min(4000, Math.max(800, height.intValue()))));
            Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            driver.manage().window().setSize(new Dimension(1280, 1000));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Map<String, String> cookies() {
        return Map.of("callguide_auth", driver.manage().getCookieNamed("callguide_auth").getValue());
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary profile left behind is harmless
        }
    }

    public WebDriver web() {
        return driver;
    }
}
