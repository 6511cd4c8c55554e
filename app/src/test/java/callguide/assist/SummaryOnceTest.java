package callguide.assist;

import callguide.support.FakeChatModel;
import callguide.support.PageSession;
import callguide.support.RunningApp;
import callguide.support.TestApp;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import static callguide.support.FakeChatModel.SUMMARY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The chat model's summary is written once, when the call reaches its outcome, and the outcome page only reads
 * it: several views ask the model once, and a model that fails, is slow or never answers neither slows nor
 * breaks the page.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SummaryOnceTest {
    @AutoClose
    static final FakeChatModel model = FakeChatModel.start();
    @RegisterExtension
    static final RunningApp app = RunningApp.start(model.settings("fake-model"));
    /** A second service whose model never answers, given a second to do it in. */
    @RegisterExtension
    static final RunningApp timingOut = RunningApp.start(with(model.settings("never-answers"), "CHAT_MODEL_TIMEOUT_SECONDS", "1"));

    static Map<String, String> with(Map<String, String> settings, String... more) {
        Map<String, String> all = new HashMap<>(settings);
        for (int i = 0; i < more.length; i += 2) all.put(more[i], more[i + 1]);
        return all;
    }

    /** A client's complaint only about Options, taken by this handler: its summary request names them. */
    static String signposted(TestApp.Client handler) {
        return handler.callAnswering("contact_route", "inbound_call", "region", "gb", "caller", "client",
                "staff_conduct", "no", "about_cm_options", "only");
    }

    @Test
    void several_views_of_the_outcome_page_ask_the_model_once_and_show_its_summary() throws Exception {
        TestApp.Client una = app.as("una");
        PageSession pages = una.pages();
        String id = signposted(una);
        String outcome = "/calls/" + id + "/outcome";

        HttpResponse<String> first = pages.get(outcome);
        assertEquals(200, first.statusCode());
        assertTrue(first.body().contains("id=\"case-note\""), "the case note is there at once");
        waitFor(() -> "written".equals(una.get("/api/calls/" + id + "/summary").field("/summaryState")));
        for (int view = 0; view < 3; view++) {
            HttpResponse<String> page = pages.get(outcome);
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("id=\"model-summary\""), "the kept summary is shown");
            assertTrue(page.body().contains(SUMMARY));
            assertFalse(page.body().contains("summary-pending"));
        }
        assertTrue(pages.get("/calls/" + id + "/summary").body().contains(SUMMARY), "the fragment shows the same summary");
        TestApp.Response api = una.get("/api/calls/" + id + "/summary");
        assertEquals("model", api.field("/summarisedBy"));
        assertEquals(SUMMARY, api.field("/summary"));

        assertEquals(1, model.requestsFor("una"), "one summary for the call, however often it is seen");
    }

    @Test
    void while_the_model_is_still_writing_the_page_shows_the_outcome_and_says_the_summary_is_coming() throws Exception {
        model.hold();
        try {
            TestApp.Client sol = app.as("sol");
            PageSession pages = sol.pages();
            String id = signposted(sol);
            waitFor(() -> model.requestsFor("sol") == 1); // the model has the request and is holding it

            long began = System.nanoTime();
            HttpResponse<String> page = pages.get("/calls/" + id + "/outcome");
            // A figure, not a check: how long the page took while the model sat on the summary.
            System.out.printf("outcome page while the model holds the summary request: %.1f ms%n", (System.nanoTime() - began) / 1e6);
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("Tell the client to contact"), "the outcome itself");
            assertTrue(page.body().contains("id=\"summary-pending\""), "the page says the summary is still being written");
            assertTrue(page.body().contains("hx-get=\"/calls/" + id + "/summary\""), "and fetches it when it is ready");
            assertFalse(page.body().contains("id=\"model-summary\""));
            assertEquals("pending", sol.get("/api/calls/" + id + "/summary").field("/summaryState"));
            assertTrue(pages.get("/calls/" + id + "/summary").body().contains("summary-pending"));

            model.release();
            waitFor(() -> pages.get("/calls/" + id + "/summary").body().contains("id=\"model-summary\""));
            assertEquals(1, model.requestsFor("sol"), "the page never asked the model again");
        } finally {
            model.answer();
        }
    }

    @Test
    void a_failing_model_leaves_no_summary_with_its_reason_and_the_normal_outcome_page() throws Exception {
        model.fail();
        try {
            TestApp.Client fay = app.as("fay");
            PageSession pages = fay.pages();
            String id = signposted(fay);
            waitFor(() -> "none".equals(fay.get("/api/calls/" + id + "/summary").field("/summaryState")));
            long asked = model.requestsFor("fay");

            HttpResponse<String> page = pages.get("/calls/" + id + "/outcome");
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("Tell the client to contact"));
            assertTrue(page.body().contains("id=\"case-note\""));
            assertFalse(page.body().contains("Summary by the chat model"), "no summary, and no promise of one");
            assertTrue(pages.get("/calls/" + id + "/summary").body().isBlank(), "the fragment removes the panel");
            TestApp.Response api = fay.get("/api/calls/" + id + "/summary");
            assertTrue(api.field("/detail").contains("The chat model did not answer."), api.text());
            assertEquals(asked, model.requestsFor("fay"), "a failure is kept: viewing the page does not ask again");
        } finally {
            model.answer();
        }
    }

    @Test
    void a_model_that_never_answers_times_out_in_the_background_and_the_page_never_waits_for_it() throws Exception {
        TestApp.Client tim = timingOut.as("tim");
        PageSession pages = tim.pages();
        String id = signposted(tim);

        HttpResponse<String> page = pages.get("/calls/" + id + "/outcome");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Tell the client to contact"));
        waitFor(() -> "none".equals(tim.get("/api/calls/" + id + "/summary").field("/summaryState")));
        TestApp.Response api = tim.get("/api/calls/" + id + "/summary");
        assertTrue(api.field("/detail").contains("did not answer within 1 seconds"), api.text());
        HttpResponse<String> after = pages.get("/calls/" + id + "/outcome");
        assertEquals(200, after.statusCode());
        assertFalse(after.body().contains("Summary by the chat model"));
    }

    @Test
    void a_staff_conduct_call_is_never_summarised_and_its_fragment_is_empty() throws Exception {
        TestApp.Client sid = app.as("sid");
        PageSession pages = sid.pages();
        String id = sid.callAnswering("contact_route", "inbound_call", "region", "gb", "caller", "client", "staff_conduct", "yes");
        HttpResponse<String> page = pages.get("/calls/" + id + "/outcome");
        assertEquals(200, page.statusCode());
        assertFalse(page.body().contains("Summary by the chat model"));
        assertTrue(pages.get("/calls/" + id + "/summary").body().isBlank());
        // A later call's summary is written after this one reached its outcome: none was asked for this one.
        String later = signposted(sid);
        waitFor(() -> "written".equals(sid.get("/api/calls/" + later + "/summary").field("/summaryState")));
        assertEquals(1, model.requestsFor("sid"));
        assertTrue(model.requests.stream().noneMatch(r -> r.contains("STAFF_CONDUCT")));
        // Nothing typed on it goes to the chat model either: its search offers the passages alone.
        int before = model.requests.size();
        HttpResponse<String> asked = pages.get("/calls/" + id + "/search?ask=" + java.net.URLEncoder.encode(
                "the officer Jane Smith shouted at me", java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(200, asked.statusCode());
        assertFalse(asked.body().contains("id=\"ask\""), "no question box on a staff-conduct complaint");
        assertEquals(before, model.requests.size());
        assertTrue(model.requests.stream().noneMatch(r -> r.contains("Jane Smith")));
    }

    @Test
    void another_handler_cannot_read_the_fragment_and_a_reviewer_can() {
        TestApp.Client ula = app.as("ula");
        String id = signposted(ula);
        waitFor(() -> "written".equals(ula.get("/api/calls/" + id + "/summary").field("/summaryState")));
        assertEquals(404, app.as("other").pages().get("/calls/" + id + "/summary").statusCode());
        HttpResponse<String> reviewer = app.reviewer().pages().get("/calls/" + id + "/summary");
        assertEquals(200, reviewer.statusCode());
        assertTrue(reviewer.body().contains(SUMMARY));
    }

    /** Waits for something written in the background; fails if it never comes. */
    static void waitFor(BooleanSupplier done) {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > until) throw new AssertionError("not written in the background within 30 seconds");
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
