package callguide.support;

import callguide.App;
import callguide.account.AccountDao;
import callguide.account.Accounts;
import callguide.account.Role;
import callguide.assist.AnswerIndex;
import callguide.assist.Assist;
import callguide.config.Config;
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
import java.util.concurrent.ConcurrentHashMap;

/**
 * The real service on a random port against a real database, and a small HTTP client for it. The client
 * signs in to the API as handler {@code h1} unless asked to be someone else ({@link #as}) or no one ({@link #anonymous}).
 * A test class that wants one service for all its tests registers a {@link RunningApp}, which is one of these.
 */
public class TestApp implements AutoCloseable {
    public static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    /** Webhooks in tests are signed with this; off the loopback demo the service needs a token of its own. */
    public static final String TWILIO_TOKEN = "test-twilio-auth-token";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static AnswerIndex answers;
    private final Map<String, Client> clients = new ConcurrentHashMap<>();
    private final Client defaultClient = new Client(this, "h1", Role.handler);
    private volatile App app;

    private TestApp(App app) {
        this.app = app;
    }

    /** Not running yet: {@link RunningApp} starts it before its test class's first test. */
    TestApp() {}

    void running(App app) {
        this.app = app;
    }

    /** The service itself, for what the HTTP API does not show (its database, routes, open streams). */
    public App app() {
        if (app == null) throw new IllegalStateException("the service is not running: it starts before the test class's first test");
        return app;
    }

    public static TestApp start() {
        return start(Map.of("DATABASE_URL", TestDatabase.freshUrl()));
    }

