package callguide.telephony;

import callguide.account.Role;
import callguide.support.MovableClock;
import callguide.support.RunningApp;
import callguide.support.TestApp;
import callguide.support.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two nodes of the service on one PostgreSQL: whichever node a request, a page or a webhook reaches, the outcome is the same. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesTest {
    static final String HOTLINE = "+442079460000";
    static final String ACCOUNT = "AC" + "ab".repeat(16);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    static final MovableClock clock = new MovableClock(TestApp.NOW);
    @AutoClose
    static final TwilioRecorder recorder = TwilioRecorder.start();
    /** Both nodes on one database, with the same settings, as every node of a deployment. */
    static final Map<String, String> ENV = Map.of("DATABASE_URL", TestDatabase.freshUrl(), "TWILIO_AUTH_TOKEN", Twilio.TOKEN,
            "PUBLIC_BASE_URL", Twilio.PUBLIC + "/", "MP_HOTLINE_NUMBER", HOTLINE, "HANDLER_NUMBER", "+442079460001",
            "TWILIO_ACCOUNT_SID", ACCOUNT, "TWILIO_API_BASE_URL", recorder.baseUrl(), "RESOLUTION_TEAM_GB_NUMBER", "+441610000001",
            "STREAMS_PER_SIGN_IN", "3");
    @RegisterExtension
    static final RunningApp a = RunningApp.start(ENV, clock);
    @RegisterExtension
    static final RunningApp b = RunningApp.start(ENV, clock);
    final Twilio twilioA = new Twilio(a);
    final Twilio twilioB = new Twilio(b);

    static String sid() {
        return "CA" + UUID.randomUUID().toString().replace("-", "");
    }

    /** The data lines of a transcript stream opened on this node, as they arrive. */
    static BlockingQueue<String> follow(TestApp node, String path, String token) {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpRequest request = HttpRequest.newBuilder(node.uriOf(path)).header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + token).build();
        HttpResponse<Stream<String>> r = HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofLines()).join();
        assertEquals(200, r.statusCode(), "the stream opened");
        Thread reader = new Thread(() -> r.body().filter(l -> l.startsWith("data:") || l.startsWith("event:")).forEach(lines::add));
        reader.setDaemon(true);
        reader.start();
        return lines;
    }

    @Test
    @Order(1)
    void a_line_posted_to_node_b_reaches_a_stream_opened_on_node_a() throws Exception {
        String callSid = sid();
        String id = twilioA.inbound(callSid, HOTLINE);
        String token = a.as("sup-nodes", Role.supervisor).token();
        BlockingQueue<String> onA = follow(a, "/api/calls/" + id + "/transcript/stream", token);

        long worst = 0;
        for (int i = 1; i <= 5; i++) {
            String said = "line " + i + " said on node B";
            long sent = System.nanoTime();
            assertEquals(204, twilioB.line(callSid, i, "inbound_track", said).status());
            String got = null;
            while (got == null || got.startsWith("event:")) {
                got = onA.poll(1, TimeUnit.SECONDS);
                if (got == null) break;
            }
            long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent);
            assertNotNull(got, "line " + i + " reached node A's stream within a second");
            assertTrue(got.contains(said), got);
            worst = Math.max(worst, took);
        }
        System.out.printf("lines posted to node B reached a stream on node A within %d ms (worst of 5)%n", worst);
    }

    @Test
    @Order(1)
    void a_call_arriving_on_node_b_is_listed_as_waiting_on_node_a_and_taken_from_node_a_it_leaves_node_b_s_list() throws Exception {
        TestApp.Client handler = a.as("h-waiting");
        BlockingQueue<String> onA = follow(a, "/calls/waiting", handler.token());
        BlockingQueue<String> onB = follow(b, "/calls/waiting", handler.token());
        String first = next(onA);
        assertNotNull(first, "the list as it stands");
        assertNotNull(next(onB));

        String id = twilioB.inbound(sid(), HOTLINE);
        String listed = next(onA);
        assertNotNull(listed, "node A heard of the call");
        assertTrue(listed.contains(id), listed);

        assertEquals(200, handler.post("/api/calls/" + id + "/take", "").status(), "taken on node A");
        String after = null;
        while (after == null || after.contains(id)) {
            after = next(onB);
            assertNotNull(after, "node B heard the call was taken");
        }
    }

    @Test
    @Order(1)
    void a_line_stored_while_a_node_was_not_listening_still_reaches_its_screens_once() throws Exception {
        String callSid = sid();
        String id = twilioB.inbound(callSid, HOTLINE);
        assertEquals(204, twilioB.line(callSid, 1, "inbound_track", "before the gap").status());
        BlockingQueue<String> onA = follow(a, "/api/calls/" + id + "/transcript/stream", a.as("sup-nodes", Role.supervisor).token());
        assertTrue(next(onA).contains("before the gap"));

        // Every node's listening connection is cut, as a failover or a network fault would; the line is stored meanwhile.
        int cut = a.app().database().jdbi().withHandle(h -> h.createQuery(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = :name AND datname = current_database()")
                .bind("name", callguide.store.Events.APPLICATION_NAME).mapTo(Integer.class).one());
        assertEquals(2, cut, "one listening connection per node");
        assertEquals(204, twilioB.line(callSid, 2, "inbound_track", "during the gap").status());
        String got = next(onA);
        while (got != null && !got.contains("\"sequence\"")) got = next(onA); // a line, not another kind of event
        assertNotNull(got, "the line arrived after node A listened again");
        assertTrue(got.contains("during the gap"), "the next line is the new one, not an old one sent again: " + got);
    }

    @Test
    @Order(1)
    void one_sign_in_s_stream_limit_counts_its_streams_on_both_nodes() {
        String id = twilioA.inbound(sid(), HOTLINE);
        String token = a.as("sup-streams", Role.supervisor).token();
        String path = "/api/calls/" + id + "/transcript/stream";
        follow(a, path, token);
        follow(a, path, token);
        follow(b, path, token);
        HttpResponse<Stream<String>> fourth = HTTP.sendAsync(HttpRequest.newBuilder(b.uriOf(path)).header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofLines()).join();
        assertEquals(429, fourth.statusCode(), "two open on node A and one on node B make three, the limit");
        assertTrue(fourth.headers().firstValue("Retry-After").isPresent());
        fourth.body().close();
        String anotherToken = b.as("sup-other", Role.supervisor).token();
        follow(b, path, anotherToken); // another sign-in has its own limit
    }

    /** The next data line, waiting at most five seconds. */
    private static String next(BlockingQueue<String> stream) throws InterruptedException {
        for (String l = stream.poll(5, TimeUnit.SECONDS); l != null; l = stream.poll(5, TimeUnit.SECONDS)) {
            if (l.startsWith("data:")) return l;
        }
        return null;
    }

    @Test
    @Order(1)
    void a_warm_transfer_started_on_node_a_is_completed_from_node_b_and_a_screen_on_node_b_hears_each_step() throws Exception {
        String callSid = sid();
        String id = twilioA.inboundTaken(callSid, HOTLINE);
        twilioA.handlerAnswers(callSid, sid());
        for (String[] answer : new String[][] {{"region", "gb"}, {"caller", "mp_mla"}, {"staff_conduct", "no"}, {"mp_purpose", "complaint"}}) {
            assertEquals(200, a.answer(id, answer[0], answer[1]).status());
        }
        TestApp.Client handler = a.as("h1");
        BlockingQueue<String> onB = follow(b, "/api/calls/" + id + "/transcript/stream", handler.token());

        TestApp.Response started = handler.post("/api/calls/" + id + "/warm-transfer", "{}");
        assertEquals(200, started.status(), started.text());
        awaitTransfer(onB, "dialling");

        String path = "/twilio/conference?call=" + id;
        Map<String, String> answered = Twilio.params("CallSid", TwilioRecorder.TEAM_LEG, "CallStatus", "in-progress", "AccountSid", ACCOUNT);
        assertEquals(204, twilioB.send(path, answered, Map.of("X-Twilio-Signature", Twilio.signature(Twilio.TOKEN, Twilio.PUBLIC + path, answered)))
                .status(), "the team answered: Twilio told node B");
        awaitTransfer(onB, "briefing");

        HttpResponse<String> completed = send(HttpRequest.newBuilder(b.uriOf("/api/calls/" + id + "/warm-transfer/complete"))
                .header("Authorization", "Bearer " + handler.token()).POST(HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(200, completed.statusCode(), "completed from node B: " + completed.body());
        awaitTransfer(onB, "handing_over");

        // Twilio confirms the caller has joined the team, telling node A this time: only then is it completed.
        String room = "/twilio/conference";
        Map<String, String> joined = Twilio.params("StatusCallbackEvent", "participant-join", "FriendlyName", "callguide-" + id,
                "ConferenceSid", "CF" + "11".repeat(16), "CallSid", callSid, "SequenceNumber", "8", "AccountSid", ACCOUNT);
        assertEquals(204, twilioA.send(room, joined, Map.of("X-Twilio-Signature", Twilio.signature(Twilio.TOKEN, Twilio.PUBLIC + room, joined)))
                .status(), "the caller joined the team: Twilio told node A");
        awaitTransfer(onB, "completed");
        assertEquals("completed", a.get("/api/calls/" + id + "/warm-transfer").field("/state"), "and node A agrees");

        // The team member takes the case on node B; its screen pop, shown by node A, has the call, and the case's
        // transcript stream on node A hears what Twilio sent to node B.
        TestApp.Client caseworker = b.as("crt-nodes", Role.resolution_caseworker);
        TestApp.Response opened = caseworker.post("/api/cases", "{\"call\":\"" + id + "\"}");
        assertEquals(201, opened.status(), opened.text());
        String caseId = opened.field("/id");
        HttpResponse<String> pop = send(HttpRequest.newBuilder(a.uriOf("/cases/" + caseId))
                .header("Authorization", "Bearer " + caseworker.token()).build());
        assertEquals(200, pop.statusCode());
        assertTrue(pop.body().contains("id=\"screen-pop\"") && pop.body().contains("WARM_TRANSFER_RESOLUTION_TEAM"), "the screen pop on node A");
        BlockingQueue<String> caseOnA = follow(a, "/api/cases/" + caseId + "/transcript/stream", caseworker.token());
        assertEquals(204, twilioB.line(callSid, 1, "inbound_track", "the MP, now with the team").status());
        String line = null;
        for (String l = caseOnA.poll(2, TimeUnit.SECONDS); l != null && line == null; l = caseOnA.poll(2, TimeUnit.SECONDS)) {
            if (l.startsWith("data:") && l.contains("the MP, now with the team")) line = l;
        }
        assertNotNull(line, "the line posted to node B reached the case's stream on node A");
    }

    /** Waits for the stream's transfer event with this state (earlier steps may come first). */
    private static void awaitTransfer(BlockingQueue<String> stream, String state) throws InterruptedException {
        for (String l = stream.poll(5, TimeUnit.SECONDS); l != null; l = stream.poll(5, TimeUnit.SECONDS)) {
            if (l.startsWith("data:") && l.contains("\"state\":\"" + state + "\"")) return;
        }
        throw new AssertionError("no transfer event with state " + state);
    }

    @Test
    @Order(2)
    void a_sign_in_made_on_node_a_is_valid_on_node_b() {
        TestApp.Client onA = a.as("h-nodes");
        String token = onA.token();
        String id = onA.post("/api/calls", "{\"flow\":\"intake\"}").field("/id");
        HttpResponse<String> call = send(HttpRequest.newBuilder(b.uriOf("/api/calls/" + id)).header("Authorization", "Bearer " + token).build());
        assertEquals(200, call.statusCode(), "node B knows node A's API sign-in, and the call started there");

        // A browser signed in through node A's form is signed in on node B.
        var page = callguide.support.PageSession.signIn(a.base(), "h-nodes", TestApp.Client.password("h-nodes"));
        HttpResponse<String> home = send(HttpRequest.newBuilder(b.uriOf("/")).header("Cookie", page.cookie).build());
        assertEquals(200, home.statusCode());
        assertTrue(home.body().contains("Sign out"), "node B shows the signed-in home page");

        assertEquals(204, send(HttpRequest.newBuilder(a.uriOf("/api/sessions")).header("Authorization", "Bearer " + token)
                .DELETE().build()).statusCode(), "signed out on node A");
        assertEquals(401, send(HttpRequest.newBuilder(b.uriOf("/api/calls/" + id)).header("Authorization", "Bearer " + token).build())
                .statusCode(), "and so on node B");
    }

    @Test
    @Order(3)
    void a_webhook_retried_on_the_other_node_is_stored_once() {
        String callSid = sid();
        Map<String, String> voice = Twilio.params("CallSid", callSid, "AccountSid", "AC" + "00".repeat(16), "From", "+447700900123",
                "To", HOTLINE, "CallStatus", "ringing", "Direction", "inbound");
        TestApp.Response first = twilioA.post("/twilio/voice", voice);
        TestApp.Response again = twilioB.post("/twilio/voice", voice);
        assertEquals(200, first.status());
        assertEquals(200, again.status());
        String id = first.raw().headers().firstValue("X-Callguide-Call").orElseThrow();
        assertEquals(id, again.raw().headers().firstValue("X-Callguide-Call").orElseThrow(), "the same guided call");

        assertEquals(204, twilioA.line(callSid, 1, "inbound_track", "I want to complain").status());
        assertEquals(204, twilioB.line(callSid, 1, "inbound_track", "I want to complain").status());
        Map<String, String> ended = Twilio.params("CallSid", callSid, "CallStatus", "completed", "CallDuration", "95", "SequenceNumber", "3");
        assertEquals(204, twilioA.post("/twilio/status", ended).status());
        assertEquals(204, twilioB.post("/twilio/status", ended).status());

        TestApp.Client reviewer = b.reviewer();
        assertEquals(1, reviewer.get("/api/calls/" + id + "/transcript").json().size(), "one line");
        JsonNode events = reviewer.get("/api/calls/" + id + "/events").json();
        assertEquals(1, count(events, "phone_status"));
        assertEquals(1, count(events, "phone_call_ended"));
        assertEquals(1, (int) a.app().database().jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM calls WHERE call_sid = :s")
                .bind("s", callSid).mapTo(Integer.class).one()), "one guided call");
    }

    @Test
    @Order(4)
    void background_work_runs_once_with_two_nodes_up() throws Exception {
        String job = "clear-lapsed-sign-ins";
        // Both nodes look each second; the first look after starting clears once.
        while (runs(job) == 0) Thread.sleep(50);
        for (int round = 1; round <= 3; round++) {
            long before = runs(job);
            TestApp.Client someone = a.as("lapsing-" + round);
            someone.token();
            assertEquals(1, signIns(someone.username));
            clock.advance(Duration.ofMinutes(21)); // past the 20 minutes a sign-in may be idle

            CountDownLatch go = new CountDownLatch(1);
            CompletableFuture<List<String>> onA = CompletableFuture.supplyAsync(() -> await(go, () -> a.app().jobs().runDue()));
            CompletableFuture<List<String>> onB = CompletableFuture.supplyAsync(() -> await(go, () -> b.app().jobs().runDue()));
            go.countDown();
            List<String> ranOnA = onA.get(10, TimeUnit.SECONDS);
            List<String> ranOnB = onB.get(10, TimeUnit.SECONDS);
            assertTrue(!(ranOnA.contains(job) && ranOnB.contains(job)), "not run by both nodes");
            assertEquals(before + 1, runs(job), "run once in round " + round + " (A ran: " + ranOnA + ", B ran: " + ranOnB + ")");
            assertEquals(0, signIns(someone.username), "the lapsed sign-in was cleared");
        }
    }

    private static <T> T await(CountDownLatch go, java.util.function.Supplier<T> work) {
        try {
            go.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return work.get();
    }

    private long runs(String job) {
        return a.app().database().jdbi().withHandle(h -> h.createQuery("SELECT coalesce(max(runs), 0) FROM job_runs WHERE job = :j")
                .bind("j", job).mapTo(Long.class).one());
    }

    private int signIns(String username) {
        return a.app().database().jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM sign_ins WHERE username = :u")
                .bind("u", username).mapTo(Integer.class).one());
    }

    private static long count(JsonNode events, String type) {
        return StreamSupport.stream(events.spliterator(), false).filter(e -> e.get("type").asText().equals(type)).count();
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
