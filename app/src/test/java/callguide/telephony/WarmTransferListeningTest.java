package callguide.telephony;

import callguide.support.RunningApp;
import callguide.support.TestApp.Response;
import callguide.telephony.TwilioRecorder.Recorded;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import static callguide.telephony.Twilio.params;
import static callguide.telephony.WarmTransferTest.ACCOUNT;
import static callguide.telephony.WarmTransferTest.CALLS;
import static callguide.telephony.WarmTransferTest.HOTLINE;
import static callguide.telephony.WarmTransferTest.sid;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A caller who listens to the briefing is already with the team: the hand-over is the handler leaving, as Twilio reports it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WarmTransferListeningTest {
    @AutoClose
    static final TwilioRecorder recorder = TwilioRecorder.start();
    @RegisterExtension
    static final RunningApp api = RunningApp.start(Map.ofEntries(Map.entry("TWILIO_ACCOUNT_SID", ACCOUNT), Map.entry("TWILIO_AUTH_TOKEN", Twilio.TOKEN),
                Map.entry("TWILIO_API_BASE_URL", recorder.baseUrl()), Map.entry("PUBLIC_BASE_URL", Twilio.PUBLIC),
                Map.entry("MP_HOTLINE_NUMBER", HOTLINE), Map.entry("HANDLER_NUMBER", "+442079460001"),
                Map.entry("RESOLUTION_TEAM_GB_NUMBER", WarmTransferTest.GB_TEAM), Map.entry("TRANSFER_CALLER_HEARS_BRIEFING", "true")));
    final Twilio twilio = new Twilio(api);


    @Test
    void the_transfer_is_completed_when_twilio_reports_the_handler_gone_from_the_caller_and_the_team() throws Exception {
        String callSid = sid();
        String handlerLeg = sid();
        String id = twilio.inboundTaken(callSid, HOTLINE);
        twilio.handlerAnswers(callSid, handlerLeg);
        for (String[] a : new String[][] {{"region", "gb"}, {"caller", "mp_mla"}, {"staff_conduct", "no"}, {"mp_purpose", "complaint"}}) {
            assertEquals(200, api.answer(id, a[0], a[1]).status());
        }
        String room = "callguide-" + id;
        assertEquals(200, api.post("/api/calls/" + id + "/warm-transfer", "{}").status());
        recorder.await(3);
        assertEquals(204, roomEvent(room, "participant-join", callSid, 2).status(), "the caller joins the briefing to listen");
        String path = "/twilio/conference?call=" + id;
        Map<String, String> answered = params("CallSid", TwilioRecorder.TEAM_LEG, "CallStatus", "in-progress", "AccountSid", ACCOUNT);
        twilio.send(path, answered, Map.of("X-Twilio-Signature", Twilio.signature(Twilio.TOKEN, Twilio.PUBLIC + path, answered)));
        assertEquals("briefing", api.get("/api/calls/" + id + "/warm-transfer").field("/state"));

        recorder.clear();
        Response done = api.post("/api/calls/" + id + "/warm-transfer/complete", "{}");
        assertEquals("handing_over", done.field("/state"));
        List<Recorded> r = recorder.await(1);
        assertEquals(1, r.size(), "only the handler's leg is ended: " + r);
        assertEquals(CALLS + handlerLeg + ".json", r.get(0).path());

        assertEquals(204, roomEvent(room, "participant-leave", handlerLeg, 5).status());
        assertEquals("completed", api.get("/api/calls/" + id + "/warm-transfer").field("/state"));
        assertEquals(204, roomEvent(room, "participant-leave", handlerLeg, 5).status(), "a retried delivery");
        assertEquals(1, StreamSupport.stream(api.get("/api/calls/" + id + "/events").json().spliterator(), false)
                .filter(e -> e.get("type").asText().equals("warm_transfer_completed")).count());
    }

    private Response roomEvent(String room, String event, String legSid, int sequence) {
        return twilio.post("/twilio/conference", params("StatusCallbackEvent", event, "FriendlyName", room,
                "ConferenceSid", "CF" + "33".repeat(16), "CallSid", legSid, "SequenceNumber", String.valueOf(sequence), "AccountSid", ACCOUNT));
    }
}
