package callguide.support;

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

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

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
                    "--user-data-dir=" + profile, "--window-size=1366,768");
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
            Browser browser = new Browser(driver, Files.readString(AXE), profile);
            browser.viewport(DESKTOP);
            return browser;
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
        until(condition, Duration.ofSeconds(10));
    }

    /** As {@link #until(java.util.function.Function)}, for a check that a loaded machine may take longer to reach. */
    public void until(java.util.function.Function<WebDriver, Boolean> condition, Duration atMost) {
        new WebDriverWait(driver, atMost)
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

    /** The handler's screen, and a phone's. */
    public static final Dimension DESKTOP = new Dimension(1366, 768);
    public static final Dimension PHONE = new Dimension(390, 844);

    /** Sizes the window so the page itself (the viewport) is exactly this size. */
    public void viewport(Dimension size) {
        driver.manage().window().setSize(size);
        Number w = (Number) driver.executeScript("return window.innerWidth");
        Number h = (Number) driver.executeScript("return window.innerHeight");
        if (w.intValue() != size.width || h.intValue() != size.height) {
            driver.manage().window().setSize(new Dimension(2 * size.width - w.intValue(), 2 * size.height - h.intValue()));
        }
    }

    /** Waits for the page to fit the window's width (no sideways scrolling); on failure, names what sticks out. */
    public void assertFitsWidth(String page) {
        String overflow = "return document.documentElement.scrollWidth - window.innerWidth";
        try {
            until(d -> ((Number) driver.executeScript(overflow)).intValue() <= 0, Duration.ofSeconds(30));
        } catch (org.openqa.selenium.TimeoutException e) {
            fail(page + " scrolls sideways: " + driver.executeScript("""
                    const w = document.documentElement.clientWidth, wide = [];
                    document.querySelectorAll('body *').forEach(e => {
                      const r = e.getBoundingClientRect();
                      if (r.right > w + 0.5) wide.push(e.tagName + (e.id ? '#' + e.id : '') + '.' + e.className + ' right ' + Math.round(r.right) + ' width ' + Math.round(r.width));
                    });
                    const first = [...document.querySelectorAll('body *')].find(e => e.getBoundingClientRect().right > w + 0.5);
                    const chain = [];
                    for (let e = first; e && e !== document.body; e = e.parentElement) {
                      const c = getComputedStyle(e);
                      chain.push(e.tagName + '.' + e.className + ' display ' + c.display + ' flex ' + c.flex + ' width ' + c.width
                        + ' left ' + Math.round(e.getBoundingClientRect().left));
                    }
                    const sheets = [...document.styleSheets].map(s => { try { return s.href + ' ' + s.cssRules.length + ' rules'; } catch (x) { return s.href + ' unreadable'; } });
                    return 'window ' + window.innerWidth + 'x' + window.innerHeight + ', content ' + w + ', scroll width '
                      + document.documentElement.scrollWidth + '; wider: ' + wide.slice(0, 12).join('; ')
                      + '; from the first up: ' + chain.join(' < ') + '; stylesheets: ' + sheets.join(', ') + '; at ' + location.href;"""));
        }
    }

    /** Runs axe-core at the handler's width and a phone's, and fails on any WCAG 2.2 A or AA violation, naming each. */
    public void assertAccessible(String page) {
        viewport(PHONE);
        try {
            assertAccessibleNow(page + " at 390x844");
        } finally {
            viewport(DESKTOP);
        }
        assertAccessibleNow(page + " at 1366x768");
    }

    @SuppressWarnings("unchecked")
    private void assertAccessibleNow(String page) {
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

    /** Full-height screenshots for a reviewer to look at, at 1366 and 390 pixels wide. */
    public void screenshot(String name) {
        shot(name + "-1366", DESKTOP);
        shot(name + "-390", PHONE);
        viewport(DESKTOP);
    }

    /** What the handler sees without scrolling, at 1366x768. */
    public void firstScreen(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            viewport(DESKTOP);
            driver.executeScript("window.scrollTo(0, 0)");
            Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void shot(String name, Dimension size) {
        try {
            Files.createDirectories(SCREENSHOTS);
            viewport(size);
            Number height = (Number) driver.executeScript("return document.documentElement.scrollHeight");
            viewport(new Dimension(size.width, Math.min(6000, Math.max(size.height, height.intValue()))));
            Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
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
