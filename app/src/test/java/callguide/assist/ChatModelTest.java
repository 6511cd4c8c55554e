package callguide.assist;

import callguide.support.RunningApp;
import callguide.support.TestApp.Response;
import callguide.support.TestApp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The chat path against a local OpenAI-compatible endpoint that answers with canned completions. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChatModelTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    static volatile int status = 200;
    static final HttpServer model = chatModel();
    @RegisterExtension
    static final RunningApp api = RunningApp.start(Map.of("PROCEDURES_DIR", TestApp.resourceFolder("/procedures"),
            "CHAT_MODEL_BASE_URL", "http://127.0.0.1:" + model.getAddress().getPort() + "/v1",
            "CHAT_MODEL_NAME", "fake-model", "CHAT_MODEL_API_KEY", "test-key"));

    /** A local OpenAI-compatible endpoint answering every request with a canned completion. */
    static HttpServer chatModel() {
        HttpServer model;
        try {
            model = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        model.createContext("/v1/chat/completions", exchange -> {
            JsonNode request = JSON.readTree(exchange.getRequestBody());
            requests.add(request);
            boolean summary = request.toString().contains("case notes");
            // Plain text, as the prompts ask and as any OpenAI-compatible model may reply (ModelReplyTest reads JSON too).
            String content = summary
                    ? "The client called and a formal complaint was raised. Email OPTIONS.SERVICEDESIGNOEDCMGDWP@DWP.GSI.GOV.UK."
                    : "Returned post is kept for 28 days in the locked cabinet, then shredded. [1]";
            byte[] body = JSON.writeValueAsBytes(Map.of("id", "chatcmpl-1", "object", "chat.completion", "created", 1, "model", "fake",
                    "choices", List.of(Map.of("index", 0, "finish_reason", "stop", "message", Map.of("role", "assistant", "content", content))),
                    "usage", Map.of("prompt_tokens", 10, "completion_tokens", 10, "total_tokens", 20)));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        model.start();
        return model;
    }

    @AfterAll
    void stop() {
        model.stop(0);
    }

    @BeforeEach
    void reset() {
        requests.clear();
        status = 200;
    }

    @Test
    void ask_sends_only_the_retrieved_passages_and_returns_the_answer_with_citations() throws IOException {
        Response r = api.post("/api/assist/ask", "{\"question\":\"How long is returned post kept before it is shredded?\"}");
        assertEquals(200, r.status(), r.text());
        assertEquals("true", r.field("/model"));
        assertEquals("Returned post is kept for 28 days in the locked cabinet, then shredded.", r.field("/answer"));
        assertEquals(1, r.json().get("passages").size());
        assertEquals("Secure storage", r.json().at("/passages/0/citation/heading").asText());

        assertEquals(1, requests.size());
        JsonNode request = requests.get(0);
        assertEquals("fake-model", request.get("model").asText());
        String user = message(request, "user");
        Response search = api.get("/api/assist/search?q=How+long+is+returned+post+kept+before+it+is+shredded");
        List<String> retrieved = search.json().findValuesAsText("text").stream().limit(Asker.PASSAGES).toList();
        retrieved.forEach(text -> assertTrue(user.contains(text), "retrieved passage sent: " + text));
        String passages = user.substring(user.indexOf("Passages:"), user.indexOf("Question:"));
        long numbered = passages.lines().filter(l -> l.matches("^\\[\\d+] \\(.*")).count();
        assertEquals(retrieved.size(), numbered, "only the retrieved passages, each once: " + passages);
        assertFalse(user.contains("returns.coordinator@"), "internal address never sent");
        assertTrue(message(request, "system").contains("Answer only from the numbered passages"));
    }

    @Test
    void a_failing_model_falls_back_to_the_passages() {
        status = 500;
        Response r = api.post("/api/assist/ask", "{\"question\":\"How long is returned post kept?\"}");
        assertEquals(200, r.status(), r.text());
        assertEquals("false", r.field("/model"));
        assertTrue(r.json().get("passages").size() > 0);
    }

    @Test
    void the_model_summarises_the_guided_path_and_internal_text_never_reaches_it_or_the_note() {
        String id = api.callAnswering("contact_route", "inbound_call", "region", "gb", "caller", "client",
                "staff_conduct", "no", "about_cm_options", "partly", "case_closed_on", "", "challenges_decision", "no",
                "effective_date_challenge", "no", "existing_complaint", "none", "mp_raised", "no", "resolvable_now", "no");
        Response r = summaryOnceWritten(id);
        assertEquals(200, r.status(), r.text());
        assertEquals("model", r.field("/summarisedBy"));
        assertTrue(r.field("/summary").startsWith("The client called and a formal complaint was raised."));
        assertFalse(r.text().toUpperCase().contains("@DWP"), r.text());
        assertTrue(r.field("/caseNote").contains("Outcome: RAISE_COMPLAINT"));
        String sent = message(requests.get(0), "user");
        assertTrue(sent.contains("Outcome: RAISE_COMPLAINT"), sent);
        assertFalse(sent.toUpperCase().contains("@DWP") || sent.contains("Never give this address"), sent);
    }

    @Test
    void a_staff_conduct_call_is_never_sent_to_the_model() {
        String id = api.callAnswering("contact_route", "inbound_call", "region", "gb", "caller", "client", "staff_conduct", "yes");
        Response r = api.get("/api/calls/" + id + "/summary");
        assertEquals(200, r.status());
        assertEquals("guided_path", r.field("/summarisedBy"));
        assertEquals(0, requests.size());
    }

    /** The summary is written in the background once the call reaches its outcome: the API says pending until then. */
    private Response summaryOnceWritten(String id) {
        long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        Response r = api.get("/api/calls/" + id + "/summary");
        while ("pending".equals(r.field("/summaryState")) && System.nanoTime() < until) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            r = api.get("/api/calls/" + id + "/summary");
        }
        return r;
    }

    private static String message(JsonNode request, String role) {
        StringBuilder out = new StringBuilder();
        for (JsonNode m : request.get("messages")) {
            if (!role.equals(m.get("role").asText())) continue;
            JsonNode content = m.get("content");
            if (content.isTextual()) out.append(content.asText());
            else content.forEach(part -> out.append(part.path("text").asText()));
        }
        return out.toString();
    }
}
