package callguide.assist;

import callguide.account.Role;
import callguide.support.Browser;
import callguide.support.FakeChatModel;
import callguide.support.RunningApp;
import callguide.support.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** In a real browser: the outcome page says the summary is being written, then shows it without a reload. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SummaryBrowserTest {
    @AutoClose
    static final FakeChatModel model = FakeChatModel.start();
    @RegisterExtension
    static final RunningApp app = RunningApp.start(model.settings("fake-model"));
    Browser browser;

    @BeforeAll
    void start() {
        browser = Browser.start();
    }

    @AfterAll
    void stop() {
        if (browser != null) browser.close();
    }

    @Test
    void the_summary_being_written_appears_in_place_once_the_model_answers() {
        TestApp.Client bea = app.as("bea", Role.handler);
        model.hold();
        String id = SummaryOnceTest.signposted(bea);
        SummaryOnceTest.waitFor(() -> model.requestsFor("bea") == 1);

        browser.signIn(app.base(), "bea", TestApp.Client.password("bea"));
        browser.driver.get(app.base() + "/calls/" + id + "/outcome");
        browser.settle();
        assertTrue(browser.text("#summary-pending").contains("still writing its summary"));
        assertTrue(browser.text("#case-note").contains("Outcome: SIGNPOST_CM_OPTIONS"), "the case note does not wait");
        browser.assertAccessible("outcome with the summary being written");
        String url = browser.driver.getCurrentUrl();

        model.release();
        browser.until(d -> !d.findElements(By.id("model-summary")).isEmpty());
        assertEquals(FakeChatModel.SUMMARY, browser.driver.findElement(By.cssSelector("#model-summary p")).getText());
        assertTrue(browser.driver.findElements(By.id("summary-pending")).isEmpty());
        assertEquals(url, browser.driver.getCurrentUrl(), "no reload");
        assertEquals(1, model.requestsFor("bea"));
    }
}
