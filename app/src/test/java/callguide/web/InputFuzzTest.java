package callguide.web;

import callguide.account.Role;
import callguide.support.PageSession;
import callguide.support.RunningApp;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every page form field and query parameter, given NUL, control characters and 100 KiB: never a 500, nothing recorded. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InputFuzzTest {
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final Map<String, String> BAD = new LinkedHashMap<>();

    static {
        BAD.put("NUL", "ab\u0000cd");
        BAD.put("only NUL", "\u0000");
        BAD.put("bell and escape", "x\u0007\u001b[31m");
        BAD.put("DEL and C1", "a\u007f\u0085b");
        BAD.put("100 KiB", "y".repeat(100 * 1024));
        BAD.put("100 KiB of NUL", "\u0000".repeat(100 * 1024));
    }

    record Target(String method, String path, Map<String, String> fields) {}

    @RegisterExtension
    static final RunningApp app = RunningApp.start();
    String handler;
    String handlerCsrf;
    String reviewer;
    String reviewerCsrf;

    @BeforeAll
    void start() throws Exception {
        PageSession fern = app.as("fern").pages();
        PageSession rhea = app.as("rhea", Role.supervisor).pages();
        handler = fern.cookie;
        handlerCsrf = fern.csrf;
        reviewer = rhea.cookie;
        reviewerCsrf = rhea.csrf;
    }

    List<Target> targets(String call) {
        String c = "/calls/" + call;
        String q = c + "/questions/region";
        Map<String, String> review = fields("from", "2026-11-01", "to", "2026-11-30", "handler", "fern", "outcome", "x",
                "flag", "x", "status", "completed", "sort", "started", "dir", "asc", "page", "1");
        List<Target> t = new ArrayList<>();
        t.add(new Target("GET", "/sign-in", fields("next", "/", "timeout", "1")));
        t.add(new Target("POST", "/sign-in", fields("csrf", "x", "next", "/", "username", "fern", "password", "fern-password-1", "timeout", "1")));
        t.add(new Target("GET", "/", fields("x", "1")));
        t.add(new Target("POST", "/calls", fields("flow", "intake")));
        t.add(new Target("GET", c, fields("x", "1")));
        t.add(new Target("POST", c + "/take", fields("x", "1")));
        t.add(new Target("GET", q, fields("pending", "region=gb")));
        t.add(new Target("POST", q, fields("answer", "gb", "answer-day", "1", "answer-month", "2", "answer-year", "2020",
                "answer-empty", "yes", "pending", "region=gb", "heard", "great britain", "requestId", "r1", "suggested", "gb",
                "confidence", "0.9", "evidence", "said so")));
        t.add(new Target("POST", q + "/suggest", fields("heard", "great britain", "pending", "", "suggested", "gb",
                "confidence", "0.9", "evidence", "said so")));
        t.add(new Target("GET", c + "/search", fields("q", "address", "ask", "where")));
        t.add(new Target("GET", c + "/check", fields("question", "region", "answer", "gb")));
        t.add(new Target("POST", c + "/check", fields("question", "region", "answer", "gb")));
        t.add(new Target("GET", c + "/outcome", fields("x", "1")));
        t.add(new Target("POST", c + "/notes", fields("note", "called back")));
        t.add(new Target("GET", c + "/warm-transfer", fields("x", "1")));
        t.add(new Target("POST", c + "/warm-transfer", fields("team", "gb")));
        t.add(new Target("POST", c + "/warm-transfer/complete", fields("x", "1")));
        t.add(new Target("POST", "/keep-alive", fields("x", "1")));
        t.add(new Target("GET", "/review", review));
        t.add(new Target("GET", "/review/calls.csv", review));
        t.add(new Target("GET", "/review/calls/" + call, fields("x", "1")));
        t.add(new Target("GET", "/review/insights", review));
        t.add(new Target("GET", "/review/access-log", fields("x", "1")));
        t.add(new Target("GET", "/api/assist/search", fields("q", "address", "call", call)));
        t.add(new Target("GET", "/api/calls/" + call + "/transcript", fields("after", "1")));
        return t;
    }

    @Test
    void no_value_in_any_field_reaches_a_500_and_none_is_recorded() throws Exception {
        String call = app.as("fern").callAnswering("contact_route", "inbound_call");
        int events = app.reviewer().get("/api/calls/" + call + "/events").json().size();
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (Target target : targets(call)) {
            boolean review = target.path().startsWith("/review");
            String cookie = review ? reviewer : handler;
            String token = review ? reviewerCsrf : handlerCsrf;
            for (String field : target.fields().keySet()) {
                for (var bad : BAD.entrySet()) {
                    Map<String, String> f = new LinkedHashMap<>(target.fields());
                    f.put(field, bad.getValue());
                    HttpResponse<String> r = send(target.method(), target.path(), f, cookie, token);
                    sent++;
                    if (r.statusCode() >= 500) failures.add(target.method() + " " + target.path() + " " + field + " = " + bad.getKey() + ": " + r.statusCode());
                    else if (r.statusCode() < 400 && !bad.getKey().equals("100 KiB")) {
                        failures.add(target.method() + " " + target.path() + " " + field + " = " + bad.getKey() + " was accepted: " + r.statusCode());
                    }
                }
            }
            HttpResponse<String> badName = send(target.method(), target.path(), Map.of("bad\u0000name", "1"), cookie, token);
            if (badName.statusCode() >= 500) failures.add(target.method() + " " + target.path() + " a bad field name: " + badName.statusCode());
        }
        for (String path : new String[] {"/calls/%00", "/calls/%00/questions/region", "/calls/" + call + "/questions/%00",
                "/review/calls/%00%01", "/api/calls/%00", "/api/calls/" + call + "/transcript?after=%00"}) {
            int status = send("GET", path, Map.of(), handler, handlerCsrf).statusCode();
            if (status >= 500) failures.add("GET " + path + ": " + status);
        }
        System.out.printf("sent %d requests with bad values%n", sent);
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        assertEquals(events, app.reviewer().get("/api/calls/" + call + "/events").json().size(), "nothing recorded");
    }

    @Test
    void a_page_answers_with_the_error_summary_and_the_api_with_json() throws Exception {
        HttpResponse<String> page = send("GET", "/review", fields("from", "2026\u000011-01"), reviewer, reviewerCsrf);
        assertEquals(400, page.statusCode());
        assertTrue(page.body().contains("govuk-error-summary") && page.body().contains("&#39;from&#39; contains characters that cannot be used")
                || page.body().contains("'from' contains characters that cannot be used"), page.body());
        HttpResponse<String> signIn = send("POST", "/sign-in", fields("username", "fern\u0000", "password", "x"), null, null);
        assertEquals(400, signIn.statusCode());
        assertTrue(signIn.body().contains("govuk-error-summary"));
        HttpResponse<String> api = send("GET", "/api/assist/search", fields("q", "a\u0000b"), null, null);
        assertEquals(400, api.statusCode());
        assertTrue(api.body().contains("\"error\":\"invalid_field\""), api.body());
        HttpResponse<String> longQuery = send("GET", "/review", fields("q", "q".repeat(100 * 1024)), reviewer, reviewerCsrf);
        assertEquals(400, longQuery.statusCode(), "a 100 KiB query value reaches the check, not Jetty's bare 414");
        assertTrue(longQuery.body().contains("govuk-error-summary"), longQuery.body());
        HttpResponse<String> longApi = send("GET", "/api/assist/search", fields("q", "q".repeat(100 * 1024)), null, null);
        assertEquals(400, longApi.statusCode());
        assertTrue(longApi.body().contains("\"error\":\"invalid_field\""), longApi.body());
        String call = app.as("fern").callAnswering("contact_route", "inbound_call");
        HttpResponse<String> multipart = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(app.base() + "/calls/" + call + "/notes"))
                .header("Cookie", handler).header("X-CSRF-Token", handlerCsrf)
                .header("Content-Type", "multipart/form-data; boundary=b")
                .POST(HttpRequest.BodyPublishers.ofString("--b\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\na\u0000b\r\n--b--\r\n")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(415, multipart.statusCode(), "a multipart form is refused, not read past the checks");
        HttpResponse<String> large = send("POST", "/calls/" + java.util.UUID.randomUUID() + "/notes", fields("note", "n".repeat(100 * 1024)), handler, handlerCsrf);
        // The service refuses on the Content-Length alone; it may close the connection before the client has written the body.
        assertTrue(large.statusCode() == 413 || large.getClass() == Refused.class, large.statusCode() + " " + large.body());
    }

    static Map<String, String> fields(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
        return m;
    }

    HttpResponse<String> send(String method, String path, Map<String, String> fields, String cookie, String csrf) throws Exception {
        String encoded = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        boolean get = method.equals("GET");
        String uri = app.base() + path + (get && !encoded.isEmpty() ? (path.contains("?") ? "&" : "?") + encoded : "");
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(uri));
        if (cookie != null) b.header("Cookie", cookie);
        if (csrf != null) b.header("X-CSRF-Token", csrf);
        if (get) b.GET();
        else b.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(encoded));
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            // The server may close the connection on a request far too large for it; that is a refusal, not a 500.
            return new Refused(e.getMessage());
        }
    }

    private String csrf(String cookie) throws Exception {
        HttpResponse<String> home = send("GET", "/", Map.of(), cookie, null);
        Matcher m = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"").matcher(home.body());
        assertTrue(m.find(), "a csrf token on the home page");
        return m.group(1);
    }

    /** A request the server refused by closing the connection. */
    record Refused(String why) implements HttpResponse<String> {
        public int statusCode() { return 400; }
        public HttpRequest request() { return null; }
        public java.util.Optional<HttpResponse<String>> previousResponse() { return java.util.Optional.empty(); }
        public java.net.http.HttpHeaders headers() { return java.net.http.HttpHeaders.of(Map.of(), (a, b) -> true); }
        public String body() { return why; }
        public java.util.Optional<javax.net.ssl.SSLSession> sslSession() { return java.util.Optional.empty(); }
        public URI uri() { return null; }
        public HttpClient.Version version() { return HttpClient.Version.HTTP_1_1; }
    }
}
