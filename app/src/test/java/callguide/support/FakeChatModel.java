package callguide.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A local OpenAI-compatible chat endpoint that summarises every call with {@link #SUMMARY}. It can fail (500),
 * hold each request until released, and never answer a service that names the model {@code never-answers}.
 */
public final class FakeChatModel implements AutoCloseable {
    public static final String SUMMARY = "The client complained about Child Maintenance Options only and was told to contact them directly.";
    private static final ObjectMapper JSON = new ObjectMapper();

    public enum Behaviour { answer, fail, hold }

    /** Every request's body, as sent. */
    public final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile Behaviour behaviour = Behaviour.answer;
    private volatile CountDownLatch held = new CountDownLatch(0);
    private final CountDownLatch closing = new CountDownLatch(1);
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final HttpServer server;

    /** Started for a test class's static field, closed with {@code @AutoClose}. */
    public static FakeChatModel start() {
        try {
            return new FakeChatModel();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public FakeChatModel() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(threads); // a held request must not hold up the others
        server.createContext("/v1/chat/completions", exchange -> {
            JsonNode request = JSON.readTree(exchange.getRequestBody());
            requests.add(request.toString());
            int status = 200;
            if (request.path("model").asText().equals("never-answers")) await(closing);
            else if (behaviour == Behaviour.fail) status = 500;
            else if (behaviour == Behaviour.hold) await(held);
            byte[] body = JSON.writeValueAsBytes(Map.of("id", "chatcmpl-1", "object", "chat.completion", "created", 1, "model", "fake",
                    "choices", List.of(Map.of("index", 0, "finish_reason", "stop", "message",
                            Map.of("role", "assistant", "content", JSON.writeValueAsString(Map.of("summary", SUMMARY))))),
                    "usage", Map.of("prompt_tokens", 10, "completion_tokens", 10, "total_tokens", 20)));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            try {
                exchange.sendResponseHeaders(status, body.length);
                exchange.getResponseBody().write(body);
            } catch (IOException gone) {
                // the service stopped waiting (its timeout) and closed the connection
            }
            exchange.close();
        });
        server.start();
    }

    /** The service's settings for this endpoint, with this model name. */
    public Map<String, String> settings(String model) {
        return Map.of("CHAT_MODEL_BASE_URL", "http://127.0.0.1:" + server.getAddress().getPort() + "/v1", "CHAT_MODEL_NAME", model);
    }

    public void answer() {
        behaviour = Behaviour.answer;
        held.countDown();
    }

    public void fail() {
        behaviour = Behaviour.fail;
    }

    /** Requests from now on wait until {@link #release()} (or {@link #answer()}). */
    public void hold() {
        held = new CountDownLatch(1);
        behaviour = Behaviour.hold;
    }

    public void release() {
        held.countDown();
    }

    /** Requests whose guided path was handled by this handler. */
    public long requestsFor(String handler) {
        return requests.stream().filter(r -> r.contains("handled by " + handler + ".")).count();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closing.countDown();
        held.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
