package callguide.telephony;

import callguide.account.Role;
import callguide.support.RunningApp;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Live-transcript streams: limited per sign-in, one slow screen delays no one, and streams that went away are dropped. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StreamsTest {
    static final String HOTLINE = "+442079460000";
    static final long HEARTBEAT_MS = 200;
    @RegisterExtension
    static final RunningApp api = RunningApp.start(Map.of("TWILIO_AUTH_TOKEN", Twilio.TOKEN,
            "PUBLIC_BASE_URL", Twilio.PUBLIC + "/", "MP_HOTLINE_NUMBER", HOTLINE, "HANDLER_NUMBER", "+442079460001",
            "STREAM_HEARTBEAT_MS", String.valueOf(HEARTBEAT_MS)));
    Twilio twilio;

    @BeforeAll
    void start() {
        twilio = new Twilio(api);
    }

    static String sid() {
        return "CA" + UUID.randomUUID().toString().replace("-", "");
    }

    /** A raw connection, so a test decides whether (and when) the screen reads. */
    final class Stream implements AutoCloseable {
        final Socket socket;
        final BufferedReader in;
        final int status;
        final List<String> head = new ArrayList<>();

        /** Opens the stream as this supervisor (signed in through the API). */
        Stream(String callId, String cookie, int receiveBuffer) throws IOException {
            this("/api/calls/" + callId + "/transcript/stream", cookie, receiveBuffer, true);
        }

        Stream(String path, String cookie, int receiveBuffer, boolean eventStream) throws IOException {
            this(path, cookie, receiveBuffer, eventStream ? "text/event-stream" : null);
        }

        Stream(String path, String cookie, int receiveBuffer, String accept) throws IOException {
            socket = new Socket();
            if (receiveBuffer > 0) socket.setReceiveBufferSize(receiveBuffer);
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", api.app().port()), 2000);
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + (accept == null ? "" : "Accept: " + accept + "\r\n")
                    + (cookie == null ? "" : "Authorization: Bearer " + api.as(cookie, Role.supervisor).token() + "\r\n") + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String statusLine = in.readLine();
            status = Integer.parseInt(statusLine.split(" ")[1]);
            for (String h = in.readLine(); h != null && !h.isEmpty(); h = in.readLine()) head.add(h);
        }

        String header(String name) {
            return head.stream().filter(h -> h.toLowerCase().startsWith(name.toLowerCase() + ":"))
                    .map(h -> h.substring(h.indexOf(':') + 1).strip()).findFirst().orElse(null);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    /** A client that names no type, or any, is streamed to (as one asking for text/event-stream is); one asking for another type is refused. */
    @Test
    void a_stream_is_sent_to_a_client_that_accepts_any_type_and_refused_to_one_that_asks_for_another() throws Exception {
        String id = twilio.inbound(sid(), HOTLINE);
        int before = api.app().telephony().openStreams();
        for (String path : List.of("/api/calls/" + id + "/transcript/stream", "/calls/waiting")) {
            for (String accept : java.util.Arrays.asList(null, "*/*")) {
                try (Stream s = new Stream(path, "sup-any", 0, accept)) {
                    assertEquals(200, s.status, path + " with Accept " + accept);
                    assertTrue(s.header("Content-Type").startsWith("text/event-stream"), path + ": " + s.header("Content-Type"));
                    String first = s.in.readLine();
                    assertTrue(first != null && (first.startsWith(":") || first.startsWith("event:") || first.startsWith("data:") || first.startsWith("id:") || first.startsWith("retry:")),
                            path + " with Accept " + accept + " sent " + first);
                }
            }
            try (Stream json = new Stream(path, "sup-any", 0, "application/json")) {
                assertEquals(406, json.status, path);
            }
        }
        long closed = System.nanoTime();
        while (api.app().telephony().openStreams() > before) { // gone within a heartbeat, so no other test counts them
            assertTrue(System.nanoTime() - closed < TimeUnit.SECONDS.toNanos(5), "closed streams still listed");
            Thread.sleep(10);
        }
    }

    /** The waiting list is a stream like the transcripts: within the same limits, and its place is given back when it closes. */
    @Test
    void the_waiting_list_stream_counts_against_the_same_limits() throws Exception {
        String id = twilio.inbound(sid(), HOTLINE);
        List<Stream> mine = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                Stream s = new Stream("/calls/waiting", "sup-w", 0, true);
                mine.add(s);
                assertEquals(200, s.status, "stream " + (i + 1));
            }
            try (Stream eleventh = new Stream("/calls/waiting", "sup-w", 0, true)) {
                assertEquals(429, eleventh.status);
                assertTrue(eleventh.header("Retry-After") != null);
            }
            try (Stream transcript = new Stream(id, "sup-w", 0)) {
                assertEquals(429, transcript.status, "one limit for every stream of a sign-in");
            }
            mine.remove(0).close();
            long until = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
            int status;
            do {
                try (Stream again = new Stream("/calls/waiting", "sup-w", 0, true)) {
                    status = again.status;
                }
                if (status != 200) Thread.sleep(200);
            } while (status != 200 && System.nanoTime() < until);
            assertEquals(200, status, "a closed stream's place is given back");
        } finally {
            for (Stream s : mine) s.close();
        }
    }

    @Test
    void streams_past_the_per_sign_in_limit_are_refused_with_429_and_closed_ones_are_dropped_within_a_heartbeat() throws Exception {
        String id = twilio.inbound(sid(), HOTLINE);
        int before = api.app().telephony().openStreams();
        List<Stream> mine = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                Stream s = new Stream(id, "sup-a", 0);
                mine.add(s);
                assertEquals(200, s.status, "stream " + (i + 1));
            }
            try (Stream eleventh = new Stream(id, "sup-a", 0)) {
                assertEquals(429, eleventh.status);
                assertTrue(eleventh.header("Retry-After") != null, "says when to try again");
            }
            try (Stream someoneElse = new Stream(id, "sup-b", 0)) {
                assertEquals(200, someoneElse.status, "another sign-in has its own limit");
            }
            String comment = null;
            for (String l = mine.get(0).in.readLine(); l != null; l = mine.get(0).in.readLine()) {
                if (l.startsWith(":")) {
                    comment = l;
                    break;
                }
            }
            assertEquals(": heartbeat", comment, "an idle stream hears a heartbeat comment");
        } finally {
            for (Stream s : mine) s.close();
        }
        long closed = System.nanoTime();
        while (api.app().telephony().openStreams() > before) {
            assertTrue(System.nanoTime() - closed < TimeUnit.MILLISECONDS.toNanos(3 * HEARTBEAT_MS + 400),
                    "closed streams still listed: " + api.app().telephony().openStreams());
            Thread.sleep(10);
        }
        System.out.printf("closed streams dropped %d ms after the screens went (heartbeat %d ms)%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - closed), HEARTBEAT_MS);
        try (Stream again = new Stream(id, "sup-a", 0)) {
            assertEquals(200, again.status, "the sign-in's streams were given back");
        }
    }

    @Test
    void a_screen_that_never_reads_delays_no_other_call_s_transcript() throws Exception {
        String floodedSid = sid();
        String flooded = twilio.inbound(floodedSid, HOTLINE);
        String otherSid = sid();
        String other = twilio.inbound(otherSid, HOTLINE);
        try (Stream stuck = new Stream(flooded, "sup-slow", 1024);
             Stream listening = new Stream(other, "sup-quick", 0)) {
            assertEquals(200, stuck.status);
            assertEquals(200, listening.status);
            BlockingQueue<String> received = new LinkedBlockingQueue<>();
            Thread reader = new Thread(() -> {
                try {
                    for (String l = listening.in.readLine(); l != null; l = listening.in.readLine()) {
                        if (l.startsWith("data:")) received.add(l);
                    }
                } catch (IOException ignored) {
                    // the test closed the stream
                }
            });
            reader.setDaemon(true);
            reader.start();

            String words = "and then the letter said something else entirely ".repeat(160); // about 8 KB a line
            long worst = 0;
            int sequence = 2;
            for (int round = 0; round < 40; round++) {
                for (int i = 0; i < 10; i++) {
                    assertEquals(204, twilio.line(floodedSid, sequence++, "inbound_track", words).status());
                }
                String said = "line " + round + " of the other call";
                long sent = System.nanoTime();
                assertEquals(204, twilio.line(otherSid, round + 2, "inbound_track", said).status());
                String got = received.poll(5, TimeUnit.SECONDS);
                long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent);
                assertTrue(got != null && got.contains(said), "line " + round + " arrived: " + got);
                worst = Math.max(worst, took);
                assertTrue(took < 1000, "line " + round + " took " + took + " ms");
            }
            System.out.printf("the other call's lines arrived within %d ms while %d lines (%d KB) waited on a screen that never reads%n",
                    worst, sequence - 2, (sequence - 2) * words.length() / 1024);
            // The screen that never reads loses its stream: its queue overflows or a write to it stalls.
            long lastLine = System.nanoTime();
            while (api.app().telephony().openStreams() > 1) {
                assertTrue(System.nanoTime() - lastLine < TimeUnit.SECONDS.toNanos(20), "the stuck stream is still open");
                Thread.sleep(50);
            }
            System.out.printf("the stream that never reads was closed %d ms after the last line%n",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastLine));
            String said = "after the stuck screen was dropped";
            assertEquals(204, twilio.line(otherSid, 100, "inbound_track", said).status());
            String got = received.poll(5, TimeUnit.SECONDS);
            assertTrue(got != null && got.contains(said), "the other screen still listens: " + got);
        }
    }
}
