package callguide.telephony;

import callguide.support.RunningApp;
import callguide.support.TestApp.Response;
import callguide.support.TestApp;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import static callguide.telephony.Twilio.params;
import static callguide.telephony.Twilio.xpath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Twilio's webhooks without Twilio credentials: signatures, calls opened, transcripts, retries. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwilioWebhookTest {
    static final String HOTLINE = "+442079460000";
    static final String HANDLER = "+442079460001";
    @RegisterExtension
    static final RunningApp api = RunningApp.start(Map.of("TWILIO_AUTH_TOKEN", Twilio.TOKEN,
            "PUBLIC_BASE_URL", Twilio.PUBLIC + "/", "MP_HOTLINE_NUMBER", "+44 20 7946 0000", "HANDLER_NUMBER", HANDLER,
            "RESOLUTION_TEAM_GB_NUMBER", "+441610000001"));
    Twilio twilio;

    @BeforeAll
    void start() {
        twilio = new Twilio(api);
    }

    static String sid() {
        return "CA" + UUID.randomUUID().toString().replace("-", "");
    }

    @Test
    void an_inbound_call_opens_a_guided_call_and_is_transcribed_and_put_through_to_the_handler() {
        String callSid = sid();
        Response r = twilio.post("/twilio/voice", params("CallSid", callSid, "From", "+447700900123", "To", "+441000000000"));
        assertEquals(200, r.status(), r.text());
        assertTrue(r.raw().headers().firstValue("Content-Type").orElse("").startsWith("application/xml"));
        String xml = r.text();
        assertEquals(Twilio.PUBLIC + "/twilio/transcription", xpath(xml, "/Response/Start/Transcription/@statusCallbackUrl"));
        assertEquals("both_tracks", xpath(xml, "/Response/Start/Transcription/@track"));
        assertEquals("caller", xpath(xml, "/Response/Start/Transcription/@inboundTrackLabel"));
        assertEquals(HANDLER, xpath(xml, "normalize-space(/Response/Dial/Number)"));
        assertEquals(Twilio.PUBLIC + "/twilio/status", xpath(xml, "/Response/Dial/Number/@statusCallback"));
        assertEquals(Twilio.PUBLIC + "/twilio/dial-ended", xpath(xml, "/Response/Dial/@action"));

        String id = r.raw().headers().firstValue("X-Callguide-Call").orElseThrow();
        assertEquals(404, api.get("/api/calls/" + id).status(), "waiting for a handler: no handler's call yet");
        assertEquals(200, api.post("/api/calls/" + id + "/take", "").status());
        Response call = api.get("/api/calls/" + id);
        assertEquals(callSid, call.field("/callSid"));
        assertEquals("contact_route", call.field("/answers/0/question"));
        assertEquals("inbound_call", call.field("/answers/0/answer"));
        assertEquals("region", call.field("/step/question"));
    }

    @Test
    void a_call_to_the_mp_hotline_is_answered_as_an_mp_hotline_contact() {
        String id = twilio.inboundTaken(sid(), HOTLINE);
        assertEquals("mp_hotline", api.get("/api/calls/" + id).field("/answers/0/answer"));
    }

    @Test
    void a_repeated_voice_delivery_finds_the_same_call_and_records_nothing_new() {
        String callSid = sid();
        String first = twilio.inboundTaken(callSid, HOTLINE);
        int events = api.get("/api/calls/" + first + "/events").json().size();
        assertEquals(first, twilio.inboundTaken(callSid, HOTLINE));
        assertEquals(events, api.get("/api/calls/" + first + "/events").json().size());
        assertEquals(1, callsWithSid(callSid));
    }

    @Test
    void a_voice_webhook_for_a_call_already_guided_leaves_its_answers_alone() {
        String callSid = sid();
        String id = api.post("/api/calls", "{\"flow\":\"intake\",\"handler\":\"h1\",\"callSid\":\"" + callSid + "\"}").field("/id");
        api.answer(id, "contact_route", "written");
        Response r = twilio.post("/twilio/voice", params("CallSid", callSid, "From", "+447700900123", "To", HOTLINE));
        assertEquals(200, r.status(), r.text());
        assertEquals("written", api.get("/api/calls/" + id).field("/answers/0/answer"));
    }

    @Test
    void the_transcript_stream_of_an_unknown_call_is_a_json_404() {
        Response r = api.get("/api/calls/" + UUID.randomUUID() + "/transcript/stream");
        assertEquals(404, r.status(), r.text());
        assertEquals("unknown_call", r.field("/error"));
    }

    @Test
    void unsigned_or_wrongly_signed_webhooks_are_refused_and_record_nothing() {
        String callSid = sid();
        Map<String, String> p = params("CallSid", callSid, "From", "+447700900123", "To", HOTLINE);
        Response unsigned = twilio.send("/twilio/voice", p, Map.of());
        assertEquals(403, unsigned.status());
        assertEquals("unsigned_webhook", unsigned.field("/error"));

        String otherToken = Twilio.signature("someone-elses-token", Twilio.PUBLIC + "/twilio/voice", p);
        assertEquals(403, twilio.send("/twilio/voice", p, Map.of("X-Twilio-Signature", otherToken)).status());
        String otherUrl = Twilio.signature(Twilio.TOKEN, Twilio.PUBLIC + "/twilio/status", p);
        assertEquals(403, twilio.send("/twilio/voice", p, Map.of("X-Twilio-Signature", otherUrl)).status());
        String signed = Twilio.signature(Twilio.TOKEN, Twilio.PUBLIC + "/twilio/voice", p);
        Map<String, String> tampered = params("CallSid", callSid, "From", "+447700900123", "To", "+441000000000");
        Response r = twilio.send("/twilio/voice", tampered, Map.of("X-Twilio-Signature", signed));
        assertEquals(403, r.status());
        assertEquals("invalid_signature", r.field("/error"));
        assertEquals(0, callsWithSid(callSid));

        String id = twilio.inboundTaken(callSid, HOTLINE);
        int events = api.get("/api/calls/" + id + "/events").json().size();
        Map<String, String> line = params("CallSid", callSid, "TranscriptionEvent", "transcription-content", "SequenceId", "2",
                "Track", "inbound_track", "Final", "true", "TranscriptionData", "{\"transcript\":\"hello\"}");
        assertEquals(403, twilio.send("/twilio/transcription", line, Map.of()).status());
        assertEquals(403, twilio.send("/twilio/status", params("CallSid", callSid, "CallStatus", "completed"), Map.of()).status());
        assertEquals(403, twilio.send("/twilio/conference", params("StatusCallbackEvent", "conference-start"), Map.of()).status());
        assertEquals(0, api.get("/api/calls/" + id + "/transcript").json().size());
        assertEquals(events, api.get("/api/calls/" + id + "/events").json().size());
    }

    @Test
    void final_utterances_are_kept_once_each_in_sequence_order_whatever_order_they_arrive_in() {
        String callSid = sid();
        String id = twilio.inboundTaken(callSid, HOTLINE);
        assertEquals(204, twilio.line(callSid, 4, "inbound_track", "It is about my constituent").status());
        twilio.line(callSid, 2, "outbound_track", "Child Maintenance Service, how can I help");
        twilio.line(callSid, 3, "inbound_track", "I am calling from an MP's office");
        twilio.line(callSid, 3, "inbound_track", "I am calling from an MP's office");
        twilio.post("/twilio/transcription", params("CallSid", callSid, "TranscriptionEvent", "transcription-content", "SequenceId", "5",
                "Track", "inbound_track", "Final", "false", "TranscriptionData", "{\"transcript\":\"half a sent\"}"));

        JsonNode lines = api.get("/api/calls/" + id + "/transcript").json();
        assertEquals(3, lines.size(), lines.toString());
        assertEquals(List.of(2, 3, 4), StreamSupport.stream(lines.spliterator(), false).map(l -> l.get("sequence").asInt()).toList());
        assertEquals("handler", lines.get(0).get("speaker").asText());
        assertEquals("caller", lines.get(1).get("speaker").asText());
        assertEquals("I am calling from an MP's office", lines.get(1).get("text").asText());
        assertEquals("2026-11-27T10:00:03Z", lines.get(1).get("at").asText());
    }

    @Test
    void a_new_line_reaches_a_handler_screen_listening_to_the_call() throws Exception {
        String callSid = sid();
        String id = twilio.inboundTaken(callSid, HOTLINE);
        twilio.line(callSid, 2, "outbound_track", "Good morning");
        HttpRequest request = HttpRequest.newBuilder(api.uriOf("/api/calls/" + id + "/transcript/stream"))
                .header("Accept", "text/event-stream").header("Authorization", "Bearer " + api.as("h1").token()).build();
        var lines = HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofLines()).get(5, TimeUnit.SECONDS).body();
        var received = new java.util.concurrent.LinkedBlockingQueue<String>();
        Thread reader = new Thread(() -> lines.filter(l -> l.startsWith("data:")).forEach(received::add));
        reader.setDaemon(true);
        reader.start();
        assertTrue(received.poll(5, TimeUnit.SECONDS).contains("Good morning"), "the backlog comes first");
        twilio.line(callSid, 3, "inbound_track", "Hello, I am calling about a constituent");
        String live = received.poll(5, TimeUnit.SECONDS);
        assertTrue(live != null && live.contains("Hello, I am calling about a constituent") && live.contains("\"speaker\":\"caller\""), live);
    }

    @Test
    void a_waiting_phone_call_is_every_handlers_to_take_but_its_words_are_no_ones_until_then() {
        String callSid = sid();
        String id = twilio.inbound(callSid, HOTLINE);
        twilio.line(callSid, 2, "inbound_track", "I am calling about my constituent's case");
        TestApp.Client other = api.as("h9");
        assertEquals(404, other.get("/api/calls/" + id + "/transcript").status());
        assertEquals(404, other.get("/api/calls/" + id + "/events").status());
        assertEquals(404, other.post("/api/calls/" + id + "/answers", "{\"question\":\"region\",\"answer\":\"gb\"}").status());
        assertEquals(200, api.as("sam", callguide.account.Role.supervisor).get("/api/calls/" + id + "/transcript").status(),
                "supervisors read waiting calls too");
        assertEquals(403, api.as("sam", callguide.account.Role.supervisor).post("/api/calls/" + id + "/take", "").status());

        assertEquals(200, other.post("/api/calls/" + id + "/take", "").status());
        assertEquals(1, other.get("/api/calls/" + id + "/transcript").json().size());
        Response late = api.post("/api/calls/" + id + "/take", "");
        assertEquals(409, late.status());
        assertEquals("call_taken", late.field("/error"));
        assertEquals(404, api.get("/api/calls/" + id + "/transcript").status(), "now h9's call, not h1's");
    }

    @Test
    void a_staff_conduct_call_keeps_no_transcript() {
        String callSid = sid();
        String id = clientAboutStaff(callSid);
        assertEquals(1, api.get("/api/calls/" + id + "/transcript").json().size());
        assertEquals(200, api.answer(id, "staff_conduct", "yes").status());
        assertEquals(0, api.get("/api/calls/" + id + "/transcript").json().size());
        twilio.line(callSid, 3, "inbound_track", "Their name was");
        assertEquals(0, api.get("/api/calls/" + id + "/transcript").json().size());
        assertTrue(api.get("/api/calls/" + id + "/events").text().contains("transcript_redacted"));
    }

    /** A client's phone call, taken, that has said one line about a member of staff: the staff-conduct question is next. */
    private String clientAboutStaff(String callSid) {
        String id = twilio.inboundTaken(callSid, "+441000000000");
        twilio.line(callSid, 2, "inbound_track", "It is about how one of your staff spoke to me");
        api.answer(id, "region", "gb");
        api.answer(id, "caller", "client");
        return id;
    }

    /** A "yes" waiting on the check page already keeps nothing: ending the call from there leaves no detail behind. */
    @Test
    void a_staff_conduct_yes_waiting_on_the_check_page_keeps_no_details() {
        String callSid = sid();
        String id = clientAboutStaff(callSid);
        var page = api.as("h1").pages();
        var toCheck = page.post("/calls/" + id + "/questions/staff_conduct", "answer=yes");
        assertEquals(303, toCheck.statusCode());
        assertTrue(toCheck.headers().firstValue("Location").orElse("").contains("/check"), "the answer waits on the check page");
        assertEquals(0, api.get("/api/calls/" + id + "/transcript").json().size(), "what was said before is gone");
        twilio.line(callSid, 3, "inbound_track", "Their name was");
        assertEquals(0, api.get("/api/calls/" + id + "/transcript").json().size(), "and nothing said now is kept");
        Response note = api.post("/api/calls/" + id + "/notes", "{\"text\":\"named the officer\"}");
        assertEquals(422, note.status(), "no note");
        assertEquals("notes_not_allowed", note.field("/error"));

        // Changed to "no" on the page: it was not about staff after all, and the call keeps what is said again.
        assertEquals(303, page.post("/calls/" + id + "/questions/staff_conduct", "answer=no").statusCode());
        twilio.line(callSid, 4, "inbound_track", "It is about my payments");
        assertEquals(1, api.get("/api/calls/" + id + "/transcript").json().size());

        // "Yes" and back again, with "no" already recorded: the same answer changes nothing, and still ends the hold.
        assertEquals(303, page.post("/calls/" + id + "/questions/staff_conduct", "answer=yes").statusCode());
        assertEquals(0, api.get("/api/calls/" + id + "/transcript").json().size());
        assertEquals(303, page.post("/calls/" + id + "/questions/staff_conduct", "answer=no").statusCode());
        twilio.line(callSid, 5, "inbound_track", "The arrears are wrong");
        assertEquals(1, api.get("/api/calls/" + id + "/transcript").json().size());
    }

    /** Whatever a webhook holds, the answer is a 4xx (or Twilio's own 204), never a 500, and an unsigned one is a 403. */
    @Test
    void odd_webhook_values_are_refused_or_ignored_never_a_500() {
        String longSid = "CA" + "a".repeat(9_000);
        assertEquals(400, twilio.post("/twilio/voice", params("CallSid", longSid, "To", HOTLINE)).status());
        assertEquals(403, twilio.send("/twilio/voice", params("CallSid", longSid, "To", HOTLINE), Map.of("X-Twilio-Signature", "forged")).status(),
                "a forged signature is refused as such, before its fields are looked at");
        assertEquals(400, twilio.post("/twilio/status", params("CallSid", sid(), "CallStatus", "x".repeat(9_000))).status());
        assertEquals(204, twilio.post("/twilio/conference", params("StatusCallbackEvent", "participant-join",
                "FriendlyName", "callguide-" + "-".repeat(36), "ConferenceSid", "CF" + "0".repeat(32), "CallSid", sid())).status());
        String callSid = sid();
        String id = twilio.inboundTaken(callSid, HOTLINE);
        assertEquals(204, twilio.post("/twilio/transcription", params("CallSid", callSid, "TranscriptionEvent", "transcription-content",
                "SequenceId", "1", "Track", "inbound_track", "Final", "true", "Timestamp", "+1000000000-01-01T00:00:00Z",
                "TranscriptionData", "{\"transcript\":\"hello there\"}")).status());
        assertEquals(1, api.get("/api/calls/" + id + "/transcript").json().size(), "kept, as said now");
        assertEquals(400, twilio.post("/twilio/transcription", params("CallSid", callSid, "TranscriptionEvent", "transcription-content",
                "SequenceId", "2", "Track", "inbound_track", "Final", "true",
                "TranscriptionData", "{\"transcript\":\"a\\u0000b\"}")).status(), "a NUL escaped in the JSON");
        assertEquals(1, api.get("/api/calls/" + id + "/transcript").json().size(), "and nothing more kept");
        assertEquals(403, twilio.send("/twilio/voice", params("CallSid", "C\u0000A", "To", HOTLINE), Map.of()).status(),
                "unsigned is refused as unsigned, whatever it holds");
    }

    @Test
    void call_progress_is_recorded_once_and_the_end_of_the_call_is_recorded() {
        String callSid = sid();
        String id = twilio.inboundTaken(callSid, HOTLINE);
        Map<String, String> ended = params("CallSid", callSid, "CallStatus", "completed", "CallDuration", "95", "SequenceNumber", "3");
        assertEquals(204, twilio.post("/twilio/status", ended).status());
        assertEquals(204, twilio.post("/twilio/status", ended).status());
        // The same end told again as another delivery (no sequence number): still one end.
        assertEquals(204, twilio.post("/twilio/status", params("CallSid", callSid, "CallStatus", "completed")).status());
        JsonNode events = api.get("/api/calls/" + id + "/events").json();
        long endings = StreamSupport.stream(events.spliterator(), false).filter(e -> e.get("type").asText().equals("phone_call_ended")).count();
        assertEquals(1, endings);
        long statuses = StreamSupport.stream(events.spliterator(), false).filter(e -> e.get("type").asText().equals("phone_status")).count();
        assertEquals(2, statuses, "each delivery's status is kept once");
    }

    @Test
    void without_twilio_credentials_the_transfer_shows_the_manual_referral() {
        String callSid = sid();
        String id = twilio.inboundTaken(callSid, HOTLINE);
        twilio.handlerAnswers(callSid, sid());
        for (String[] a : new String[][] {{"region", "gb"}, {"caller", "mp_mla"}, {"staff_conduct", "no"}, {"mp_purpose", "complaint"}}) {
            assertEquals(200, api.answer(id, a[0], a[1]).status());
        }
        Response view = api.get("/api/calls/" + id + "/warm-transfer");
        assertEquals(200, view.status());
        assertEquals("not_started", view.field("/state"));
        assertEquals("false", view.field("/available"));
        assertEquals("+441610000001", view.field("/manual/teamNumber"));
        assertTrue(view.field("/manual/referral").contains("+441610000001"));

        Response start = api.post("/api/calls/" + id + "/warm-transfer", "{}");
        assertEquals(409, start.status());
        assertEquals("transfer_unavailable", start.field("/error"));
        assertEquals("+441610000001", start.field("/manual/teamNumber"));
        JsonNode tried = StreamSupport.stream(api.get("/api/calls/" + id + "/events").json().spliterator(), false)
                .filter(e -> e.get("type").asText().equals("warm_transfer_unavailable")).findFirst().orElseThrow();
        assertEquals("phone_system_not_connected", tried.at("/detail/reason").asText(), "the attempt is kept with why it could not start");
        assertEquals("gb", tried.at("/detail/team").asText());
        String timeline = api.as("rita", callguide.account.Role.supervisor).pages().get("/review/calls/" + id).body();
        assertTrue(timeline.contains("Warm transfer could not start: referral by hand shown"), timeline);
        assertTrue(timeline.contains("Reason: phone system not connected"), timeline);

        var page = api.as("h1").pages().post("/calls/" + id + "/warm-transfer", "team=gb");
        assertEquals(409, page.statusCode());
        assertTrue(page.body().contains("The transfer could not be done: this Callguide is not connected to the phone system"), page.body());
        assertFalse(page.body().contains("TWILIO_"), "the handler is told in plain words, not a setting's name");
    }

    private int callsWithSid(String callSid) {
        return api.app().database().jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM calls WHERE call_sid = :s")
                .bind("s", callSid).mapTo(Integer.class).one());
    }
}
