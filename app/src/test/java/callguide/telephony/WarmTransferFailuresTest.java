package callguide.telephony;

import callguide.support.MovableClock;
import callguide.support.RunningApp;
import callguide.support.TestApp.Response;
import callguide.support.TestApp;
import callguide.telephony.TwilioRecorder.Recorded;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import static callguide.telephony.Twilio.params;
import static callguide.telephony.Twilio.xpath;
import static callguide.telephony.WarmTransferTest.ACCOUNT;
import static callguide.telephony.WarmTransferTest.CALLS;
import static callguide.telephony.WarmTransferTest.HOTLINE;
import static callguide.telephony.WarmTransferTest.sid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The warm transfer when Twilio fails it: its REST API answering 500 or too slowly, or going silent. The
 * transfer fails with its reason, the caller stays with (or comes back to) the handler, the call keeps
 * everything it had, and the handler may try again. The clock is moved by hand for the silences.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WarmTransferFailuresTest {
    static final String PARTICIPANTS = "/Participants.json";
    static final MovableClock clock = new MovableClock(TestApp.NOW);
    @AutoClose
    static final TwilioRecorder recorder = TwilioRecorder.start();
    @RegisterExtension
    static final RunningApp api = RunningApp.start(Map.ofEntries(Map.entry("TWILIO_ACCOUNT_SID", ACCOUNT), Map.entry("TWILIO_AUTH_TOKEN", Twilio.TOKEN),
                Map.entry("TWILIO_API_BASE_URL", recorder.baseUrl()), Map.entry("PUBLIC_BASE_URL", Twilio.PUBLIC),
                Map.entry("MP_HOTLINE_NUMBER", HOTLINE), Map.entry("HANDLER_NUMBER", "+442079460001"),
                Map.entry("RESOLUTION_TEAM_GB_NUMBER", WarmTransferTest.GB_TEAM),
                Map.entry("TRANSFER_TIMEOUT_SECONDS", "60"), Map.entry("TWILIO_TIMEOUT_SECONDS", "1")), clock);
    final Twilio twilio = new Twilio(api);


    /**
     * Earlier tests' transfers still under way, or callers still due back, would lapse or be brought back by the
     * background sweep in the middle of this test: they are settled first, with Twilio working, then forgotten.
     */
    @BeforeEach
    void forget() throws InterruptedException {
        recorder.clear();
        clock.advance(Duration.ofSeconds(61));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (unsettled() > 0 && System.nanoTime() < deadline) {
            api.app().telephony().sweepTransfers();
            Thread.sleep(100);
        }
        assertEquals(0, unsettled(), "earlier tests' transfers settled"); // their requests to Twilio are made by then
        recorder.clear();
    }

    private long unsettled() {
        return api.app().database().jdbi().withHandle(h -> h.createQuery("""
                SELECT count(*) FROM warm_transfers WHERE state IN ('dialling', 'handing_over') OR caller_return_due IS NOT NULL""")
                .mapTo(Long.class).one());
    }

    record PhoneCall(String id, String callSid, String handlerLeg) {
        String room() {
            return "callguide-" + id;
        }
    }

    PhoneCall mpCallOnTheLine() {
        String callSid = sid();
        String handlerLeg = sid();
        String id = twilio.inboundTaken(callSid, HOTLINE);
        twilio.handlerAnswers(callSid, handlerLeg);
        for (String[] a : new String[][] {{"region", "gb"}, {"caller", "mp_mla"}, {"staff_conduct", "no"}, {"mp_purpose", "complaint"}}) {
            assertEquals(200, api.answer(id, a[0], a[1]).status());
        }
        return new PhoneCall(id, callSid, handlerLeg);
    }

    Response startTransfer(PhoneCall call) {
        Response r = api.post("/api/calls/" + call.id() + "/warm-transfer", "{}");
        assertEquals(200, r.status(), r.text());
        return r;
    }

    Response transfer(PhoneCall call) {
        return api.get("/api/calls/" + call.id() + "/warm-transfer");
    }

    /** The team leg's progress. The recorder gives every call the same team leg, so each call numbers its deliveries apart. */
    Response teamLeg(PhoneCall call, String status) {
        String path = "/twilio/conference?call=" + call.id();
        Map<String, String> p = params("CallSid", TwilioRecorder.TEAM_LEG, "CallStatus", status, "AccountSid", ACCOUNT,
                "SequenceNumber", call.id());
        return twilio.send(path, p, Map.of("X-Twilio-Signature", Twilio.signature(Twilio.TOKEN, Twilio.PUBLIC + path, p)));
    }

    /** What Twilio is told to do with the caller when the Dial to the handler ends. */
    String afterTheHandlersDial(PhoneCall call) {
        Response r = twilio.post("/twilio/dial-ended", params("CallSid", call.callSid(), "DialCallSid", call.handlerLeg(),
                "DialCallStatus", "completed", "AccountSid", ACCOUNT));
        assertEquals(200, r.status(), r.text());
        return r.text();
    }

    /** The call is as it was: its outcome kept, its phone line still up. */
    void nothingElseLost(PhoneCall call) {
        assertEquals("WARM_TRANSFER_RESOLUTION_TEAM", api.get("/api/calls/" + call.id()).field("/outcome/code"));
        assertTrue(eventTypes(call).stream().noneMatch(t -> t.equals("phone_call_ended")));
    }

    /** The transfer may be tried again: it dials the team once more. */
    void retried(PhoneCall call) throws InterruptedException {
        recorder.clear();
        assertEquals("dialling", startTransfer(call).field("/state"));
        List<Recorded> r = recorder.await(3);
        assertEquals(3, r.size(), r.toString());
        assertTrue(r.get(2).path().endsWith(PARTICIPANTS), r.get(2).path());
    }

    @Test
    void twilio_answering_500_to_dialling_the_team_fails_the_transfer_and_the_caller_comes_back() throws Exception {
        PhoneCall call = mpCallOnTheLine();
        recorder.fail(PARTICIPANTS, 500);
        Response failed = startTransfer(call);
        assertEquals("failed", failed.field("/state"));
        assertEquals("twilio_refused: Internal Server Error", failed.field("/reason"));
        assertEquals(WarmTransferTest.GB_TEAM, failed.field("/manual/teamNumber"));

        List<Recorded> r = recorder.all();
        Recorded last = r.get(r.size() - 1);
        assertEquals(CALLS + call.callSid() + ".json", last.path(), "the caller is brought back: " + r);
        assertEquals(call.room(), xpath(last.one("Twiml"), "normalize-space(/Response/Dial/Conference)"));
        assertEquals(call.room(), xpath(afterTheHandlersDial(call), "normalize-space(/Response/Dial/Conference)"),
                "the caller whose Dial ended goes to the handler in the briefing room, not off the line");
        assertTrue(eventTypes(call).containsAll(List.of("warm_transfer_failed", "warm_transfer_caller_returned")), eventTypes(call).toString());
        nothingElseLost(call);
        retried(call);
    }

    @Test
    void twilio_refusing_to_move_the_handler_leaves_the_call_as_it_was() throws Exception {
        PhoneCall call = mpCallOnTheLine();
        recorder.fail(call.handlerLeg(), 500);
        Response failed = startTransfer(call);
        assertEquals("failed", failed.field("/state"));
        assertTrue(failed.field("/reason").startsWith("twilio_refused"), failed.field("/reason"));
        Thread.sleep(300);
        assertTrue(recorder.all().stream().allMatch(q -> q.path().equals(CALLS + call.handlerLeg() + ".json")),
                "nothing else is moved: " + recorder.all());
        assertEquals("1", xpath(afterTheHandlersDial(call), "count(/Response/Hangup)"),
                "the handler and the caller are still on their Dial, and its end ends the call as before");
        nothingElseLost(call);
        retried(call);
    }

    @Test
    void twilio_not_answering_in_time_fails_the_transfer_and_brings_both_legs_together() throws Exception {
        PhoneCall call = mpCallOnTheLine();
        recorder.delayNext(PARTICIPANTS, Duration.ofSeconds(3));
        Response failed = startTransfer(call);
        assertEquals("failed", failed.field("/state"));
        assertEquals("twilio_unreachable", failed.field("/reason"));

        List<Recorded> r = recorder.await(4);
        assertEquals(CALLS + call.callSid() + ".json", r.get(3).path(), "the caller is brought back");
        assertEquals(call.room(), xpath(r.get(3).one("Twiml"), "normalize-space(/Response/Dial/Conference)"));
        assertTrue(api.get("/api/calls/" + call.id() + "/events").text().contains("\"reason\":\"twilio_unreachable\""));
        nothingElseLost(call);
        retried(call);
    }

    /** 000 step 2: transfer wherever possible, otherwise refer at once. A caller gone mid-transfer leaves only the referral. */
    @Test
    void the_caller_hanging_up_while_the_team_rings_fails_the_transfer_and_shows_the_referral() throws Exception {
        PhoneCall call = mpCallOnTheLine();
        startTransfer(call);
        recorder.await(3);
        recorder.clear();
        Response ended = twilio.post("/twilio/status", params("CallSid", call.callSid(), "CallStatus", "completed",
                "CallDuration", "95", "AccountSid", ACCOUNT));
        assertEquals(204, ended.status(), ended.text());
        Response failed = transfer(call);
        assertEquals("failed", failed.field("/state"));
        assertEquals("caller_hung_up", failed.field("/reason"));
        assertEquals(WarmTransferTest.GB_TEAM, failed.field("/manual/teamNumber"), "the referral to make by hand");
        List<Recorded> r = recorder.await(1);
        assertEquals(CALLS + TwilioRecorder.TEAM_LEG + ".json", r.get(0).path(), "the team's ringing leg is ended");
        assertEquals("completed", r.get(0).one("Status"));
        Thread.sleep(300);
        assertTrue(recorder.all().stream().noneMatch(q -> q.path().equals(CALLS + call.callSid() + ".json")), "no caller to bring back");
        assertEquals(409, api.post("/api/calls/" + call.id() + "/warm-transfer/complete", "{}").status(), "nothing to complete");
    }

    @Test
    void a_transfer_twilio_says_nothing_about_fails_after_the_configured_time_and_may_be_tried_again() throws Exception {
        PhoneCall call = mpCallOnTheLine();
        startTransfer(call);
        recorder.await(3);
        recorder.clear();

        clock.advance(Duration.ofSeconds(40));
        assertEquals(204, teamLeg(call, "ringing").status());
        clock.advance(Duration.ofSeconds(40));
        assertEquals("dialling", transfer(call).field("/state"), "Twilio spoke 40 seconds ago");
        clock.advance(Duration.ofSeconds(21));
        Response lapsed = transfer(call);
        assertEquals("failed", lapsed.field("/state"));
        assertEquals("timed_out", lapsed.field("/reason"));
        assertEquals(WarmTransferTest.GB_TEAM, lapsed.field("/manual/teamNumber"));

        List<Recorded> r = recorder.await(2);
        assertEquals(2, r.size(), r.toString());
        assertEquals(CALLS + TwilioRecorder.TEAM_LEG + ".json", r.get(0).path(), "the team's ringing leg is ended");
        assertEquals("completed", r.get(0).one("Status"));
        assertEquals(CALLS + call.callSid() + ".json", r.get(1).path(), "the caller is brought back");
        assertEquals(call.room(), xpath(r.get(1).one("Twiml"), "normalize-space(/Response/Dial/Conference)"));

        assertEquals(204, teamLeg(call, "in-progress").status(), "the team answering late");
        assertEquals("failed", transfer(call).field("/state"));
        assertEquals(1, eventTypes(call).stream().filter(t -> t.equals("warm_transfer_failed")).count());
        nothingElseLost(call);
        retried(call);
    }

    @Test
    void a_hand_over_twilio_never_confirms_fails_and_the_caller_is_brought_back_to_the_team() throws Exception {
        PhoneCall call = mpCallOnTheLine();
        startTransfer(call);
        assertEquals(204, teamLeg(call, "in-progress").status());
        assertEquals("handing_over", api.post("/api/calls/" + call.id() + "/warm-transfer/complete", "{}").field("/state"));
        recorder.await(5);
        recorder.clear();

        clock.advance(Duration.ofSeconds(61));
        Response lapsed = transfer(call);
        assertEquals("failed", lapsed.field("/state"));
        assertEquals("timed_out", lapsed.field("/reason"));
        List<Recorded> r = recorder.await(1);
        assertEquals(1, r.size(), "the team, who answered, is kept: " + r);
        assertEquals(CALLS + call.callSid() + ".json", r.get(0).path());
        assertEquals(call.room(), xpath(r.get(0).one("Twiml"), "normalize-space(/Response/Dial/Conference)"));

        Map<String, String> joined = params("StatusCallbackEvent", "participant-join", "FriendlyName", call.room(),
                "ConferenceSid", "CF" + "22".repeat(16), "CallSid", call.callSid(), "SequenceNumber", "9");
        assertEquals(204, twilio.post("/twilio/conference", joined).status());
        assertEquals("failed", transfer(call).field("/state"), "a late event does not complete a failed transfer");
        assertTrue(eventTypes(call).stream().noneMatch(t -> t.equals("warm_transfer_completed")));
    }

    @Test
    void twilio_refusing_to_put_the_caller_through_leaves_the_handler_briefing_to_try_again() throws Exception {
        PhoneCall call = mpCallOnTheLine();
        startTransfer(call);
        assertEquals(204, teamLeg(call, "in-progress").status());
        recorder.await(3);
        recorder.clear();
        recorder.fail(call.callSid(), 500);

        Response refused = api.post("/api/calls/" + call.id() + "/warm-transfer/complete", "{}");
        assertEquals(200, refused.status(), refused.text());
        assertEquals("briefing", refused.field("/state"));
        assertEquals("twilio_refused: Internal Server Error", refused.field("/reason"));
        assertTrue(recorder.all().stream().noneMatch(q -> q.path().contains(call.handlerLeg())), "the handler is not hung up on: " + recorder.all());

        recorder.clear();
        Response again = api.post("/api/calls/" + call.id() + "/warm-transfer/complete", "{}");
        assertEquals("handing_over", again.field("/state"));
        assertNull(again.field("/reason"));
        recorder.await(2);
        assertEquals(2, toThisCall(call).size(), "the caller put through and the handler's leg ended: " + recorder.all());
    }

    @Test
    void a_caller_twilio_would_not_bring_back_is_brought_back_once_by_the_background_job_when_twilio_answers_again() throws Exception {
        PhoneCall call = mpCallOnTheLine();
        startTransfer(call);
        recorder.await(3);
        recorder.clear();
        recorder.fail(call.callSid(), 500);
        assertEquals(204, teamLeg(call, "no-answer").status());
        awaitEvent(call, "warm_transfer_step_failed");
        assertEquals("failed", transfer(call).field("/state"));
        assertTrue(eventTypes(call).stream().noneMatch(t -> t.equals("warm_transfer_caller_returned")));

        recorder.clear();
        clock.advance(Duration.ofSeconds(16)); // past the first try's claim, and the job's turn
        awaitEvent(call, "warm_transfer_caller_returned");
        List<Recorded> r = toThisCall(call);
        assertEquals(1, r.size(), r.toString());
        assertEquals(CALLS + call.callSid() + ".json", r.get(0).path(), "the caller is brought back");
        assertEquals(call.room(), xpath(r.get(0).one("Twiml"), "normalize-space(/Response/Dial/Conference)"));

        clock.advance(Duration.ofSeconds(16));
        Thread.sleep(2500); // the job's next turns
        assertEquals(1, toThisCall(call).size(), "brought back once: " + recorder.all());
        nothingElseLost(call);
    }

    @Test
    void a_caller_twilio_never_brings_back_is_recorded_as_not_returned_after_five_minutes() throws Exception {
        PhoneCall call = mpCallOnTheLine();
        startTransfer(call);
        recorder.await(3);
        recorder.fail(call.callSid(), 500);
        assertEquals(204, teamLeg(call, "busy").status());
        awaitEvent(call, "warm_transfer_step_failed");

        clock.advance(Duration.ofMinutes(6));
        awaitEvent(call, "warm_transfer_caller_not_returned");
        clock.advance(Duration.ofSeconds(16));
        Thread.sleep(2500);
        assertEquals(1, eventTypes(call).stream().filter(t -> t.equals("warm_transfer_caller_not_returned")).count());
    }

    /** What Twilio was asked to do to this call's legs (other tests' transfers may lapse meanwhile). */
    private List<Recorded> toThisCall(PhoneCall call) {
        return recorder.all().stream().filter(q -> q.path().contains(call.callSid()) || q.path().contains(call.handlerLeg())).toList();
    }

    private void awaitEvent(PhoneCall call, String type) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!eventTypes(call).contains(type) && System.nanoTime() < deadline) Thread.sleep(100);
        assertTrue(eventTypes(call).contains(type), type + " in " + eventTypes(call));
    }

    private List<String> eventTypes(PhoneCall call) {
        return StreamSupport.stream(api.get("/api/calls/" + call.id() + "/events").json().spliterator(), false)
                .map(e -> e.get("type").asText()).toList();
    }
}
