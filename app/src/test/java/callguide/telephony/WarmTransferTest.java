package callguide.telephony;

import callguide.support.RunningApp;
import callguide.support.TestApp.Response;
import callguide.telephony.TwilioRecorder.Recorded;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static callguide.telephony.Twilio.params;
import static callguide.telephony.Twilio.xpath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The warm transfer through the real Twilio SDK, whose REST requests land on a local recorder. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WarmTransferTest {
    static final String ACCOUNT = "AC" + "ab".repeat(16);
    static final String HOTLINE = "+442079460000";
    static final String GB_TEAM = "+441610000001";
    static final String NI_TEAM = "+442890000002";
    static final String SCOTLAND_TEAM = "+441410000003";
    static final String CALLS = "/2010-04-01/Accounts/" + ACCOUNT + "/Calls/";
    /** Whether a leg joining the room opens it, and whether its leaving closes it, as the TwiML says. */
    static final String STARTS = "/Response/Dial/Conference/@" + Twiml.STARTS_ON_ENTER;
    static final String ENDS = "/Response/Dial/Conference/@" + Twiml.ENDS_ON_EXIT;

    /** Closed after the service stops. */
    @AutoClose
    static final TwilioRecorder recorder = TwilioRecorder.start();
    @RegisterExtension
    static final RunningApp api = RunningApp.start(Map.ofEntries(
            Map.entry("TWILIO_ACCOUNT_SID", ACCOUNT), Map.entry("TWILIO_AUTH_TOKEN", Twilio.TOKEN),
            Map.entry("TWILIO_API_BASE_URL", recorder.baseUrl()), Map.entry("PUBLIC_BASE_URL", Twilio.PUBLIC),
            Map.entry("MP_HOTLINE_NUMBER", HOTLINE), Map.entry("HANDLER_NUMBER", "+442079460001"),
            Map.entry("RESOLUTION_TEAM_GB_NUMBER", GB_TEAM), Map.entry("RESOLUTION_TEAM_NI_NUMBER", NI_TEAM),
            Map.entry("RESOLUTION_TEAM_NUMBERS", "scotland=" + SCOTLAND_TEAM)));
    Twilio twilio;

    @BeforeAll
    void start() {
        twilio = new Twilio(api);
    }

    @BeforeEach
    void forget() {
        recorder.clear();
    }

    record PhoneCall(String id, String callSid, String handlerLeg) {}

    PhoneCall mpCallOnTheLine(String region) {
        String callSid = sid();
        String handlerLeg = sid();
        String id = twilio.inboundTaken(callSid, HOTLINE);
        twilio.handlerAnswers(callSid, handlerLeg);
        // 000 step 2: an MP on the phone, past the staff-conduct question, at the warm transfer outcome
        for (String[] a : new String[][] {{"region", region}, {"caller", "mp_mla"}, {"staff_conduct", "no"}, {"mp_purpose", "complaint"}}) {
            assertEquals(200, api.answer(id, a[0], a[1]).status());
        }
        assertEquals("WARM_TRANSFER_RESOLUTION_TEAM", api.get("/api/calls/" + id).field("/outcome/code"));
        return new PhoneCall(id, callSid, handlerLeg);
    }

    static String sid() {
        return "CA" + UUID.randomUUID().toString().replace("-", "");
    }

    Response teamLeg(PhoneCall call, String status) {
        String path = "/twilio/conference?call=" + call.id();
        Map<String, String> p = params("CallSid", TwilioRecorder.TEAM_LEG, "CallStatus", status, "AccountSid", ACCOUNT);
        return twilio.send(path, p, Map.of("X-Twilio-Signature", Twilio.signature(Twilio.TOKEN, Twilio.PUBLIC + path, p)));
    }

    Response roomEvent(String room, String event, String legSid, int sequence) {
        return twilio.post("/twilio/conference", params("StatusCallbackEvent", event, "FriendlyName", room,
                "ConferenceSid", "CF" + "11".repeat(16), "CallSid", legSid, "SequenceNumber", String.valueOf(sequence), "AccountSid", ACCOUNT));
    }

    @Test
    void the_caller_waits_on_hold_while_the_handler_briefs_the_team_then_the_handler_leaves() throws Exception {
        PhoneCall call = mpCallOnTheLine("gb");
        Response started = api.post("/api/calls/" + call.id() + "/warm-transfer", "{}");
        assertEquals(200, started.status(), started.text());
        assertEquals("dialling", started.field("/state"));

        List<Recorded> r = recorder.await(3);
        assertEquals(3, r.size(), r.toString());
        String room = "callguide-" + call.id();
        assertEquals("POST " + CALLS + call.handlerLeg() + ".json", r.get(0).method() + " " + r.get(0).path());
        assertEquals(room, xpath(r.get(0).one("Twiml"), "normalize-space(/Response/Dial/Conference)"));
        assertEquals("true", xpath(r.get(0).one("Twiml"), STARTS));
        assertEquals("false", xpath(r.get(0).one("Twiml"), ENDS));
        assertEquals("Basic " + Base64.getEncoder().encodeToString((ACCOUNT + ":" + Twilio.TOKEN).getBytes()), r.get(0).authorization());

        assertEquals("POST " + CALLS + call.callSid() + ".json", r.get(1).method() + " " + r.get(1).path());
        assertEquals(room + "-hold", xpath(r.get(1).one("Twiml"), "normalize-space(/Response/Dial/Conference)"));
        assertEquals("false", xpath(r.get(1).one("Twiml"), STARTS));
        assertEquals(Twilio.PUBLIC + "/twilio/conference", xpath(r.get(1).one("Twiml"), "/Response/Dial/Conference/@statusCallback"));

        Recorded dial = r.get(2);
        assertEquals("POST /2010-04-01/Accounts/" + ACCOUNT + "/Conferences/" + room + "/Participants.json", dial.method() + " " + dial.path());
        assertEquals(HOTLINE, dial.one("From"));
        assertEquals(GB_TEAM, dial.one("To"));
        assertEquals(Twilio.PUBLIC + "/twilio/conference?call=" + call.id(), dial.one("StatusCallback"));
        assertEquals(List.of("initiated", "ringing", "answered", "completed"), dial.form().get("StatusCallbackEvent"));
        assertTrue(dial.form().keySet().stream().noneMatch(k -> k.startsWith("Start") || k.startsWith("End")),
                "the team's leg keeps Twilio's defaults: it opens the room, and leaving does not close it: " + dial.form().keySet());

        assertEquals(409, api.post("/api/calls/" + call.id() + "/warm-transfer/complete", "{}").status(), "not before the team answers");
        assertEquals(409, api.post("/api/calls/" + call.id() + "/warm-transfer", "{}").status(), "one transfer at a time");
        assertEquals(204, teamLeg(call, "ringing").status());
        assertEquals(204, teamLeg(call, "in-progress").status());
        assertEquals(204, teamLeg(call, "in-progress").status(), "a retried delivery");
        assertEquals("briefing", api.get("/api/calls/" + call.id() + "/warm-transfer").field("/state"));

        recorder.clear();
        Response done = api.post("/api/calls/" + call.id() + "/warm-transfer/complete", "{}");
        assertEquals(200, done.status(), done.text());
        assertEquals("handing_over", done.field("/state"), "not completed until Twilio says the caller is with the team");
        r = recorder.await(2);
        assertEquals(2, r.size(), r.toString());
        assertEquals(CALLS + call.callSid() + ".json", r.get(0).path());
        assertEquals(room, xpath(r.get(0).one("Twiml"), "normalize-space(/Response/Dial/Conference)"));
        assertEquals("true", xpath(r.get(0).one("Twiml"), ENDS));
        assertEquals(CALLS + call.handlerLeg() + ".json", r.get(1).path());
        assertEquals("completed", r.get(1).one("Status"));

        // Twilio's room events, in order: the handler leaves, the caller leaves the hold room and joins the team.
        assertEquals(204, roomEvent(room, "participant-leave", call.handlerLeg(), 7).status());
        assertEquals(204, roomEvent(room + "-hold", "participant-leave", call.callSid(), 3).status());
        assertEquals("handing_over", api.get("/api/calls/" + call.id() + "/warm-transfer").field("/state"));
        assertEquals(204, roomEvent(room, "participant-join", call.callSid(), 8).status());
        assertEquals("completed", api.get("/api/calls/" + call.id() + "/warm-transfer").field("/state"));
        assertEquals(204, roomEvent(room, "participant-join", call.callSid(), 8).status(), "a retried delivery");

        assertEquals(List.of("warm_transfer_started", "warm_transfer_handler_joined", "warm_transfer_caller_on_hold",
                "warm_transfer_team_dialled", "warm_transfer_team_ringing", "warm_transfer_team_in_progress", "warm_transfer_briefing",
                "warm_transfer_caller_handed_over", "warm_transfer_handler_left", "warm_transfer_completed"), transferEvents(call));
        assertEquals(409, api.post("/api/calls/" + call.id() + "/warm-transfer/complete", "{}").status());
    }

    @ParameterizedTest
    @CsvSource({"no-answer, no_answer", "busy, busy", "failed, failed"})
    void when_the_team_cannot_be_reached_the_caller_goes_back_to_the_handler(String status, String reason) throws Exception {
        PhoneCall call = mpCallOnTheLine("gb");
        assertEquals(200, api.post("/api/calls/" + call.id() + "/warm-transfer", "{}").status());
        recorder.await(3);
        recorder.clear();
        assertEquals(204, teamLeg(call, status).status());

        Response view = api.get("/api/calls/" + call.id() + "/warm-transfer");
        assertEquals("failed", view.field("/state"));
        assertEquals(reason, view.field("/reason"));
        assertEquals(GB_TEAM, view.field("/manual/teamNumber"));
        assertNotNull(view.field("/manual/referral"));

        List<Recorded> r = recorder.await(1);
        assertEquals(1, r.size(), r.toString());
        assertEquals(CALLS + call.callSid() + ".json", r.get(0).path());
        assertEquals("callguide-" + call.id(), xpath(r.get(0).one("Twiml"), "normalize-space(/Response/Dial/Conference)"));
        assertEquals("true", xpath(r.get(0).one("Twiml"), STARTS));
        awaitEvent(call, "warm_transfer_caller_returned");

        assertEquals(204, teamLeg(call, status).status(), "a retried delivery");
        Thread.sleep(300);
        assertEquals(1, recorder.all().size());
        assertEquals(1, transferEvents(call).stream().filter(e -> e.equals("warm_transfer_failed")).count());
        assertTrue(api.get("/api/calls/" + call.id() + "/events").text().contains("\"reason\":\"" + reason + "\""));
    }

    @Test
    void the_region_picks_the_team_and_a_gb_handler_may_pick_a_regional_team() throws Exception {
        PhoneCall ni = mpCallOnTheLine("ni");
        api.post("/api/calls/" + ni.id() + "/warm-transfer", "{}");
        assertEquals(NI_TEAM, recorder.await(3).get(2).one("To"));

        recorder.clear();
        PhoneCall scotland = mpCallOnTheLine("gb");
        assertEquals(200, api.post("/api/calls/" + scotland.id() + "/warm-transfer", "{\"team\":\"scotland\"}").status());
        assertEquals(SCOTLAND_TEAM, recorder.await(3).get(2).one("To"));

        recorder.clear();
        PhoneCall fromThePage = mpCallOnTheLine("gb");
        var page = api.as("h1").pages();
        String outcome = page.get("/calls/" + fromThePage.id() + "/outcome").body();
        assertTrue(outcome.contains("id=\"transfer-team-scotland\"") && outcome.contains("id=\"transfer-team-gb\""), "the handler's page offers the GB teams");
        assertEquals(303, page.post("/calls/" + fromThePage.id() + "/warm-transfer", "team=scotland").statusCode());
        assertEquals(SCOTLAND_TEAM, recorder.await(3).get(2).one("To"));
        String niOutcome = page.get("/calls/" + mpCallOnTheLine("ni").id() + "/outcome").body();
        assertTrue(niOutcome.contains("id=\"start-transfer\""), "a transfer not yet started, whose form would show a choice");
        assertFalse(niOutcome.contains("transfer-team-"), "Northern Ireland has one team");

        recorder.clear();
        PhoneCall unknown = mpCallOnTheLine("gb");
        Response r = api.post("/api/calls/" + unknown.id() + "/warm-transfer", "{\"team\":\"atlantis\"}");
        assertEquals(400, r.status());
        assertEquals("unknown_team", r.field("/error"));
        assertEquals(0, recorder.all().size());
    }

    @Test
    void a_call_that_is_not_for_the_resolution_team_is_not_transferred() {
        String callSid = sid();
        String id = twilio.inboundTaken(callSid, "+441000000000");
        twilio.handlerAnswers(callSid, sid());
        Response r = api.post("/api/calls/" + id + "/warm-transfer", "{}");
        assertEquals(422, r.status());
        assertEquals("not_transferable", r.field("/error"));
        assertEquals("not_started", api.get("/api/calls/" + id + "/warm-transfer").field("/state"));
        assertEquals(0, recorder.all().size());
        assertEquals(404, api.post("/api/calls/" + UUID.randomUUID() + "/warm-transfer", "{}").status());
    }

    @Test
    void a_hotline_call_before_its_outcome_is_not_transferred_because_staff_conduct_comes_first() {
        String callSid = sid();
        String id = twilio.inboundTaken(callSid, HOTLINE);
        twilio.handlerAnswers(callSid, sid());
        assertEquals(200, api.answer(id, "region", "gb").status());
        assertEquals(200, api.answer(id, "caller", "mp_mla").status());
        Response r = api.post("/api/calls/" + id + "/warm-transfer", "{}");
        assertEquals(422, r.status());
        assertEquals("not_transferable", r.field("/error"));
        assertEquals(0, recorder.all().size());
    }

    @Test
    void a_client_referred_to_the_resolution_team_is_not_transferred_the_team_calls_them_back() {
        String callSid = sid();
        String id = twilio.inboundTaken(callSid, "+441000000000");
        twilio.handlerAnswers(callSid, sid());
        String[] answers = {"region", "gb", "caller", "client", "staff_conduct", "no", "about_cm_options", "no", "case_closed_on", "",
                "challenges_decision", "no", "effective_date_challenge", "no", "existing_complaint", "unhappy_with_bau",
                "bau_within_6_months", "yes", "mp_raised", "no"};
        for (int i = 0; i < answers.length; i += 2) assertEquals(200, api.answer(id, answers[i], answers[i + 1]).status(), answers[i]);
        assertEquals("REFER_RESOLUTION_TEAM", api.get("/api/calls/" + id).field("/outcome/code"));
        Response r = api.post("/api/calls/" + id + "/warm-transfer", "{}");
        assertEquals(422, r.status());
        assertEquals("not_transferable", r.field("/error"));
        Response view = api.get("/api/calls/" + id + "/warm-transfer");
        assertEquals("false", view.field("/offered"));
        assertTrue(!view.json().hasNonNull("manual") && !view.json().hasNonNull("teamNumber"),
                "no team number and no referral to make by hand: " + view.text());
        assertEquals(0, recorder.all().size());
    }

    @Test
    void an_mp_phoning_about_a_member_of_staff_is_still_warm_transferred_without_details() throws Exception {
        String callSid = sid();
        String id = twilio.inboundTaken(callSid, HOTLINE);
        twilio.handlerAnswers(callSid, sid());
        for (String[] a : new String[][] {{"region", "gb"}, {"caller", "mp_mla"}, {"staff_conduct", "yes"}}) {
            assertEquals(200, api.answer(id, a[0], a[1]).status());
        }
        assertEquals("STAFF_CONDUCT_CONFIDENTIAL", api.get("/api/calls/" + id).field("/outcome/code"));
        assertEquals("true", api.get("/api/calls/" + id + "/warm-transfer").field("/offered"));
        assertEquals(200, api.post("/api/calls/" + id + "/warm-transfer", "{}").status());
        assertEquals(GB_TEAM, recorder.await(3).get(2).one("To"));
    }

    private List<String> transferEvents(PhoneCall call) {
        return StreamSupport.stream(api.get("/api/calls/" + call.id() + "/events").json().spliterator(), false)
                .map(e -> e.get("type").asText()).filter(t -> t.startsWith("warm_transfer")).toList();
    }

    private void awaitEvent(PhoneCall call, String type) throws InterruptedException {
        for (int i = 0; i < 50 && !transferEvents(call).contains(type); i++) Thread.sleep(100);
        assertTrue(transferEvents(call).contains(type), transferEvents(call).toString());
    }
}
