package callguide.store;

import callguide.support.TestApp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** PostgreSQL goes away under the running service: it answers 503 quickly, keeps what it acknowledged, and recovers alone. */
class OutageTest {
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path dir;

    @Test
    void a_stopped_database_gives_quick_503s_and_the_service_recovers_without_a_restart() throws Exception {
        Path data = dir.resolve("postgres");
        EmbeddedServer db = EmbeddedServer.start(data);
        int port = db.port();
        try (TestApp app = TestApp.start(Map.of("DATABASE_URL", db.jdbcUrl() + "?user=postgres&password=" + db.password()))) {
            String auth = app.as("olive").pages().cookie;
            String call = app.post("/api/calls", "{\"flow\":\"intake\"}").field("/id");
            String bearer = app.as("h1").token();
            List<String[]> acknowledged = new ArrayList<>();
            for (String[] a : new String[][] {{"contact_route", "inbound_call"}, {"region", "gb"}}) {
                assertEquals(200, app.answer(call, a[0], a[1]).status());
                acknowledged.add(a);
            }

            db.close();
            try {
                Timed<HttpResponse<String>> health = timed(() -> send(app, "GET", "/health", null, null));
                assertEquals(503, health.value().statusCode());
                assertTrue(health.took().toMillis() < 1000, "health answered in " + health.took().toMillis() + " ms");

                Timed<HttpResponse<String>> answer = timed(() -> send(app, "POST", "/api/calls/" + call + "/answers",
                        "{\"question\":\"caller\",\"answer\":\"client\"}", "Bearer " + bearer));
                assertEquals(503, answer.value().statusCode(), answer.value().body());
                assertTrue(answer.value().body().contains("\"error\":\"database_unavailable\""), answer.value().body());
                assertTrue(answer.took().toMillis() < 2000, "the API answered in " + answer.took().toMillis() + " ms");

                Timed<HttpResponse<String>> page = timed(() -> send(app, "GET", "/", null, auth));
                assertEquals(503, page.value().statusCode(), "a sign-in that cannot be checked is not a wrong one");
                assertTrue(page.value().body().contains("Sorry, there is a problem with the service"));
                assertTrue(page.took().toMillis() < 2000, "the page answered in " + page.took().toMillis() + " ms");

                Timed<HttpResponse<String>> style = timed(() -> send(app, "GET", "/static/callguide.css", null, null));
                assertEquals(200, style.value().statusCode());
                assertTrue(style.took().toMillis() < 1000, "a static file took " + style.took().toMillis() + " ms");
                assertEquals(200, send(app, "GET", "/govuk/govuk-frontend.min.css", null, null).statusCode());
                System.out.printf("database stopped: /health 503 in %d ms, API 503 in %d ms, page 503 in %d ms, static file 200 in %d ms%n",
                        health.took().toMillis(), answer.took().toMillis(), page.took().toMillis(), style.took().toMillis());
            } finally {
                db = EmbeddedServer.start(data, port);
            }

            long started = System.nanoTime();
            while (send(app, "GET", "/health", null, null).statusCode() != 200) {
                assertTrue(System.nanoTime() - started < Duration.ofSeconds(5).toNanos(), "not recovered within 5 s");
                Thread.sleep(50);
            }
            System.out.printf("recovered %d ms after the database was back%n", Duration.ofNanos(System.nanoTime() - started).toMillis());
            assertEquals(200, send(app, "GET", "/", null, auth).statusCode());
            TestApp.Response after = app.get("/api/calls/" + call);
            assertEquals(acknowledged.size(), after.json().at("/answers").size(), "every acknowledged answer, and not the refused one");
            for (int i = 0; i < acknowledged.size(); i++) {
                assertEquals(acknowledged.get(i)[1], after.field("/answers/" + i + "/answer"));
            }
            assertEquals("caller", after.field("/step/question"));
            assertEquals(200, app.answer(call, "caller", "client").status(), "the refused answer can be given again");
        } finally {
            db.closeQuietly();
        }
    }

