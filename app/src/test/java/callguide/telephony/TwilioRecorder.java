package callguide.telephony;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Stands where Twilio's REST API would: records every request the SDK sends and answers as Twilio does. */
final class TwilioRecorder implements AutoCloseable {
    static final String TEAM_LEG = "CA" + "7e".repeat(16);
    private static final Pattern PARTICIPANTS = Pattern.compile(".*/Conferences/([^/]+)/Participants\\.json");
    private static final Pattern CALL = Pattern.compile(".*/Calls/([^/]+)\\.json");

    record Recorded(String method, String path, String authorization, Map<String, List<String>> form) {
        String one(String field) {
            List<String> v = form.get(field);
            return v == null ? null : v.get(0);
        }
    }

    private final HttpServer server;
    private final List<Recorded> requests = new ArrayList<>();

    TwilioRecorder() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    /** Started for a test class's static field, closed with {@code @AutoClose}. */
    static TwilioRecorder start() {
        try {
            return new TwilioRecorder();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void answer(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = ex.getRequestURI().getRawPath();
        synchronized (requests) {
            requests.add(new Recorded(ex.getRequestMethod(), URLDecoder.decode(path, StandardCharsets.UTF_8),
                    ex.getRequestHeaders().getFirst("Authorization"), form(body)));
            requests.notifyAll();
        }
        Matcher participant = PARTICIPANTS.matcher(path);
        Matcher call = CALL.matcher(path);
        String json;
        int status = 200;
        if (participant.matches()) {
            status = 201;
            json = "{\"account_sid\":\"AC00\",\"call_sid\":\"" + TEAM_LEG + "\",\"conference_sid\":\"CF" + "11".repeat(16)
                    + "\",\"label\":\"resolution-team\",\"status\":\"queued\"}";
        } else if (call.matches()) {
            json = "{\"sid\":\"" + call.group(1) + "\",\"status\":\"in-progress\"}";
        } else {
            status = 404;
            json = "{\"code\":20404,\"message\":\"not found\",\"status\":404}";
        }
        byte[] out = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, out.length);
        ex.getResponseBody().write(out);
        ex.close();
    }

    /** Waits until at least n requests have arrived (some are sent after a webhook's response), then returns them all. */
    List<Recorded> await(int n) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        synchronized (requests) {
            while (requests.size() < n && System.nanoTime() < deadline) requests.wait(200);
            return List.copyOf(requests);
        }
    }

    List<Recorded> all() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    void clear() {
        synchronized (requests) {
            requests.clear();
        }
    }

    private static Map<String, List<String>> form(String body) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        if (body.isEmpty()) return form;
        for (String pair : body.split("&")) {
            String[] kv = pair.split("=", 2);
            form.computeIfAbsent(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), k -> new ArrayList<>())
                    .add(kv.length < 2 ? "" : URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return form;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
