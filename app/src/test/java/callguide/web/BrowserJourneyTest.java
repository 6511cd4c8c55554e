package callguide.web;

import callguide.account.Accounts;
import callguide.account.Role;
import callguide.support.Browser;
import callguide.support.BrowserTest;
import callguide.support.RunningApp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import org.openqa.selenium.support.ui.Select;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A handler takes calls and a supervisor reviews them, in a real browser, with every page checked by axe-core. */
@BrowserTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserJourneyTest {
    @RegisterExtension
    static final RunningApp app = RunningApp.start();
    Browser browser;
    String base;
    String complaintCall;

    @BeforeAll
    void start() {
        Accounts accounts = app.accounts();
        accounts.create("alice", Role.handler, "alice-password-1");
        accounts.create("bob", Role.handler, "bob-password-1");
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
    void a_handler_takes_a_call_to_a_formal_complaint_with_the_keyboard_alone() {
        signIn("alice", "alice-password-1");
        browser.assertAccessible("home");
        browser.screenshot("home");
        browser.driver.findElement(By.id("start-call")).sendKeys(Keys.ENTER);
        browser.awaitPath("/questions/contact_route");
        complaintCall = browser.driver.getCurrentUrl().replaceAll(".*/calls/([^/]+)/.*", "$1");
        browser.assertAccessible("question");
        browser.screenshot("question");
        press("1", "/questions/region");
        press("1", "/questions/caller");
        press("1", "/questions/staff_conduct");
        press("2", "/questions/about_cm_options");
        press("2", "/questions/case_closed_on");
        browser.assertAccessible("date question");
        browser.screenshot("question-date");
        keys(Keys.ENTER);
        until(d -> !d.findElements(By.cssSelector(".govuk-error-summary")).isEmpty());
        browser.settle();
        assertTrue(browser.text(".govuk-error-summary").contains("Enter a date, or select 'The case is still open'"));
        browser.assertAccessible("date question with an error");
        browser.screenshot("question-error");
        press("o", "/questions/challenges_decision");
        press("2", "/questions/effective_date_challenge");
        press("2", "/questions/existing_complaint");
        press("2", "/questions/mp_raised");
        press("2", "/questions/resolvable_now");
        assertTrue(browser.text(".callguide-side").contains("The case is still open"), "answers so far are shown beside the question");
        press("2", "/check");
        assertTrue(browser.text("main").contains("Raise a formal complaint"));
        browser.assertAccessible("check your answers");
        browser.screenshot("check-your-answers");
    }

    @Test
    @Order(2)
    void changing_an_answer_from_the_check_page_comes_back_to_the_check_page_and_the_outcome_follows() {
        assertTrue(browser.driver.findElement(By.id("confirm")).getRect().getY() < 768, "Confirm is on the first screen");
        browser.driver.findElement(By.cssSelector("#all-answers summary")).click();
        browser.driver.findElement(By.cssSelector("#all-answers a[data-change='region']")).sendKeys(Keys.ENTER);
        browser.awaitPath("/questions/region");
        press("2", "/check");
        browser.driver.findElement(By.cssSelector("#all-answers summary")).click();
        String region = browser.driver.findElement(By.xpath("//dt[contains(., 'Great Britain or Northern Ireland')]/following-sibling::dd[1]")).getText();
        assertEquals("Northern Ireland", region);
        browser.driver.findElement(By.tagName("h1")).click();
        keys(Keys.ENTER);
        browser.awaitPath("/outcome");
        assertEquals("RAISE_COMPLAINT", browser.text("#outcome-code"));
        browser.assertAccessible("outcome");
        browser.screenshot("outcome");
    }

    @Test
    @Order(3)
    void the_case_note_is_ready_to_copy_and_notes_are_kept() {
        String note = browser.driver.findElement(By.id("case-note")).getDomProperty("value");
        assertTrue(note.contains("RAISE_COMPLAINT"), note);
        assertTrue(note.contains("Is the case in Great Britain or Northern Ireland? Northern Ireland"), note);
        assertFalse(note.contains("@DWP.GSI.GOV.UK"), "no internal mailbox in a case note");
        browser.driver.findElement(By.id("copy-case-note")).sendKeys(Keys.ENTER);
        until(d -> browser.text("#copy-status").equals("Case note copied"));

        browser.driver.findElement(By.id("note")).sendKeys("Caller asked for a letter in large print");
        browser.driver.findElement(By.cssSelector("#notes button[type=submit]")).click();
        until(d -> browser.text("#notes").contains("Caller asked for a letter in large print"));

        browser.driver.findElement(By.cssSelector("#notes button[type=submit]")).click();
        until(d -> browser.driver.switchTo().activeElement().getAttribute("class").contains("govuk-error-summary"));
        assertTrue(browser.text("#note-error").contains("Enter a note"), "an empty note is refused in place");
        assertTrue(app.reviewer().get("/api/calls/" + complaintCall + "/events").text().contains("Caller asked for a letter in large print"));
    }

    @Test
    @Order(4)
    void on_the_staff_conduct_path_there_is_no_note_field_and_a_warning_says_why() {
        browser.driver.get(base + "/");
        browser.settle();
        browser.driver.findElement(By.id("start-call")).sendKeys(Keys.ENTER);
        browser.awaitPath("/questions/contact_route");
        press("1", "/questions/region");
        press("1", "/questions/caller");
        press("1", "/questions/staff_conduct");
        press("1", "/check");
        keys(Keys.ENTER);
        browser.awaitPath("/outcome");
        assertEquals("STAFF_CONDUCT_CONFIDENTIAL", browser.text("#outcome-code"));
        assertTrue(browser.driver.findElements(By.id("note")).isEmpty(), "no note field");
        assertTrue(browser.driver.findElements(By.id("case-note")).isEmpty(), "no case note");
        assertTrue(browser.text("#nothing-recorded").contains("allows no details"));
        browser.assertAccessible("staff conduct outcome");
        browser.screenshot("outcome-staff-conduct");
    }

    @Test
    @Order(5)
    void a_handler_cannot_open_another_handlers_call_or_the_review() {
        signOut();
        signIn("bob", "bob-password-1");
        browser.driver.get(base + "/calls/" + complaintCall + "/outcome");
        browser.settle();
        assertEquals("Page not found", browser.text("h1"));
        assertFalse(browser.driver.getPageSource().contains("RAISE_COMPLAINT"));
        browser.assertAccessible("not found");
        browser.screenshot("not-found");
        browser.driver.get(base + "/review");
        browser.settle();
        assertEquals("You cannot see this page", browser.text("h1"));
        browser.assertAccessible("forbidden");
        browser.screenshot("forbidden");
        signOut();
        browser.assertAccessible("sign in");
        browser.screenshot("sign-in");
    }

    @Test
    @Order(6)
    void a_supervisor_filters_to_the_call_opens_its_timeline_and_exports_csv() throws Exception {
        signIn("sam", "sam-password-1");
        browser.driver.get(base + "/review");
        browser.settle();
        new Select(browser.driver.findElement(By.id("handler"))).selectByValue("alice");
        new Select(browser.driver.findElement(By.id("outcome"))).selectByValue("RAISE_COMPLAINT");
        browser.driver.findElement(By.id("apply-filters")).click();
        until(d -> browser.text("#result-count").startsWith("1 call"));
        assertTrue(browser.driver.getCurrentUrl().contains("outcome=RAISE_COMPLAINT"), "the filter is in the address");
        assertEquals(1, browser.driver.findElements(By.cssSelector("tr[data-call='" + complaintCall + "']")).size());
        // Measured once the page has settled after the filter's reload, not while its stylesheet is still applying.
        browser.settle();
        browser.assertFitsWidth("the filtered review list");
        Number hidden = (Number) browser.driver.executeScript(
                "var r = document.querySelector('.callguide-table-scroll'); return r.scrollWidth - r.clientWidth");
        assertTrue(hidden.intValue() <= 0, "at 1366 the whole table shows without scrolling it sideways: " + hidden + " px hidden");
        Number codeLines = (Number) browser.driver.executeScript("return document.querySelector(arguments[0]).getClientRects().length",
                "tr[data-call='" + complaintCall + "'] .callguide-code");
        assertEquals(1, codeLines.intValue(), "the outcome's code is on one line, not broken mid-word");
        var link = browser.driver.findElement(By.cssSelector("tr[data-call='" + complaintCall + "'] td:first-child a")).getRect();
        assertTrue(link.getX() + link.getWidth() <= 1366, "the link into the call (its start time) is on screen");
        assertTrue(browser.text("tr[data-call='" + complaintCall + "'] td:first-child").matches("(?s)\\d\\d/\\d\\d/\\d{4} \\d\\d:\\d\\d.*"),
                "a short UK date: " + browser.text("tr[data-call='" + complaintCall + "'] td:first-child"));
        browser.assertAccessible("review list");
        browser.screenshot("review");
        browser.viewport(Browser.PHONE);
        int filter = browser.driver.findElement(By.cssSelector(".moj-filter-layout__filter")).getRect().getWidth();
        int calls = browser.driver.findElement(By.cssSelector(".moj-filter-layout__content")).getRect().getWidth();
        assertEquals(calls, filter, 1, "on a phone the filter is as wide as the list of calls below it");
        browser.viewport(Browser.DESKTOP);
        browser.driver.get(base + "/review?from=31/02/2026&to=abc");
        browser.settle();
        assertTrue(browser.text("#from-error").contains("real date"), browser.text("#from-error"));
        browser.assertAccessible("review list with the filter's errors");
        browser.driver.get(base + "/review?handler=alice&outcome=RAISE_COMPLAINT");
        browser.settle();

        String csvHref = browser.driver.findElement(By.id("export-csv")).getDomAttribute("href");
        HttpResponse<String> csv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + csvHref))
                .header("Cookie", "callguide_auth=" + browser.cookies().get("callguide_auth")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        String[] lines = csv.body().split("\r\n");
        assertEquals(2, lines.length, csv.body());
        assertTrue(lines[1].startsWith(complaintCall + ",alice,"), lines[1]);
        assertTrue(lines[1].contains(",RAISE_COMPLAINT,"), lines[1]);

        browser.driver.findElement(By.cssSelector("tr[data-call='" + complaintCall + "'] a")).click();
        browser.awaitPath("/review/calls/" + complaintCall);
        assertTrue(browser.text("#timeline-outcome").startsWith("Raise a formal complaint"), browser.text("#timeline-outcome"));
        assertTrue(browser.text("#timeline-outcome").contains("RAISE_COMPLAINT"), "the code stays, as secondary text");
        assertFalse(browser.text("#flow-version").isBlank());
        assertTrue(browser.text(".moj-timeline").contains("Changed: Is the case in Great Britain or Northern Ireland?"));
        assertTrue(browser.text(".moj-timeline").contains("Caller asked for a letter in large print"));
        browser.assertAccessible("timeline");
        browser.screenshot("timeline");
    }

    @Test
    @Order(7)
    void supervisors_see_insights_and_who_looked_at_which_call() {
        browser.driver.get(base + "/review/insights");
        browser.settle();
        assertEquals("2", browser.text("#completed"));
        assertTrue(browser.text("main").contains("Is the case in Great Britain or Northern Ireland?"), "the changed question is charted");
        browser.assertAccessible("insights");
        browser.screenshot("insights");
        browser.driver.get(base + "/review/access-log");
        browser.settle();
        assertTrue(browser.text("tbody").contains(complaintCall));
        assertTrue(browser.text("tbody").contains("sam"));
        browser.assertAccessible("access log");
        browser.screenshot("access-log");
    }

    private void signIn(String user, String password) {
        browser.signIn(base, user, password);
    }

    private void until(java.util.function.Function<org.openqa.selenium.WebDriver, Boolean> condition) {
        browser.until(condition);
    }

    private void signOut() {
        browser.driver.findElement(By.cssSelector("form[action='/sign-out'] button")).click();
        browser.awaitPath("/sign-in");
    }

    private void press(String key, String next) {
        browser.press(key, next);
    }

    private void keys(CharSequence... keys) {
        browser.keys(keys);
    }
}