    @Test
    void the_embedded_database_is_started_again_by_the_service_when_it_is_killed() throws Exception {
        try (TestApp app = TestApp.start(Map.of("DATA_DIR", dir.toString()))) {
            EmbeddedServer db = app.app().database().embedded().orElseThrow();
            String call = app.post("/api/calls", "{\"flow\":\"intake\"}").field("/id");
            assertEquals(200, app.answer(call, "contact_route", "inbound_call").status());
            long before = db.pid();
            assertTrue(ProcessHandle.of(before).isPresent(), "the postmaster runs");

            new ProcessBuilder("kill", "-KILL", String.valueOf(before)).start().waitFor();
            long killed = System.nanoTime();
            while (send(app, "GET", "/health", null, null).statusCode() != 200 || db.pid() == before) {
                assertTrue(System.nanoTime() - killed < Duration.ofSeconds(30).toNanos(), "not started again within 30 s");
                Thread.sleep(100);
            }
            System.out.printf("started again and answering %d ms after the kill%n", Duration.ofNanos(System.nanoTime() - killed).toMillis());
            assertNotEquals(before, db.pid());
            assertTrue(Files.exists(dir.resolve("postgres/PG_VERSION")), "the same data folder");
            assertEquals("inbound_call", app.get("/api/calls/" + call).field("/answers/0/answer"), "the acknowledged answer is there");
            assertEquals(200, app.answer(call, "region", "gb").status());
        }
    }

    /** A restart that fails (here: its port taken for a moment) is retried until the database runs again. */
    @Test
    void a_failed_restart_of_the_embedded_database_is_retried_until_it_runs() throws Exception {
        try (TestApp app = TestApp.start(Map.of("DATA_DIR", dir.toString()))) {
            EmbeddedServer db = app.app().database().embedded().orElseThrow();
            long before = db.pid();
            new ProcessBuilder("kill", "-KILL", String.valueOf(before)).start().waitFor();
            long killed = System.nanoTime();
            try (java.net.ServerSocket taken = new java.net.ServerSocket()) {
                while (true) {
                    try {
                        taken.bind(new java.net.InetSocketAddress("127.0.0.1", db.port()));
                        break;
                    } catch (java.net.BindException e) {
                        assertTrue(System.nanoTime() - killed < Duration.ofSeconds(5).toNanos(), "the port was never freed");
                        Thread.sleep(20);
                    }
                }
                Thread.sleep(3_000);
            }
            while (send(app, "GET", "/health", null, null).statusCode() != 200) {
                assertTrue(System.nanoTime() - killed < Duration.ofSeconds(60).toNanos(), "not started again within 60 s");
                Thread.sleep(200);
            }
            assertNotEquals(before, db.pid());
            assertEquals(201, app.post("/api/calls", "{\"flow\":\"intake\"}").status());
        }
    }

    @Test
    void a_postgres_left_running_by_a_killed_service_is_shut_down_cleanly_at_the_next_start() throws Exception {
        Path data = dir.resolve("postgres");
        Process killed = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "callguide.support.LeftoverPostgres", data.toString())
                .redirectErrorStream(true).start();
        long leftover = -1;
        try (var out = new java.io.BufferedReader(new java.io.InputStreamReader(killed.getInputStream()))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("postmaster ")) {
                    leftover = Long.parseLong(line.substring("postmaster ".length()).strip());
                    break;
                }
            }
            killed.destroyForcibly().waitFor();
        }
        assertTrue(leftover > 0, "the first service started its PostgreSQL");
        assertTrue(ProcessHandle.of(leftover).map(ProcessHandle::isAlive).orElse(false), "its PostgreSQL outlived it");

        try (TestApp app = TestApp.start(Map.of("DATA_DIR", dir.toString()))) {
            assertTrue(ProcessHandle.of(leftover).map(ProcessHandle::isAlive).orElse(false) == false, "the leftover was stopped");
            long ours = app.app().database().embedded().orElseThrow().pid();
            assertNotEquals(leftover, ours);
            assertEquals(200, send(app, "GET", "/health", null, null).statusCode());
            assertEquals(201, app.post("/api/calls", "{\"flow\":\"intake\"}").status());
        }
    }

    record Timed<T>(T value, Duration took) {}

    static <T> Timed<T> timed(Supplier<T> action) {
        long start = System.nanoTime();
        T value = action.get();
        return new Timed<>(value, Duration.ofNanos(System.nanoTime() - start));
    }

    static HttpResponse<String> send(TestApp app, String method, String path, String json, String cookie) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(app.base() + path)).timeout(Duration.ofSeconds(10));
        if (cookie != null && cookie.startsWith("Bearer ")) b.header("Authorization", cookie);
        else if (cookie != null) b.header("Cookie", cookie);
        if (json != null) b.header("Content-Type", "application/json");
        b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path, e);
        }
    }
}
