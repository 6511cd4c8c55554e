package callguide.telephony;

import callguide.support.Browser;
import callguide.support.BrowserTest;
import callguide.support.RunningApp;
import callguide.support.TestApp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The live call as a handler meets it, at 1366x768 in a real browser: suggestions only from what the caller
 * said lately, muted when unsure, dates typed from the keyboard, yes on key 1, the script at the top of every
 * outcome, a checklist that keeps its ticks, internal text boxed off, and a transcript that shows its last line.
 */
@BrowserTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LiveCallBrowserTest {
    static final String HOTLINE = "+442079460000";

    @RegisterExtension
    static final RunningApp app = RunningApp.start(Map.of("PUBLIC_BASE_URL", Twilio.PUBLIC,
            "MP_HOTLINE_NUMBER", HOTLINE, "RESOLUTION_TEAM_GB_NUMBER", "+441610000001"));
    Browser browser;
    String base;

    @BeforeAll
    void start() {
        // "h1" is the handler the API's calls are started for, so this handler can open their outcomes.
        app.accounts().create("h1", callguide.account.Role.handler, TestApp.Client.password("h1"));
        base = app.base();
        browser = Browser.start();
        browser.signIn(base, "h1", TestApp.Client.password("h1"));
    }

    @AfterAll
    void stop() throws Exception {
        if (browser != null) browser.close();
    }

    @Test
    @Order(1)
    void a_suggestion_comes_from_what_the_caller_said_since_the_question_appeared_not_from_their_opening_line() {
        Twilio twilio = new Twilio(app, TestApp.TWILIO_TOKEN);
        String callSid = WarmTransferTest.sid();
        String id = twilio.inbound(callSid, "+441000000000");
        twilio.line(callSid, 2, "inbound_track", "No, this is new, I have never complained before.");
        for (int i = 3; i < 30; i++) twilio.line(callSid, i, "outbound_track", "Thank you, let me note that down: step " + i + ".");
        take(id);
        browser.awaitPath("/questions/region");

        // 8: the transcript opens on its newest line.
        assertLastLineShown();
        browser.press("1", "/questions/caller");
        browser.press("1", "/questions/staff_conduct");
        browser.press("2", "/questions/about_cm_options");
        browser.press("2", "/questions/case_closed_on");
        browser.keys("o", Keys.ENTER);
        browser.awaitPath("/questions/challenges_decision");
        browser.press("2", "/questions/effective_date_challenge");
        browser.press("2", "/questions/existing_complaint");

        // Only earlier speech so far: whatever is offered from it is marked as earlier and never High.
        if (!browser.driver.findElements(By.id("suggested")).isEmpty()) {
            assertFalse(browser.text("#suggested-confidence").startsWith("High"), browser.text("#suggested-confidence"));
            assertTrue(browser.driver.findElement(By.id("suggested-stale")).isDisplayed());
            // Sent with no answer chosen, the page comes back with its error and the suggestion exactly as uncertain.
            String before = browser.text("#suggested-confidence");
            browser.keys(Keys.ENTER);
            browser.until(d -> !d.findElements(By.cssSelector(".govuk-error-summary")).isEmpty());
            assertEquals(before, browser.text("#suggested-confidence"));
            assertTrue(browser.driver.findElement(By.id("suggested-stale")).isDisplayed(), "still marked as earlier speech");
        }

        twilio.line(callSid, 40, "inbound_track", "I rang last month about this and I'm still unhappy with how it was handled.");
        browser.until(d -> "unhappy_with_bau".equals(d.findElement(By.id("suggested")).getDomAttribute("data-suggested"))
                && d.findElement(By.id("suggested-evidence")).getText().contains("still unhappy"));
        assertTrue(browser.text("#suggested-evidence").contains("still unhappy"), browser.text("#suggested-evidence"));
        assertTrue(browser.text("#suggested-said").matches("\\d\\d:\\d\\d:\\d\\d"), "the evidence line's time: " + browser.text("#suggested-said"));
        assertTrue(browser.driver.findElements(By.id("suggested-stale")).isEmpty(), "said since the question appeared");
        assertTrue(label("unhappy_with_bau").getText().contains("Suggested"), "the suggestion is marked in the radio list");
        assertFalse(label("none").getText().contains("Suggested"));
        assertLastLineShown();
        browser.assertAccessible("question with a suggestion from the transcript");
        browser.screenshot("question-suggestion-from-transcript");
    }

    @Test
    @Order(2)
    void the_transcript_follows_new_lines_unless_the_handler_scrolls_up_and_then_offers_new_lines() {
        String callSid = WarmTransferTest.sid();
        Twilio twilio = new Twilio(app, TestApp.TWILIO_TOKEN);
        String id = twilio.inbound(callSid, "+441000000000");
        for (int i = 2; i < 30; i++) twilio.line(callSid, i, "inbound_track", "Opening line " + i + " about a payment that never arrived.");
        take(id);
        browser.awaitPath("/questions/region");
        assertLastLineShown();
        twilio.line(callSid, 30, "inbound_track", "A line said while the handler watches.");
        browser.until(d -> lines().size() == 29);
        assertLastLineShown();

        // The scroll event is handled at once, as a person's scrolling is, before the next line can arrive.
        browser.driver.executeScript("const s = document.querySelector('.callguide-transcript__scroll'); s.scrollTop = 0;"
                + " s.dispatchEvent(new Event('scroll'));");
        twilio.line(callSid, 31, "inbound_track", "A line said while the handler reads back.");
        browser.until(d -> d.findElement(By.id("transcript-new")).isDisplayed());
        Number top = (Number) browser.driver.executeScript("return document.querySelector('.callguide-transcript__scroll').scrollTop");
        assertEquals(0, top.intValue(), "reading back is not interrupted");
        browser.driver.findElement(By.id("transcript-new")).click();
        assertLastLineShown();
        browser.until(d -> !d.findElement(By.id("transcript-new")).isDisplayed());
    }

    @Test
    @Order(3)
    void a_low_confidence_suggestion_is_muted_shows_two_answers_and_a_does_not_choose_it() {
        String id = app.callAnswering("contact_route", "inbound_call", "region", "gb");
        browser.driver.get(base + "/calls/" + id + "/questions/caller");
        browser.settle();
        browser.driver.findElement(By.id("heard")).sendKeys("I want to talk about money.", Keys.ENTER);
        browser.until(d -> "low".equals(d.findElement(By.id("suggested")).getDomAttribute("data-level")));
        WebElement low = browser.driver.findElement(By.id("suggested"));
        assertTrue(low.getDomAttribute("class").contains("callguide-suggested--low"));
        assertEquals(2, low.findElements(By.cssSelector(".callguide-suggested__list li")).size(), "the top two answers");
        assertTrue(low.getText().contains("choose the answer yourself"), low.getText());
        assertFalse(low.getText().contains("Press A"), "no A below medium");
        String suggested = low.getDomAttribute("data-suggested");
        browser.driver.findElement(By.tagName("h1")).click();
        browser.keys("a");
        assertFalse(browser.driver.findElement(By.cssSelector("input[name=answer][value='" + suggested + "']")).isSelected(), "A chose nothing");
        assertTrue(label(suggested).getText().contains("Suggested"));
        browser.assertAccessible("question with a low-confidence suggestion");
        browser.screenshot("question-suggestion-low");

        browser.driver.findElement(By.id("heard")).clear();
        browser.driver.findElement(By.id("heard")).sendKeys("Hello, I'm calling about my case, I'm the paying parent.", Keys.ENTER);
        browser.until(d -> "high".equals(d.findElement(By.id("suggested")).getDomAttribute("data-level")));
        assertTrue(browser.driver.findElement(By.id("suggested")).getText().contains("Press A"));
        browser.driver.findElement(By.tagName("h1")).click();
        browser.keys("a");
        assertTrue(browser.driver.findElement(By.cssSelector("input[name=answer][value=client]")).isSelected(), "A chose the high-confidence suggestion");
    }

    @Test
    @Order(4)
    void a_date_typed_from_the_keyboard_lands_in_day_and_never_ticks_still_open() {
        String id = app.callAnswering("contact_route", "inbound_call", "region", "gb", "caller", "client", "staff_conduct", "no",
                "about_cm_options", "no");
        browser.driver.get(base + "/calls/" + id + "/questions/case_closed_on");
        browser.settle();
        assertEquals("answer-day", browser.driver.switchTo().activeElement().getDomAttribute("id"), "Day has the focus");
        assertTrue(browser.driver.findElements(By.cssSelector("input[data-key='1']")).isEmpty(), "no number key on a date question");
        assertTrue(browser.text("label[for=answer-empty]").startsWith("O"), browser.text("label[for=answer-empty]"));

        browser.driver.executeScript("document.activeElement.blur()");
        browser.keys("15062024");
        assertEquals("15", browser.driver.findElement(By.id("answer-day")).getDomProperty("value"));
        assertEquals("06", browser.driver.findElement(By.id("answer-month")).getDomProperty("value"));
        assertEquals("2024", browser.driver.findElement(By.id("answer-year")).getDomProperty("value"));
        assertFalse(browser.driver.findElement(By.id("answer-empty")).isSelected(), "still open is not ticked by digits");
        browser.keys(Keys.ENTER);
        browser.awaitPath("/questions/challenges_decision");
        assertTrue(app.get("/api/calls/" + id).text().contains("2024-06-15"), "the date is recorded, not an open case");
    }

    @Test
    @Order(5)
    void key_1_is_yes_and_key_2_is_no_on_every_yes_no_question() {
        List<String> seen = new ArrayList<>();
        // Through staff conduct, CM Options, the closed date, the decision, the effective date, an existing complaint,
        // whether an MP raised it, and resolving it now.
        String a = app.callAnswering("contact_route", "inbound_call", "region", "gb", "caller", "client");
        walk(a, seen, List.of("2", "2", "o", "2", "2", "2", "2", "2"));
        // A government department's agreement, and an employer's DEO payments.
        String b = app.callAnswering("contact_route", "inbound_call", "region", "gb", "caller", "government_department");
        walk(b, seen, List.of("2", "1"));
        String c = app.callAnswering("contact_route", "inbound_call", "region", "gb", "caller", "employer");
        walk(c, seen, List.of("2", "1"));
        assertTrue(seen.containsAll(List.of("staff_conduct", "about_cm_options", "challenges_decision", "effective_date_challenge",
                "existing_complaint", "mp_raised", "resolvable_now", "sla_process", "deo_payment")), "yes/no questions checked: " + seen);
    }

    @Test
    @Order(6)
    void on_each_outcome_say_this_is_on_the_first_screen_then_the_next_action_then_the_checklist() {
        Map<String, List<String>> outcomes = new java.util.LinkedHashMap<>();
        outcomes.put("mp-hotline", List.of("contact_route", "mp_hotline", "region", "gb", "caller", "mp_mla", "staff_conduct", "no", "mp_purpose", "complaint"));
        outcomes.put("crt-referral", List.of("contact_route", "inbound_call", "region", "gb", "caller", "client", "staff_conduct", "no",
                "about_cm_options", "no", "case_closed_on", "", "challenges_decision", "no", "effective_date_challenge", "no",
                "existing_complaint", "unhappy_with_bau", "bau_within_6_months", "yes", "mp_raised", "no"));
        outcomes.put("staff-conduct", List.of("contact_route", "inbound_call", "region", "gb", "caller", "client", "staff_conduct", "yes"));
        outcomes.put("formal-complaint", List.of("contact_route", "inbound_call", "region", "ni", "caller", "client", "staff_conduct", "no",
                "about_cm_options", "no", "case_closed_on", "", "challenges_decision", "no", "effective_date_challenge", "no",
                "existing_complaint", "none", "mp_raised", "no", "resolvable_now", "no"));
        outcomes.put("cm-options", List.of("contact_route", "inbound_call", "region", "gb", "caller", "client", "staff_conduct", "no",
                "about_cm_options", "only"));
        outcomes.put("ice", List.of("contact_route", "written", "region", "gb", "caller", "ice", "staff_conduct", "no",
                "ice_contact", "investigation"));
        for (Map.Entry<String, List<String>> o : outcomes.entrySet()) {
            String id = app.callAnswering(o.getValue().toArray(String[]::new));
            browser.driver.get(base + "/calls/" + id + "/outcome");
            browser.settle();
            Rectangle say = browser.driver.findElement(By.id("say")).getRect();
            assertTrue(say.getY() + say.getHeight() <= 768, o.getKey() + ": 'Say this' ends at " + (say.getY() + say.getHeight()) + " px");
            Rectangle title = browser.driver.findElement(By.tagName("h1")).getRect();
            Rectangle checklist = browser.driver.findElement(By.id("checklist")).getRect();
            assertTrue(title.getY() < say.getY() && say.getY() < checklist.getY(), o.getKey() + ": title, then say, then the checklist");
            if (!browser.driver.findElements(By.id("warm-transfer")).isEmpty()) {
                int transfer = browser.driver.findElement(By.id("warm-transfer")).getRect().getY();
                assertTrue(say.getY() < transfer && transfer < checklist.getY(), o.getKey() + ": the transfer comes between say and the checklist");
            }
            assertFalse(browser.text("h1").contains("_"), "the title is in words: " + browser.text("h1"));
            assertChecklistLabelsBesideTheirBoxes(o.getKey());
            assertInternalPanelIsSeparateAndWraps(o.getKey());
            browser.assertAccessible("outcome " + o.getKey());
            browser.screenshot("outcome-" + o.getKey());
            browser.firstScreen("outcome-" + o.getKey() + "-first-screen");
        }
    }

    @Test
    @Order(7)
    void ticks_on_the_checklist_survive_a_reload() {
        String id = app.callAnswering("contact_route", "mp_hotline", "region", "gb", "caller", "mp_mla", "staff_conduct", "no", "mp_purpose", "complaint");
        browser.driver.get(base + "/calls/" + id + "/outcome");
        browser.settle();
        browser.driver.findElement(By.cssSelector("label[for=action-1]")).click();
        browser.until(d -> browser.text("#ticks-status").equals("Ticks saved"));
        browser.driver.findElement(By.cssSelector("label[for=action-3]")).click();
        browser.until(d -> browser.text("#ticks-status").equals("Ticks saved")
                && app.get("/api/calls/" + id + "/events").text().split("\"ticked\"").length == 3);
        browser.driver.findElement(By.cssSelector("label[for=action-1]")).click();
        browser.until(d -> app.get("/api/calls/" + id + "/events").text().contains("\"unticked\""));
        browser.driver.navigate().refresh();
        browser.settle();
        assertFalse(browser.driver.findElement(By.id("action-1")).isSelected(), "untick kept");
        assertFalse(browser.driver.findElement(By.id("action-2")).isSelected());
        assertTrue(browser.driver.findElement(By.id("action-3")).isSelected(), "tick kept");
    }

    @Test
    @Order(8)
    void a_phone_call_that_comes_in_appears_on_your_calls_without_a_reload_with_take_call_as_the_main_button() {
        browser.driver.get(base + "/");
        browser.settle();
        Twilio twilio = new Twilio(app, TestApp.TWILIO_TOKEN);
        String id = twilio.inbound(WarmTransferTest.sid(), HOTLINE);
        browser.until(d -> !d.findElements(By.cssSelector("[data-waiting='" + id + "']")).isEmpty());
        WebElement row = browser.driver.findElement(By.cssSelector("[data-waiting='" + id + "']"));
        assertTrue(row.getText().contains("MP/MLA hotline"), row.getText());
        assertTrue(row.findElement(By.cssSelector("[data-waited]")).getText().matches("\\d+:\\d\\d"), "the wait time is shown");
        String take = row.findElement(By.tagName("button")).getDomAttribute("class");
        assertFalse(take.contains("govuk-button--secondary"), "Take call is the primary button: " + take);
        assertTrue(browser.driver.findElement(By.id("start-call")).getDomAttribute("class").contains("govuk-button--secondary"));
        browser.assertAccessible("your calls with a call waiting");
        browser.screenshot("home-call-waiting");
    }

    @Test
    @Order(9)
    void a_call_ended_without_an_outcome_leaves_the_handlers_list_and_supervisors_see_why() {
        browser.driver.get(base + "/");
        browser.settle();
        browser.driver.findElement(By.id("start-call")).click();
        browser.awaitPath("/questions/contact_route");
        String id = browser.driver.getCurrentUrl().replaceAll(".*/calls/([^/]+)/.*", "$1");
        browser.driver.findElement(By.cssSelector("#end-call summary")).click();
        browser.driver.findElement(By.id("end-call-button")).click();
        // The same question again, with the error summary and the end-call section open at the reason.
        browser.until(d -> !d.findElements(By.cssSelector(".govuk-error-summary")).isEmpty());
        browser.settle();
        assertTrue(browser.text(".govuk-error-summary").contains("Choose why you are ending the call"));
        assertTrue(browser.driver.getCurrentUrl().contains("/calls/" + id), browser.driver.getCurrentUrl());
        assertTrue(browser.text("#end-reason-error").contains("Choose why you are ending the call"));
        assertTrue(browser.driver.findElements(By.id("answer-error")).isEmpty(), "the question itself is not marked wrong");
        assertTrue(browser.driver.findElement(By.id("end-call")).getDomProperty("open").equals("true"), "the section is open");
        browser.assertAccessible("the end-call error");
        browser.driver.findElement(By.cssSelector("label[for=end-test]")).click();
        browser.driver.findElement(By.id("end-call-button")).click();
        browser.awaitPath("/?ended=");
        assertTrue(browser.text("#call-ended").contains("Call ended"));
        assertFalse(browser.driver.getPageSource().contains("/calls/" + id + "\""), "the call has left the handler's list");
        assertTrue(app.get("/api/calls/" + id + "/events").text().contains("\"ended\""));

        app.accounts().create("sam", callguide.account.Role.supervisor, "sam-password-1");
        browser.signIn(base, "sam", "sam-password-1");
        browser.driver.get(base + "/review?status=ended");
        browser.settle();
        assertTrue(browser.text("tr[data-call='" + id + "']").contains("Ended without an outcome"));
        browser.driver.get(base + "/review/calls/" + id);
        browser.settle();
        assertTrue(browser.text(".moj-timeline").contains("Call ended without an outcome"));
        assertTrue(browser.text(".moj-timeline").contains("A test call"));
        browser.signIn(base, "h1", TestApp.Client.password("h1"));
    }

    // --- helpers ---------------------------------------------------------------------------------

    /** Answers the questions of a call from the keyboard, checking the keys of each yes/no question on the way. */
    private void walk(String id, List<String> seen, List<String> keys) {
        browser.driver.get(base + "/calls/" + id);
        browser.settle();
        for (String key : keys) {
            String url = browser.driver.getCurrentUrl();
            String question = url.replaceAll(".*/questions/", "");
            List<WebElement> radios = browser.driver.findElements(By.cssSelector("input[name=answer][type=radio]"));
            List<String> labels = radios.stream().map(r -> browser.text("label[for='" + r.getDomAttribute("id") + "']").replaceFirst("^\\d\\s*", "")).toList();
            boolean yes = labels.stream().anyMatch(l -> l.matches("(?s)Yes\\b.*"));
            boolean no = labels.stream().anyMatch(l -> l.matches("(?s)No\\b.*"));
            if (no) {
                seen.add(question);
                assertTrue(labels.get(1).matches("(?s)No\\b.*"), question + ": key 2 is " + labels.get(1));
                if (yes) assertTrue(labels.get(0).matches("(?s)Yes\\b.*"), question + ": key 1 is " + labels.get(0));
                assertEquals("2", radios.get(1).getDomAttribute("data-key"));
            }
            browser.keys(key, Keys.ENTER);
            browser.until(d -> !d.getCurrentUrl().equals(url));
            browser.settle();
        }
    }

    private void assertChecklistLabelsBesideTheirBoxes(String outcome) {
        for (WebElement item : browser.driver.findElements(By.cssSelector("#checklist .govuk-checkboxes__item"))) {
            Rectangle box = item.findElement(By.cssSelector("input")).getRect();
            Rectangle label = item.findElement(By.cssSelector("label")).getRect();
            assertTrue(label.getX() >= box.getX() + box.getWidth() - 1, outcome + ": label starts right of its box: " + label.getX() + " vs " + box.getX());
            assertTrue(label.getY() < box.getY() + box.getHeight() && box.getY() < label.getY() + label.getHeight(),
                    outcome + ": label on the same row as its box: " + item.getText());
        }
    }

    private void assertInternalPanelIsSeparateAndWraps(String outcome) {
        List<WebElement> internal = browser.driver.findElements(By.id("internal"));
        if (internal.isEmpty()) return;
        WebElement panel = internal.get(0);
        assertTrue(Double.parseDouble(panel.getCssValue("border-top-width").replace("px", "")) > 0, outcome + ": the internal panel has a border");
        assertTrue(panel.findElements(By.id("say")).isEmpty(), outcome + ": the script is not inside the internal panel");
        assertTrue(panel.findElement(By.cssSelector(".govuk-warning-text")).getText().contains("Internal: never give this to a client"),
                outcome + ": the panel opens with GOV.UK warning text");
        Rectangle say = browser.driver.findElement(By.id("say")).getRect();
        assertTrue(panel.getRect().getY() > say.getY() + say.getHeight() + 100, outcome + ": the internal panel is away from the script");
        browser.viewport(Browser.PHONE);
        try {
            Number overflow = (Number) browser.driver.executeScript(
                    "const p = document.getElementById('internal'); return p.scrollWidth - p.clientWidth");
            assertEquals(0, overflow.intValue(), outcome + ": internal text wraps at 390 px");
        } finally {
            browser.viewport(Browser.DESKTOP);
        }
    }

    private void assertLastLineShown() {
        browser.until(d -> Boolean.TRUE.equals(browser.driver.executeScript("""
                const s = document.querySelector('.callguide-transcript__scroll');
                const last = s.querySelector('li:last-child').getBoundingClientRect();
                const box = s.getBoundingClientRect();
                return last.bottom <= box.bottom + 1 && last.top >= box.top - 1;""")));
    }

    private List<WebElement> lines() {
        return browser.driver.findElements(By.cssSelector("#transcript-lines li"));
    }

    private WebElement label(String option) {
        String inputId = browser.driver.findElement(By.cssSelector("input[name=answer][value='" + option + "']")).getDomAttribute("id");
        return browser.driver.findElement(By.cssSelector("label[for='" + inputId + "']"));
    }

    private void take(String callId) {
        browser.driver.get(base + "/");
        browser.settle();
        WebElement row = browser.driver.findElement(By.cssSelector("[data-waiting='" + callId + "']"));
        row.findElement(By.tagName("button")).click();
    }
}
