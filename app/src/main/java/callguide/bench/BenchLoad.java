package callguide.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Guided calls driven through the HTTP API, as a handler's browser would: start, then one answer at a time. */
final class BenchLoad {

    /** One worker's connection to the server. */
    interface Client extends AutoCloseable {
        BenchHttp.Response post(String path, String json) throws Exception;

        @Override
        default void close() {}
    }

    private final int port;
    private final HttpClient jdk;
    private final java.util.function.Function<String, String> tokens;
    private final List<Scenario.Step> path;
    private final String outcome;
    private final ObjectMapper json = new ObjectMapper();

    /** {@code jdk}: java.net.http, shared by all workers; otherwise a plain keep-alive socket per worker. */
    BenchLoad(int port, boolean jdk, java.util.function.Function<String, String> tokens, Scenario scenario, List<Scenario.Step> path) {
        this.port = port;
        this.path = path;
        this.outcome = "\"code\":\"" + scenario.outcome() + "\"";
        this.tokens = tokens;
        this.jdk = jdk ? HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build() : null;
    }

    /** The answers of one call, in the order the flow asks them. */
    List<Scenario.Step> path() {
        return path;
    }

    /** A connection signed in as this handler. */
    Client client(String handler) {
        String token = tokens.apply(handler);
        if (jdk == null) return new BenchHttp(port, token);
        return (path, body) -> {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString(body)).build();
            HttpResponse<String> r = jdk.send(request, HttpResponse.BodyHandlers.ofString());
            return new BenchHttp.Response(r.statusCode(), r.body());
        };
    }

    record Result(long steps, long calls, long errors, Map<String, AtomicInteger> errorKinds, BenchSamples latency, double seconds,
                  long workerCpuNanos) {
        double rate() {
            return steps / seconds;
        }

        static Result merge(List<Result> windows) {
            return new Result(windows.stream().mapToLong(Result::steps).sum(), windows.stream().mapToLong(Result::calls).sum(),
                    windows.stream().mapToLong(Result::errors).sum(), sum(windows.stream().map(Result::errorKinds).toList()),
                    BenchSamples.merge(windows.stream().map(Result::latency).toList()),
                    windows.stream().mapToDouble(Result::seconds).sum(), windows.stream().mapToLong(Result::workerCpuNanos).sum());
        }
    }

    /** Accounts and sign-ins for the first {@code workers} handlers: bcrypt is slow on purpose, and not what is measured. */
    void signIn(int workers) {
        for (int w = 0; w < workers; w++) tokens.apply("bench-" + w);
    }

    /** Error counts by kind, added up over several windows. */
    static Map<String, AtomicInteger> sum(List<Map<String, AtomicInteger>> counts) {
        Map<String, AtomicInteger> total = new ConcurrentHashMap<>();
        counts.forEach(c -> c.forEach((kind, n) -> total.computeIfAbsent(kind, k -> new AtomicInteger()).addAndGet(n.get())));
        return total;
    }

    /** Runs {@code workers} handlers until {@code seconds} pass or {@code maxCalls} calls reach their outcome. */
    Result run(int workers, double seconds, long maxCalls) throws InterruptedException {
        signIn(workers);
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        AtomicLong calls = new AtomicLong();
        AtomicLong claimed = new AtomicLong();
        AtomicLong steps = new AtomicLong();
        AtomicLong workerCpu = new AtomicLong();
        Map<String, AtomicInteger> errors = new ConcurrentHashMap<>();
        List<BenchSamples> samples = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            Worker worker = new Worker(w, deadline, steps, errors);
            samples.add(worker.latency);
            Thread t = new Thread(() -> {
                try (Client client = client("bench-" + worker.id)) {
                    // A call is claimed before it starts, so no more than maxCalls run however many handlers there are.
                    for (int n = 0; System.nanoTime() < deadline && claimed.getAndIncrement() < maxCalls; n++) {
                        // Every fourth call changes an earlier answer, as handlers do when a caller corrects themselves.
                        if (worker.guidedCall(client, n % 4 == 3)) calls.incrementAndGet();
                    }
                } finally {
                    // The handler threads' own CPU: all of the socket client's, not java.net.http's pool threads.
                    workerCpu.addAndGet(ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime());
                }
            }, "bench-" + w);
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) t.join();
        double elapsed = (System.nanoTime() - start) / 1e9;
        long failed = errors.values().stream().mapToLong(AtomicInteger::get).sum();
        return new Result(steps.get(), calls.get(), failed, errors, BenchSamples.merge(samples), elapsed, workerCpu.get());
    }

    private final class Worker {
        final int id;
        final long deadline;
        final AtomicLong steps;
        final Map<String, AtomicInteger> errors;
        final BenchSamples latency = new BenchSamples();

        Worker(int id, long deadline, AtomicLong steps, Map<String, AtomicInteger> errors) {
            this.id = id;
            this.deadline = deadline;
            this.steps = steps;
            this.errors = errors;
        }

        /** One call from start to its outcome; false when it failed or the time ran out first. */
        boolean guidedCall(Client client, boolean change) {
            String started = post(client, "/api/calls", "{\"flow\":\"intake\",\"handler\":\"bench-" + id + "\"}", 201, errors);
            if (started == null) return false;
            String call = id(started, errors);
            if (call == null) return false;
            String reply = null;
            for (int i = 0; i < path.size(); i++) {
                // Stop mid-call at the deadline so the measured window is not stretched by a whole call.
                if (System.nanoTime() >= deadline) return false;
                if ((reply = answer(client, call, path.get(i).question(), path.get(i).answer())) == null) return false;
                if (change && i == 4 && answer(client, call, "contact_route", "mp_hotline") == null) return false;
            }
            if (reply.contains(outcome)) return true;
            count(errors, "call ended without " + outcome + ": " + clip(reply));
            return false;
        }

        private String answer(Client client, String call, String question, String answer) {
            long t0 = System.nanoTime();
            String reply = post(client, "/api/calls/" + call + "/answers", answerBody(question, answer), 200, errors);
            if (reply == null) return null;
            latency.add(System.nanoTime() - t0);
            steps.incrementAndGet();
            return reply;
        }
    }

    static String answerBody(String question, String answer) {
        return "{\"question\":\"" + question + "\",\"answer\":\"" + answer + "\"}";
    }

    /** The new call's id from the start response, or null (counted as an error). */
    String id(String started, Map<String, AtomicInteger> errors) {
        try {
            return json.readTree(started).get("id").asText();
        } catch (Exception e) {
            count(errors, "start: no id in " + clip(started));
            return null;
        }
    }

    /** The response body when the status is the expected one; otherwise counts the error and gives null. */
    static String post(Client client, String path, String body, int expected, Map<String, AtomicInteger> errors) {
        String where = "POST " + path.replaceAll("[0-9a-f-]{36}", "{id}");
        try {
            BenchHttp.Response r = client.post(path, body);
            if (r.status() == expected) return r.body();
            count(errors, where + " -> " + r.status() + " " + clip(r.body()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            count(errors, where + " interrupted");
        } catch (Exception e) {
            count(errors, where + " -> " + e);
        }
        return null;
    }

    private static void count(Map<String, AtomicInteger> errors, String kind) {
        errors.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
    }

    private static String clip(String s) {
        return s == null || s.length() <= 200 ? s : s.substring(0, 200) + "…";
    }
}
