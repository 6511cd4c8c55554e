package callguide.support;

import callguide.App;
import callguide.Config;
import callguide.account.AccountDao;
import callguide.account.Accounts;
import callguide.assist.AnswerIndex;
import callguide.assist.Assist;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/** The real service on a random port against a real database, and a small HTTP client for it. */
public final class TestApp implements AutoCloseable {
    public static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    public final App app;
    private static AnswerIndex answers;

    private TestApp(App app) {
        this.app = app;
    }

    public static TestApp start() {
        return start(Map.of("DATABASE_URL", TestDatabase.freshUrl()));
    }

    /** Starts with these settings on top of PORT=0; tests name the database or data folder they want. */
    public static TestApp start(Map<String, String> env) {
        Map<String, String> all = new HashMap<>(env);
        all.put("PORT", "0");
        Config config = Config.from(all);
        return new TestApp(App.start(config, Clock.fixed(NOW, ZoneOffset.UTC), answers(config)));
    }

    /** The model is loaded and the examples embedded once per test run: they are the slow part of a start. */
    public static synchronized AnswerIndex answers(Config config) {
        if (answers == null) answers = Assist.answerIndex(config.contacts());
        return answers;
    }

    public record Response(int status, JsonNode json, String text, HttpResponse<String> raw) {
        public String field(String path) {
            JsonNode n = json.at(path);
            return n.isMissingNode() || n.isNull() ? null : n.asText();
        }
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    public Response post(String path, String body) {
        return post(path, "application/json", body);
    }

    public Response post(String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** Posts a form, as Twilio does, with these headers (a signature, say). */
    public Response postForm(String path, Map<String, String> headers, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        return send(b.build());
    }

    public URI uriOf(String path) {
        return uri(path);
    }

    /** Starts a call on the intake flow and answers it through the given questions, in order. */
    public String callAnswering(String... questionAnswerPairs) {
        String id = post("/api/calls", "{\"flow\":\"intake\",\"handler\":\"h1\"}").field("/id");
        for (int i = 0; i < questionAnswerPairs.length; i += 2) {
            Response r = answer(id, questionAnswerPairs[i], questionAnswerPairs[i + 1]);
            if (r.status() != 200) throw new AssertionError("answering " + questionAnswerPairs[i] + ": " + r.text());
        }
        return id;
    }

    public Response answer(String callId, String question, String answer) {
        return post("/api/calls/" + callId + "/answers", "{\"question\":\"" + question + "\",\"answer\":\"" + answer + "\"}");
    }

    /** The app's accounts, as the pages sign in against them. */
    public Accounts accounts() {
        return new Accounts(new AccountDao(app.database().jdbi()), Clock.systemUTC(), Duration.ofMinutes(20));
    }

    /** Where a browser or an HTTP client reaches the app. */
    public String base() {
        return "http://127.0.0.1:" + app.port();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + app.port() + path);
    }

    private static Response send(HttpRequest request) {
        try {
            HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            boolean xml = r.headers().firstValue("Content-Type").orElse("").contains("xml");
            JsonNode json = r.body().isEmpty() || xml ? JSON.missingNode() : JSON.readTree(r.body());
            return new Response(r.statusCode(), json, r.body(), r);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws Exception {
        app.close();
    }
}
