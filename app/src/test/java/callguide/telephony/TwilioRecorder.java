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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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

    /** How to answer a request whose path contains {@code pathPart}: this status, or (once) as usual after this delay. */
    private record Fault(String pathPart, int status, Duration delay) {}

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Recorded> requests = new ArrayList<>();
    private final List<Fault> faults = new ArrayList<>();

    TwilioRecorder() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        // A slow answer must not hold up the requests behind it.
        server.setExecutor(threads);
        server.start();
    }

    /**
     * Twilio failing until {@link #clear}: every request to a path containing {@code pathPart} gets this status (and
     * Twilio's error body). Every one, as the SDK tries a request again on a 5xx.
     */
    void fail(String pathPart, int status) {
        synchronized (requests) {
            faults.add(new Fault(pathPart, status, null));
        }
    }

    /** Twilio slow once: the next request to a path containing {@code pathPart} is answered, as usual, only after this long. */
    void delayNext(String pathPart, Duration delay) {
        synchronized (requests) {
            faults.add(new Fault(pathPart, 0, delay));
        }
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
        String decoded = URLDecoder.decode(path, StandardCharsets.UTF_8);
        Fault fault;
        synchronized (requests) {
            requests.add(new Recorded(ex.getRequestMethod(), decoded, ex.getRequestHeaders().getFirst("Authorization"), form(body)));
            fault = faults.stream().filter(f -> decoded.contains(f.pathPart())).findFirst().orElse(null);
            if (fault != null && fault.delay() != null) faults.remove(fault);
            requests.notifyAll();
        }
        if (fault != null && fault.status() != 0) {
            send(ex, fault.status(), "{\"code\":20500,\"message\":\"Internal Server Error\",\"more_info\":\"https://www.twilio.com/docs/errors/20500\",\"status\":"
                    + fault.status() + "}");
            return;
        }
        if (fault != null) {
            try {
                Thread.sleep(fault.delay().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
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
        send(ex, status, json);
    }

    private static void send(HttpExchange ex, int status, String json) {
        byte[] out = json.getBytes(StandardCharsets.UTF_8);
        try {
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(status, out.length);
            ex.getResponseBody().write(out);
        } catch (IOException gone) {
            // The client stopped waiting (a timeout under test): there is no one to answer.
        } finally {
            ex.close();
        }
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

    /** Forgets the requests so far, and Twilio works again. */
    void clear() {
        synchronized (requests) {
            requests.clear();
            faults.clear();
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
        threads.shutdownNow();
    }
}
