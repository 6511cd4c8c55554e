package callguide.web;

import callguide.account.Accounts;
import callguide.account.Role;
import callguide.support.Browser;
import callguide.support.BrowserTest;
import callguide.support.RunningApp;
import java.time.Duration;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The assistant on the handler's screen in a real browser: a suggestion accepted with one key, one overridden, search, the timeline. */
@BrowserTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AssistBrowserTest {
    @RegisterExtension
    static final RunningApp app = RunningApp.start();
    Browser browser;
    String base;
    String call;

    @BeforeAll
    void start() {
        Accounts accounts = app.accounts();
        accounts.create("erin", Role.handler, "erin-password-1");
        accounts.create("sam", Role.supervisor, "sam-password-1");
        base = app.base();
        browser = Browser.start();
    }

    @AfterAll
    void stop() throws Exception {
        if (browser != null) browser.close();
    }

    @Test
    @Order(1)
    void what_the_caller_says_brings_a_suggestion_the_handler_accepts_with_one_key() {
        signIn("erin", "erin-password-1");
        browser.driver.findElement(By.id("start-call")).sendKeys(Keys.ENTER);
        browser.awaitPath("/questions/contact_route");
        call = browser.driver.getCurrentUrl().replaceAll(".*/calls/([^/]+)/.*", "$1");
        press("1", Keys.ENTER, "/questions/region");
        press("1", Keys.ENTER, "/questions/caller");
        browser.driver.findElement(By.id("heard")).sendKeys("I'm ringing about my own case, I'm the paying parent", Keys.ENTER);
        until(d -> "client".equals(d.findElement(By.id("suggested")).getDomAttribute("data-suggested")));
        assertEquals("The client (paying parent or receiving parent)", browser.text("#suggested-answer"));
        assertTrue(browser.text("#suggested-confidence").matches("(High|Medium|Low) confidence \\(\\d+%\\)"), browser.text("#suggested-confidence"));
        assertTrue(browser.text("#suggested-evidence").contains("paying parent"));
        browser.assertAccessible("question with a suggestion");
        browser.screenshot("question-suggestion");
        press("a", null);
        assertTrue(browser.driver.findElement(By.cssSelector("input[name=answer][value=client]")).isSelected(), "A chooses the suggestion");
        press(Keys.ENTER, "/questions/staff_conduct");
    }

    @Test
    @Order(2)
    void a_suggestion_the_handler_overrides_is_recorded_as_overridden() {
        browser.driver.findElement(By.id("heard")).sendKeys("The case worker was really rude to me on the phone.", Keys.ENTER);
        until(d -> "yes".equals(d.findElement(By.id("suggested")).getDomAttribute("data-suggested")));
        press("2", Keys.ENTER, "/questions/about_cm_options");
    }

    @Test
    @Order(3)
    void the_search_box_finds_a_cited_passage_from_the_flow() {
        browser.driver.findElement(By.id("search-q")).sendKeys("third party acting for a client", Keys.ENTER);
        until(d -> !d.findElements(By.cssSelector("#search-results .callguide-passage")).isEmpty());
        assertTrue(browser.driver.getCurrentUrl().endsWith("/questions/about_cm_options"), "Enter searched, it did not answer the question");
        assertTrue(browser.text("#search-results").contains("intake.yaml"), browser.text("#search-results"));
        assertTrue(browser.text("#search-results").contains("No chat model is configured"));
        browser.driver.get(base + "/calls/" + call + "/search?q=third+party+acting+for+a+client");
        browser.settle();
        assertTrue(browser.text("[data-citation=heading]").startsWith("Question: Who is complaining?"), browser.text("[data-citation=heading]"));
        browser.assertAccessible("search results");
        browser.screenshot("search");
    }

    @Test
    @Order(4)
    void the_outcome_shows_the_case_note_from_the_guided_path() {
        browser.driver.get(base + "/calls/" + call);
        browser.settle();
        press("2", Keys.ENTER, "/questions/case_closed_on");
        press("o", Keys.ENTER, "/questions/challenges_decision");
        press("2", Keys.ENTER, "/questions/effective_date_challenge");
        press("2", Keys.ENTER, "/questions/existing_complaint");
        press("2", Keys.ENTER, "/questions/mp_raised");
        press("2", Keys.ENTER, "/questions/resolvable_now");
        press("2", Keys.ENTER, "/check");
        browser.assertAccessible("check your answers with the search box");
        press(Keys.ENTER, "/outcome");
        String note = browser.driver.findElement(By.id("case-note")).getDomProperty("value");
        assertTrue(note.contains("Who is complaining? The client (paying parent or receiving parent)."), note);
        assertTrue(note.contains("Outcome: RAISE_COMPLAINT"), note);
        assertTrue(browser.driver.findElements(By.id("model-summary")).isEmpty(), "no model, no model summary");
        browser.assertAccessible("outcome with the search box");
        browser.screenshot("outcome-assist");
    }

    @Test
    @Order(5)
    void the_supervisors_timeline_shows_what_was_suggested_and_what_the_handler_chose() {
        browser.driver.findElement(By.cssSelector("form[action='/sign-out'] button")).click();
        browser.awaitPath("/sign-in");
        signIn("sam", "sam-password-1");
        browser.driver.get(base + "/review/calls/" + call);
        browser.settle();
        String timeline = browser.text(".moj-timeline");
        assertTrue(timeline.contains("Suggested answer: Who is complaining?"), timeline);
        assertTrue(timeline.contains("Accepted: the handler chose the suggested answer"), timeline);
        assertTrue(timeline.contains("The caller said: \u201cI'm ringing about my own case, I'm the paying parent\u201d"), timeline);
        assertTrue(timeline.contains("Overridden: the handler chose 'No'"), timeline);
        browser.assertAccessible("timeline with suggestions");
        browser.screenshot("timeline-suggestions");
    }

    private void signIn(String user, String password) {
        browser.driver.get(base + "/sign-in");
        browser.settle();
        browser.driver.findElement(By.id("username")).sendKeys(user);
        browser.driver.findElement(By.id("password")).sendKeys(password, Keys.ENTER);
        until(d -> !d.getCurrentUrl().contains("/sign-in"));
        browser.settle();
    }

    /** Presses keys on the page (a number, A, Enter) and, given a next page, waits for it. */
    private void press(Object... keysThenNext) {
        String next = (String) keysThenNext[keysThenNext.length - 1];
        CharSequence[] keys = java.util.Arrays.copyOf(keysThenNext, keysThenNext.length - 1, CharSequence[].class);
        new Actions(browser.driver).sendKeys(keys).perform();
        if (next != null) browser.awaitPath(next);
    }

    private void until(Function<WebDriver, Boolean> condition) {
        new WebDriverWait(browser.driver, Duration.ofSeconds(10))
                .ignoring(StaleElementReferenceException.class).ignoring(NoSuchElementException.class).until(condition);
    }
}