    /** Starts with these settings on top of PORT=0 and a Twilio token; tests name the database or data folder they want. */
    public static TestApp start(Map<String, String> env) {
        return start(env, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    public static TestApp start(Map<String, String> env, Clock clock) {
        return new TestApp(startService(env, clock));
    }

    static App startService(Map<String, String> env, Clock clock) {
        Map<String, String> all = new HashMap<>(env);
        all.put("PORT", "0");
        all.putIfAbsent("TWILIO_AUTH_TOKEN", TWILIO_TOKEN);
        Config config = Config.from(all);
        return App.start(config, clock, answers(config));
    }

    /** The folder of a test resource, such as {@code /procedures}, for a setting that names a folder. */
    public static String resourceFolder(String resource) {
        try {
            return java.nio.file.Path.of(TestApp.class.getResource(resource).toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
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

    /** The API as this person, signed in with a token; a handler or reviewer account is made the first time. */
    public Client as(String username, Role role) {
        return clients.computeIfAbsent(username, u -> new Client(this, u, role));
    }

    /** The API as this handler. */
    public Client as(String handler) {
        return handler.equals("h1") ? defaultClient : as(handler, Role.handler);
    }

    /** A supervisor, who may read every call: for checking what a page recorded on another person's call. */
    public Client reviewer() {
        return as("reviewer", Role.supervisor);
    }

    /** The API with no credentials at all. */
    public Client anonymous() {
        return new Client(this, null, null);
    }

    public Response get(String path) {
        return defaultClient.get(path);
    }

    public Response post(String path, String body) {
        return defaultClient.post(path, body);
    }

    public Response post(String path, String contentType, String body) {
        return defaultClient.post(path, contentType, body);
    }

    /** Posts a form, as Twilio does, with these headers (a signature, say); no sign-in. */
    public Response postForm(String path, Map<String, String> headers, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        return send(b.build());
    }

    /**
     * A phone call arriving on the complaints line, signed as Twilio signs it (for the default PUBLIC_BASE_URL),
     * and waiting for a handler to take it; returns the guided call's id.
     */
    public String phoneCallWaiting() {
        Map<String, String> form = new java.util.TreeMap<>(Map.of("CallSid", "CA" + java.util.UUID.randomUUID().toString().replace("-", ""),
                "From", "+447700900123", "To", "+441000000000", "CallStatus", "ringing"));
        StringBuilder signed = new StringBuilder("http://localhost:7070/twilio/voice");
        form.forEach((k, v) -> signed.append(k).append(v));
        String signature;
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA1");
            mac.init(new javax.crypto.spec.SecretKeySpec(TWILIO_TOKEN.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA1"));
            signature = java.util.Base64.getEncoder().encodeToString(mac.doFinal(signed.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        String body = form.entrySet().stream().map(e -> e.getKey() + "=" + java.net.URLEncoder.encode(e.getValue(), java.nio.charset.StandardCharsets.UTF_8))
                .collect(java.util.stream.Collectors.joining("&"));
        Response r = postForm("/twilio/voice", Map.of("X-Twilio-Signature", signature), body);
        if (r.status() != 200) throw new AssertionError("voice webhook: " + r.status() + " " + r.text());
        return r.raw().headers().firstValue("X-Callguide-Call").orElseThrow();
    }

    public URI uriOf(String path) {
        return uri(path);
    }

    /** Starts a call on the intake flow as handler h1 and answers it through the given questions, in order. */
    public String callAnswering(String... questionAnswerPairs) {
        return defaultClient.callAnswering(questionAnswerPairs);
    }

    public Response answer(String callId, String question, String answer) {
        return defaultClient.answer(callId, question, answer);
    }

    /** The app's accounts, as the pages sign in against them. */
    public Accounts accounts() {
        return new Accounts(new AccountDao(app().database().jdbi()), Clock.systemUTC(), Duration.ofMinutes(20), Duration.ofHours(12));
    }

    /** Where a browser or an HTTP client reaches the app. */
    public String base() {
        return "http://127.0.0.1:" + app().port();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + app().port() + path);
    }

    static Response send(HttpRequest request) {
        try {
            HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            boolean json = r.headers().firstValue("Content-Type").orElse("").contains("json");
            JsonNode node = r.body().isEmpty() || !json ? JSON.missingNode() : JSON.readTree(r.body());
            return new Response(r.statusCode(), node, r.body(), r);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One person's view of the API: requests carry their bearer token (none for {@link #anonymous}). */
    public static final class Client {
        private final TestApp app;
        public final String username;
        private final Role role;
        private volatile String token;

        Client(TestApp app, String username, Role role) {
            this.app = app;
            this.username = username;
            this.role = role;
        }

        public static String password(String username) {
            return username + "-test-password";
        }

        /** The bearer token, signing in (and making the account) the first time. */
        public synchronized String token() {
            if (username == null) return null;
            if (token == null) {
                Accounts accounts = app.accounts();
                try {
                    accounts.create(username, role, password(username));
                } catch (IllegalArgumentException alreadyThere) {
                    // made by an earlier client or by the test itself
                }
                Response r = send(HttpRequest.newBuilder(app.uri("/api/sessions")).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\",\"password\":\"" + password(username) + "\"}")).build());
                if (r.status() != 201) throw new AssertionError("signing in as " + username + ": " + r.text());
                token = r.field("/token");
            }
            return token;
        }

        public Response get(String path) {
            return send(request(path).GET().build());
        }

        /** The same person in a browser without JavaScript, signed in through the form. */
        public PageSession pages() {
            token();
            return PageSession.signIn(app.base(), username, password(username));
        }

        public Response post(String path, String body) {
            return post(path, "application/json", body);
        }

        public Response post(String path, String contentType, String body) {
            return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build());
        }

        public Response delete(String path) {
            return send(request(path).DELETE().build());
        }

        public HttpRequest.Builder request(String path) {
            HttpRequest.Builder b = HttpRequest.newBuilder(app.uri(path));
            String t = token();
            if (t != null) b.header("Authorization", "Bearer " + t);
            return b;
        }

        /** Starts a call on the intake flow as this handler and answers it through the given questions, in order. */
        public String callAnswering(String... questionAnswerPairs) {
            Response started = post("/api/calls", "{\"flow\":\"intake\"}");
            if (started.status() != 201) throw new AssertionError("starting a call: " + started.text());
            String id = started.field("/id");
            for (int i = 0; i < questionAnswerPairs.length; i += 2) {
                Response r = answer(id, questionAnswerPairs[i], questionAnswerPairs[i + 1]);
                if (r.status() != 200) throw new AssertionError("answering " + questionAnswerPairs[i] + ": " + r.text());
            }
            return id;
        }

        public Response answer(String callId, String question, String answer) {
            return post("/api/calls/" + callId + "/answers", "{\"question\":\"" + question + "\",\"answer\":\"" + answer + "\"}");
        }
    }

    @Override
    public void close() throws Exception {
        if (app != null) app.close();
        app = null;
    }
}
