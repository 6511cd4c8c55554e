package callguide.casework;

import callguide.account.Role;
import callguide.support.Browser;
import callguide.support.BrowserTest;
import callguide.support.RunningApp;
import callguide.support.TestApp;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CRT's journeys in a real browser, each page checked with axe-core. */
@BrowserTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResolutionBrowserTest {
    @RegisterExtension
    static final RunningApp app = RunningApp.start();
    Browser browser;
    CaseClient api;

    @BeforeAll
    void start() {
        api = CaseClient.as(app, "casey", Role.resolution_caseworker);
        app.as("casey", Role.resolution_caseworker).token();
        app.as("lee", Role.resolution_team_leader).token();
        app.as("carl", Role.resolution_caseworker).token();
        browser = Browser.start();
    }

    @AfterAll
    void stop() throws Exception {
        if (browser != null) browser.close();
    }

    private void signIn(Browser b, String user) {
        b.driver.manage().deleteAllCookies();
        // Not Browser.signIn: on a busy machine a password check can take longer than its ten seconds.
        b.driver.get(app.base() + "/sign-in");
        b.settle();
        b.driver.findElement(By.id("username")).sendKeys(user);
        b.driver.findElement(By.id("password")).sendKeys(TestApp.Client.password(user), org.openqa.selenium.Keys.ENTER);
        new WebDriverWait(b.driver, java.time.Duration.ofSeconds(60)).until(d -> !d.getCurrentUrl().contains("/sign-in"));
        b.settle();
    }

    /** Opens the move's form, fills it, confirms every SR value and task, sends it and waits for the page after. */
    static void record(Browser b, String move, Map<String, String> fields) {
        b.settle();
        WebElement send = null;
        for (int attempt = 1; send == null; attempt++) {
            try {
                send = fill(b, move, fields);
            } catch (org.openqa.selenium.WebDriverException e) {
                // The page was still being replaced under the driver: find the form again.
                if (attempt == 3) throw e;
                b.settle();
            }
        }
        send.click();
        // Chrome may answer a look at a node mid-navigation with an inspector error rather than "stale": ask again.
        new WebDriverWait(b.driver, java.time.Duration.ofSeconds(60)).ignoring(org.openqa.selenium.WebDriverException.class)
                .until(ExpectedConditions.stalenessOf(send));
        b.settle();
    }

    private static WebElement fill(Browser b, String move, Map<String, String> fields) {
        WebElement details = b.driver.findElement(By.id("move-" + move));
        if (details.getAttribute("open") == null) details.findElement(By.tagName("summary")).click();
        fields.forEach((field, value) -> {
            WebElement input = b.driver.findElement(By.id(move + "-" + field));
            if (input.getTagName().equals("fieldset")) {
                input.findElement(By.cssSelector("input[value='" + value + "']")).click();
            } else {
                input.clear();
                input.sendKeys(value);
            }
        });
        details.findElements(By.cssSelector("input[name=done]")).forEach(c -> { if (!c.isSelected()) c.click(); });
        return details.findElement(By.cssSelector("button[data-move]"));
    }

    static Map<String, String> f(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
        return m;
    }

    @Test
    void aWarmTransferArrivesWithItsScreenPopAndTheMpIsAuthenticated() {
        String call = CaseClient.guidedCall(app, CaseClient.MP_COMPLAINT_BY_PHONE);
        app.post("/api/calls/" + call + "/notes", "{\"text\":\"MP says the arrears figure has been wrong since May\"}");
        signIn(browser, "casey");
        browser.driver.get(app.base() + "/cases");
        browser.settle();
        browser.assertAccessible("queue with a transfer waiting");
        browser.driver.findElement(By.cssSelector("button[data-call='" + call + "']")).click();
        browser.awaitPath("/cases/");
        String pop = browser.text("#screen-pop");
        assertTrue(pop.contains("Warm transfer the MP to the regional Complaints Resolution Team"), "the outcome by its title: " + pop);
        assertTrue(browser.text("#case-note").contains("Outcome: WARM_TRANSFER_RESOLUTION_TEAM"), "the call's case note");
        assertTrue(pop.contains("MP says the arrears figure has been wrong since May"), "the handler's note came with the transfer");
        assertTrue(browser.text("#guided-path").contains("A call on the MP/MLA hotline"), "the guided path so far");
        assertTrue(!browser.text("#guided-path").contains("{MP}"), "in the call's own terms");
        assertTrue(browser.text("#mp-auth").contains("not yet authenticated"));
        browser.assertAccessible("case page on a warm transfer");
        browser.screenshot("crt-case-transfer");
        record(browser, "authenticate_mp", f("how_authenticated", "Security questions per MP Enquiries"));
        assertTrue(browser.text("#mp-auth").contains("MP authenticated"), browser.text("#mp-auth"));
        record(browser, "acknowledge", f("parties", "The MP and both clients", "acknowledged_by", "phone"));
        assertEquals("Acknowledged", browser.text("#stage"));
    }

    @Test
    void aCaseworkerWorksACaseToActionsCompleteClientOk() {
        String id = api.manual(ResolutionApiTest.manualFor("gb")).field("/id");
        signIn(browser, "casey");
        browser.driver.get(app.base() + "/cases/" + id);
        browser.settle();
        browser.assertAccessible("a new case");
        assertTrue(browser.driver.getPageSource().contains("Sources: Complaint resolution process (002), \""),
                "each move's sources name 002 in words");
        record(browser, "acknowledge", f("parties", "Both clients", "acknowledged_by", "phone"));
        record(browser, "resolvable_now", f());
        record(browser, "sr_set_up", f("sr_number", "1-2345", "dissatisfaction_sr", "1-1111", "dissatisfaction_within_6_months", "yes",
                "addressee", "CMG", "parliamentary_contact_involved", "no", "complaint_details", "Arrears wrong",
                "root_cause", "Human Error"));
        record(browser, "plan_discussed", f("review", "Reviewed the notes", "discussed_with", "Client"));
        record(browser, "further_action", f("referral_update", "Asked BAU to recheck arrears"));
        assertTrue(browser.text("#clocks").contains("2026-12-12"), "the 15-day date");
        record(browser, "bau_review_returned", f("bau_review", "Arrears corrected"));
        record(browser, "plan_drafted", f("reasons", "Arrears wrong", "actions", "Correct arrears by 2026-12-05"));
        record(browser, "client_agrees_plan", f("due_dates", "2026-12-05"));
        browser.assertAccessible("undertaking actions");
        record(browser, "actions_done", f("actions_taken", "Arrears corrected; child SR closed"));
        record(browser, "client_agrees_close", f("closed_by_phone", "yes"));
        assertEquals("Actions Complete – Client Ok", browser.text("#resolution-code"));
        assertTrue(browser.text("#clocks").contains("Met: stopped 2026-11-27"));
        browser.assertAccessible("a closed case");
        browser.driver.get(app.base() + "/cases");
        browser.settle();
        browser.screenshot("crt-queue");
        browser.driver.get(app.base() + "/cases/reports");
        browser.settle();
        browser.assertAccessible("reports");
        assertTrue(browser.text("#share").startsWith("100%"), browser.text("#share"));
    }

    @Test
    void aTeamLeaderApprovesAPayment() {
        String id = api.manual(ResolutionApiTest.manualFor("ni")).field("/id");
        api.moveNow(id, "acknowledge", Map.of("parties", "both clients", "acknowledged_by", "phone"));
        api.moveNow(id, "resolvable_now", Map.of());
        api.moveNow(id, "sr_set_up", Map.of("sr_number", "1-234", "dissatisfaction_sr", "1-111",
                "dissatisfaction_within_6_months", "yes", "addressee", "CMG", "parliamentary_contact_involved", "no",
                "complaint_details", "late payments", "root_cause", "System Error"));
        api.moveNow(id, "plan_discussed", Map.of("review", "checked", "discussed_with", "client"));
        api.moveNow(id, "further_action", Map.of("referral_update", "needs BAU review"));
        api.moveNow(id, "bau_review_returned", Map.of("bau_review", "arrears wrong"));
        api.moveNow(id, "plan_for_approval", Map.of("reasons", "r", "actions", "a", "amount", "75.00"));
        signIn(browser, "lee");
        browser.driver.get(app.base() + "/cases/approvals");
        browser.settle();
        browser.assertAccessible("approvals inbox");
        browser.driver.findElement(By.cssSelector("#payments a[href='/cases/" + id + "']")).click();
        browser.awaitPath("/cases/" + id);
        record(browser, "tl_approves", f("amount", "75.00", "comments", "Within my authority"));
        assertEquals("Payment approved, back with the caseworker", browser.text("#stage"));
        assertTrue(browser.text("#history").contains("lee: Team leader approves the payment"));
    }

    /** Casey in this test's browser and Carl in another, both on the case's page. */
    private Browser bothOn(String id) {
        Browser other = Browser.start();
        signIn(browser, "casey");
        signIn(other, "carl");
        browser.driver.get(app.base() + "/cases/" + id);
        other.driver.get(app.base() + "/cases/" + id);
        browser.settle();
        other.settle();
        return other;
    }

    @Test
    void twoBrowsersEditOneCaseAndTheSecondKeepsWhatItTyped() {
        String id = api.manual(ResolutionApiTest.manualFor("gb")).field("/id");
        try (Browser other = bothOn(id)) {
            record(browser, "log_call_attempt", f("called", "Client", "result", "no answer"));
            record(other, "log_call_attempt", f("called", "The other client", "result", "voicemail", "note", "Left a message at 10:05"));
            assertTrue(other.text("#conflict").contains("changed"), "the second person is told the case changed");
            assertEquals("Left a message at 10:05", other.driver.findElement(By.id("log_call_attempt-note")).getAttribute("value"));
            assertEquals("The other client", other.driver.findElement(By.id("log_call_attempt-called")).getAttribute("value"));
            assertTrue(other.text("#history").contains("casey: Call attempt logged"), "the case as it now is");
            other.assertAccessible("the conflict page");
            record(other, "log_call_attempt", f());
            assertTrue(other.text("#history").contains("carl: Call attempt logged"), "sent again, it is recorded");
        }
    }

    /** The first person's move took the case on, so the second's form is gone: what they typed is still shown. */
    @Test
    void whatTheSecondTypedForAMoveThatNoLongerAppliesIsShownBack() {
        Map<String, Object> manual = ResolutionApiTest.manualFor("gb");
        manual.put("iceNotice", true);
        String id = api.manual(manual).field("/id");
        try (Browser other = bothOn(id)) {
            assertTrue(browser.text("#ice-mailbox").contains("@"), "the internal ICE team's address, for the step-47 notice");
            record(browser, "acknowledge", f("parties", "Mrs Jones", "acknowledged_by", "phone"));
            record(other, "acknowledge", f("parties", "Mr and Mrs Jones, and their MP", "acknowledged_by", "in writing"));
            assertTrue(other.text("#conflict").contains("no longer applies"), other.text("#conflict"));
            assertTrue(other.text("#kept").contains("Mr and Mrs Jones, and their MP"), "what the second person typed");
            assertTrue(other.text("#kept").contains("Who was acknowledged (each client, and the MP where there is one)"),
                    "under its whole label");
            assertEquals("Acknowledged", other.text("#stage"));
            other.assertAccessible("the conflict page with a move that no longer applies");
        }
    }
}
