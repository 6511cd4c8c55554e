package callguide.telephony;

import callguide.account.Accounts;
import callguide.account.Role;
import callguide.support.Browser;
import callguide.support.BrowserTest;
import callguide.support.RunningApp;
import callguide.support.TestApp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import static callguide.telephony.Twilio.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Phone calls on the handler's and the supervisor's screens, in a real browser: the live transcript,
 * the warm transfer with and without Twilio, and the transcript in the timeline.
 */
@BrowserTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PhoneScreensBrowserTest {
    static final String HOTLINE = "+442079460000";
    static final String GB_TEAM = "+441610000001";

    /** Closed after the services stop. */
    @AutoClose
    static final TwilioRecorder recorder = TwilioRecorder.start();
    @RegisterExtension
    static final RunningApp withoutTwilio = RunningApp.start(Map.of("PUBLIC_BASE_URL", Twilio.PUBLIC,
            "MP_HOTLINE_NUMBER", HOTLINE, "RESOLUTION_TEAM_GB_NUMBER", GB_TEAM));
    @RegisterExtension
    static final RunningApp withTwilio = RunningApp.start(Map.ofEntries(
            Map.entry("TWILIO_ACCOUNT_SID", WarmTransferTest.ACCOUNT), Map.entry("TWILIO_AUTH_TOKEN", Twilio.TOKEN),
            Map.entry("TWILIO_API_BASE_URL", recorder.baseUrl()), Map.entry("PUBLIC_BASE_URL", Twilio.PUBLIC),
            Map.entry("MP_HOTLINE_NUMBER", HOTLINE), Map.entry("HANDLER_NUMBER", "+442079460001"),
            Map.entry("RESOLUTION_TEAM_GB_NUMBER", GB_TEAM), Map.entry("RESOLUTION_TEAM_NUMBERS", "scotland=+441410000003")));
    Browser browser;
    String transferredCall;

    @BeforeAll
    void start() {
        for (TestApp app : List.of(withoutTwilio, withTwilio)) {
            Accounts accounts = app.accounts();
            accounts.create("alice", Role.handler, "alice-password-1");
            accounts.create("sam", Role.supervisor, "sam-password-1");
        }
        browser = Browser.start();
    }

    @AfterAll
    void stop() throws Exception {
        if (browser != null) browser.close();
    }

    @Test
    @Order(1)
    void a_phone_call_shows_what_is_said_beside_the_question_and_new_lines_arrive_live() {
        Twilio twilio = new Twilio(withoutTwilio, TestApp.TWILIO_TOKEN);
        String callSid = WarmTransferTest.sid();
        String id = twilio.inbound(callSid, HOTLINE);
        twilio.line(callSid, 2, "outbound_track", "Child Maintenance Service, how can I help?");
        twilio.line(callSid, 3, "inbound_track", "I am calling from an MP's office");

        take(withoutTwilio, id);
        browser.awaitPath("/calls/" + id + "/questions/region");
        assertEquals(List.of("You: Child Maintenance Service, how can I help?", "Caller: I am calling from an MP's office"), said());
        browser.assertAccessible("question with transcript");
        browser.screenshot("question-with-transcript");

        twilio.line(callSid, 5, "inbound_track", "She has had no reply");
        browser.until(d -> said().size() == 3);
        twilio.line(callSid, 4, "outbound_track", "Which constituent is it?");
        browser.until(d -> said().size() == 4);
        assertEquals(List.of("2", "3", "4", "5"), browser.driver.findElements(By.cssSelector("#transcript-lines li")).stream()
                .map(li -> li.getDomAttribute("data-sequence")).toList(), "a late line is placed by its sequence");
        assertEquals("You: Which constituent is it?", said().get(2));

        toTransferOutcome();
        assertTrue(browser.text("#transcript").contains("She has had no reply"), "the transcript stays on the outcome page");
        assertTrue(browser.driver.findElements(By.id("start-transfer")).isEmpty(), "no transfer button without Twilio");
        assertTrue(browser.text("#transfer-unavailable").contains("not connected to the phone system"));
        assertFalse(browser.text("#warm-transfer").contains("TWILIO"), "no setting names on the handler's screen");
        assertEquals(GB_TEAM, browser.text("#manual-team-number"));
        assertTrue(browser.text("#manual-referral").contains("refer the contact to the Complaints Resolution Team"));
        browser.assertAccessible("outcome with manual transfer");
        browser.screenshot("outcome-transfer-manual");
    }

    @Test
    @Order(2)
    void a_staff_conduct_phone_call_shows_no_transcript() {
        Twilio twilio = new Twilio(withoutTwilio, TestApp.TWILIO_TOKEN);
        String callSid = WarmTransferTest.sid();
        String id = twilio.inbound(callSid, "+441000000000");
        twilio.line(callSid, 2, "inbound_track", "It is about one of your staff");
        take(withoutTwilio, id);
        browser.awaitPath("/questions/region");
        assertTrue(browser.text("#transcript").contains("It is about one of your staff"));
        browser.press("1", "/questions/caller");
        browser.press("1", "/questions/staff_conduct");
        browser.press("1", "/check");
        browser.keys(Keys.ENTER);
        browser.awaitPath("/outcome");
        assertEquals("STAFF_CONDUCT_CONFIDENTIAL", browser.text("#outcome-code"));
        assertTrue(browser.driver.findElements(By.id("transcript")).isEmpty(), "nothing of what was said is shown");
        assertFalse(browser.driver.getPageSource().contains("one of your staff"));
    }

    @Test
    @Order(3)
    void the_transfer_button_calls_the_team_and_a_busy_line_shows_the_failure_and_the_manual_referral() throws Exception {
        Twilio twilio = new Twilio(withTwilio);
        String callSid = WarmTransferTest.sid();
        transferredCall = twilio.inbound(callSid, HOTLINE);
        twilio.handlerAnswers(callSid, WarmTransferTest.sid());
        twilio.line(callSid, 2, "inbound_track", "I am calling for a constituent");
        take(withTwilio, transferredCall);
        browser.awaitPath("/questions/region");
        toTransferOutcome();
        browser.assertAccessible("outcome with transfer button");
        assertTrue(browser.driver.findElement(By.id("transfer-team-gb")).isSelected(), "the GB team unless the handler picks another");
        browser.screenshot("outcome-transfer-button");

        browser.driver.findElement(By.id("start-transfer")).click();
        browser.until(d -> browser.text("#transfer-status").startsWith("Dialling"));
        List<TwilioRecorder.Recorded> sent = recorder.await(3);
        assertEquals(GB_TEAM, sent.get(2).one("To"), "the team is dialled into the briefing");
        browser.screenshot("outcome-transfer-dialling");

        String path = "/twilio/conference?call=" + transferredCall;
        Map<String, String> busy = params("CallSid", TwilioRecorder.TEAM_LEG, "CallStatus", "busy", "AccountSid", WarmTransferTest.ACCOUNT);
        assertEquals(204, twilio.send(path, busy, Map.of("X-Twilio-Signature", Twilio.signature(Twilio.TOKEN, Twilio.PUBLIC + path, busy))).status());
        browser.until(d -> !d.findElements(By.id("transfer-failed")).isEmpty());
        assertTrue(browser.text("#transfer-failed").contains("the team's line was busy"), browser.text("#transfer-failed"));
        assertTrue(browser.text("#transfer-failed").contains("The caller is back with you"));
        assertEquals(GB_TEAM, browser.text("#manual-team-number"));
        assertTrue(browser.driver.findElement(By.id("retry-transfer")).isDisplayed(), "the handler may try again");
        browser.assertAccessible("outcome after a failed transfer");
        browser.screenshot("outcome-transfer-failed");
    }

    @Test
    @Order(4)
    void the_supervisor_sees_what_was_said_beside_the_steps_and_the_transfer() {
        browser.signIn(base(withTwilio), "sam", "sam-password-1");
        browser.driver.get(base(withTwilio) + "/review/calls/" + transferredCall);
        browser.settle();
        String timeline = browser.text(".moj-timeline");
        assertTrue(timeline.contains("Said on the call"), timeline);
        assertTrue(timeline.contains("Caller: I am calling for a constituent"), timeline);
        assertTrue(timeline.contains("Warm transfer failed"), timeline);
        assertTrue(timeline.contains("Reason: busy"), timeline);
        assertTrue(timeline.indexOf("Is the case in Great Britain or Northern Ireland?") < timeline.indexOf("Warm transfer started"));
        browser.assertAccessible("timeline with transcript");
        browser.screenshot("timeline-phone-call");
    }

    /** The handler signs in and takes the waiting phone call from their list. */
    private void take(TestApp app, String callId) {
        browser.signIn(base(app), "alice", "alice-password-1");
        WebElement row = browser.driver.findElement(By.cssSelector("tr[data-waiting='" + callId + "']"));
        assertTrue(row.getText().contains("MP/MLA hotline") || row.getText().contains("Complaints line"));
        row.findElement(By.tagName("button")).click();
    }

    /** Great Britain, an MP, a complaint for a constituent: the warm transfer outcome. */
    private void toTransferOutcome() {
        browser.press("1", "/questions/caller");
        browser.press("3", "/questions/staff_conduct");
        browser.press("2", "/questions/mp_purpose");
        browser.press("1", "/check");
        browser.keys(Keys.ENTER);
        browser.awaitPath("/outcome");
        assertEquals("WARM_TRANSFER_RESOLUTION_TEAM", browser.text("#outcome-code"));
    }

    private List<String> said() {
        return browser.driver.findElements(By.cssSelector("#transcript-lines li")).stream().map(WebElement::getText).toList();
    }

    private static String base(TestApp app) {
        return app.base();
    }
}
