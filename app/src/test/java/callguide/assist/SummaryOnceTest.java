package callguide.assist;

import callguide.support.PageSession;
import callguide.support.TestApp;
import callguide.support.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The chat model's summary is written once, when the call reaches its outcome, and the outcome page only reads
 * it: several views ask the model once, and a model that fails, is slow or never answers neither slows nor
 * breaks the page. The model is a local OpenAI-compatible endpoint; what it does depends on the model name the
 * service was given and, for {@code fake-model}, on {@link #behaviour}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SummaryOnceTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String SUMMARY = "The client complained about Child Maintenance Options only and was told to contact them directly.";

    enum Behaviour { answer, fail, hold }

    final List<String> summaryRequests = new CopyOnWriteArrayList<>();
    volatile Behaviour behaviour = Behaviour.answer;
    volatile CountDownLatch held = new CountDownLatch(0);
    final CountDownLatch stopping = new CountDownLatch(1);
    ExecutorService modelThreads;
    HttpServer model;
    TestApp app;
    TestApp timingOut;

    @BeforeAll
    void start() throws Exception {
        model = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        modelThreads = Executors.newCachedThreadPool();
        model.setExecutor(modelThreads); // a held request must not hold up the others
        model.createContext("/v1/chat/completions", exchange -> {
            JsonNode request = JSON.readTree(exchange.getRequestBody());
            String user = request.toString();
            summaryRequests.add(user);
            int status = 200;
            if (request.path("model").asText().equals("never-answers")) {
                await(stopping);
            } else if (behaviour == Behaviour.fail) {
                status = 500;
            } else if (behaviour == Behaviour.hold) {
                await(held);
            }
            byte[] body = JSON.writeValueAsBytes(Map.of("id", "chatcmpl-1", "object", "chat.completion", "created", 1, "model", "fake",
                    "choices", List.of(Map.of("index", 0, "finish_reason", "stop", "message",
                            Map.of("role", "assistant", "content", JSON.writeValueAsString(Map.of("summary", SUMMARY))))),
                    "usage", Map.of("prompt_tokens", 10, "completion_tokens", 10, "total_tokens", 20)));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            try {
                exchange.sendResponseHeaders(status, body.length);
                exchange.getResponseBody().write(body);
            } catch (java.io.IOException gone) {
                // the service stopped waiting (its timeout) and closed the connection
            }
            exchange.close();
        });
        model.start();
        String url = "http://127.0.0.1:" + model.getAddress().getPort() + "/v1";
        app = TestApp.start(Map.of("DATABASE_URL", TestDatabase.freshUrl(), "CHAT_MODEL_BASE_URL", url, "CHAT_MODEL_NAME", "fake-model"));
        timingOut = TestApp.start(Map.of("DATABASE_URL", TestDatabase.freshUrl(), "CHAT_MODEL_BASE_URL", url,
                "CHAT_MODEL_NAME", "never-answers", "CHAT_MODEL_TIMEOUT_SECONDS", "1"));
    }

    @AfterAll
    void stop() throws Exception {
        stopping.countDown();
        held.countDown();
        app.close();
        timingOut.close();
        model.stop(0);
        modelThreads.shutdownNow();
    }

    /** A client's complaint only about Options, taken by this handler: its summary request names them. */
    static String signposted(TestApp.Client handler) {
        return handler.callAnswering("contact_route", "inbound_call", "region", "gb", "caller", "client",
                "staff_conduct", "no", "about_cm_options", "only");
    }

    long requestsFor(String handler) {
        return summaryRequests.stream().filter(r -> r.contains("handled by " + handler + ".")).count();
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

        assertEquals(1, requestsFor("una"), "one summary for the call, however often it is seen");
    }

    @Test
    void while_the_model_is_still_writing_the_page_shows_the_outcome_and_says_the_summary_is_coming() throws Exception {
        held = new CountDownLatch(1);
        behaviour = Behaviour.hold;
        try {
            TestApp.Client sol = app.as("sol");
            PageSession pages = sol.pages();
            String id = signposted(sol);
            waitFor(() -> requestsFor("sol") == 1); // the model has the request and is holding it

            HttpResponse<String> page = pages.get("/calls/" + id + "/outcome");
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("Tell the client to contact"), "the outcome itself");
            assertTrue(page.body().contains("id=\"summary-pending\""), "the page says the summary is still being written");
            assertTrue(page.body().contains("hx-get=\"/calls/" + id + "/summary\""), "and fetches it when it is ready");
            assertFalse(page.body().contains("id=\"model-summary\""));
            assertEquals("pending", sol.get("/api/calls/" + id + "/summary").field("/summaryState"));
            assertTrue(pages.get("/calls/" + id + "/summary").body().contains("summary-pending"));

            held.countDown();
            waitFor(() -> pages.get("/calls/" + id + "/summary").body().contains("id=\"model-summary\""));
            assertEquals(1, requestsFor("sol"), "the page never asked the model again");
        } finally {
            held.countDown();
            behaviour = Behaviour.answer;
        }
    }

    @Test
    void a_failing_model_leaves_no_summary_with_its_reason_and_the_normal_outcome_page() throws Exception {
        behaviour = Behaviour.fail;
        try {
            TestApp.Client fay = app.as("fay");
            PageSession pages = fay.pages();
            String id = signposted(fay);
            waitFor(() -> "none".equals(fay.get("/api/calls/" + id + "/summary").field("/summaryState")));
            long asked = requestsFor("fay");

            HttpResponse<String> page = pages.get("/calls/" + id + "/outcome");
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("Tell the client to contact"));
            assertTrue(page.body().contains("id=\"case-note\""));
            assertFalse(page.body().contains("Summary by the chat model"), "no summary, and no promise of one");
            assertTrue(pages.get("/calls/" + id + "/summary").body().isBlank(), "the fragment removes the panel");
            TestApp.Response api = fay.get("/api/calls/" + id + "/summary");
            assertTrue(api.field("/detail").contains("The chat model did not answer."), api.text());
            assertEquals(asked, requestsFor("fay"), "a failure is kept: viewing the page does not ask again");
        } finally {
            behaviour = Behaviour.answer;
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
        assertEquals(1, requestsFor("sid"));
        assertTrue(summaryRequests.stream().noneMatch(r -> r.contains("STAFF_CONDUCT")));
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

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits for something written in the background; fails if it never comes. */
    private static void waitFor(BooleanSupplier done) {
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
