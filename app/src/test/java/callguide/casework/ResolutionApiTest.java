package callguide.casework;

import callguide.account.Role;
import callguide.config.Json;
import callguide.resolution.CaseEngine;
import callguide.resolution.CaseState;
import callguide.resolution.ProcessFlow;
import callguide.support.RunningApp;
import callguide.support.TestApp;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static callguide.casework.CaseClient.guidedCall;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CRT's JSON API on the real service and a real database: the contract other clients depend on. */
class ResolutionApiTest {
    @RegisterExtension
    static final RunningApp app = RunningApp.start();
    static CaseClient caseworker;
    static CaseClient leader;

    @BeforeAll
    static void start() {
        caseworker = CaseClient.as(app, "casey", Role.resolution_caseworker);
        leader = CaseClient.as(app, "lee", Role.resolution_team_leader);
    }

    static Map<String, Object> manual(Object... kv) {
        Map<String, Object> m = new java.util.HashMap<>(Map.of("team", "gb", "referredBy", "BAU G7 Smith", "receivedOn", "2026-11-27"));
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    static String opened(Object... kv) {
        TestApp.Response r = caseworker.manual(manual(kv));
        assertEquals(201, r.status(), r.text());
        return r.field("/id");
    }

    private static final Map<String, String> NONE = Map.of();

    /** A manual complaint walked by the API to the team leader's approval of a payment. */
    static String awaitingApproval() {
        String id = opened();
        caseworker.moveNow(id, "acknowledge", Map.of("parties", "both clients", "acknowledged_by", "phone"));
        caseworker.moveNow(id, "resolvable_now", NONE);
        caseworker.moveNow(id, "sr_set_up", Map.of("sr_number", "1-234", "dissatisfaction_sr", "1-111",
                "dissatisfaction_within_6_months", "yes", "addressee", "CMG", "parliamentary_contact_involved", "no",
                "complaint_details", "late payments", "root_cause", "Human Error"));
        caseworker.moveNow(id, "plan_discussed", Map.of("review", "checked", "discussed_with", "client"));
        caseworker.moveNow(id, "further_action", Map.of("referral_update", "needs BAU review"));
        caseworker.moveNow(id, "bau_review_returned", Map.of("bau_review", "arrears wrong"));
        caseworker.moveNow(id, "plan_for_approval", Map.of("reasons", "r", "actions", "a", "amount", "50.00"));
        return id;
    }

    @Test
    void theFlowIsServedInTheContractsShapeAndIsNotAnIntakeFlow() {
        TestApp.Response r = caseworker.get("/api/flows/resolution");
        assertEquals(200, r.status(), r.text());
        assertEquals("resolution", r.field("/id"));
        assertEquals("received", r.field("/start"));
        assertNotNull(r.field("/version"));
        JsonNode move = r.json().at("/stages/received/moves/0");
        for (String key : List.of("id", "to", "roles", "fields", "letters", "clock", "resolutionCode", "sources")) {
            assertTrue(move.has(key), "a move has " + key);
        }
        assertTrue(move.get("letters").isArray());
        JsonNode source = r.json().at("/stages/plan_disputed/sources/0");
        assertEquals("Client disagrees with action plan", source.get("heading").asText());
        assertEquals(34, source.get("step").asInt());
        assertEquals("Complaint resolution process (002)", source.get("name").asText(), "the document by name, its file beside it");
        assertEquals("002_29dc4c45286f13bd.txt", source.get("file").asText());
        assertTrue(source.get("note").asText().contains("blank"));
        assertTrue(r.json().at("/stages/sr_setup/moves/1/clock").isObject());
        assertTrue(r.json().at("/stages/acknowledged/moves/0/clock").isNull());
        TestApp.Response intake = app.get("/api/flows");
        assertFalse(intake.text().contains("\"resolution\""), "the intake flow list never shows the process flow");
    }

    @Test
    void aWarmTransferredMpOpensOneCaseLinkedToTheCallWithItsClocks() {
        String call = guidedCall(app, CaseClient.MP_COMPLAINT_BY_PHONE);
        TestApp.Response first = caseworker.open(call);
        assertEquals(201, first.status(), first.text());
        assertEquals("received", first.field("/stage"));
        assertEquals(1, first.json().get("version").asInt());
        assertEquals(call, first.field("/call"));
        assertEquals("acknowledge", first.field("/clocks/0/name"));
        assertEquals("2026-11-29", first.field("/clocks/0/due"));
        assertEquals("2026-12-12", first.field("/clocks/1/due"));
        assertTrue(first.json().at("/clocks/0/stoppedAt").isNull());
        assertEquals("yes", first.field("/facts/parliamentary"));
        TestApp.Response again = caseworker.open(call);
        assertEquals(200, again.status());
        assertEquals(first.field("/id"), again.field("/id"));
    }

    @Test
    void aCallThatSendsNoWorkToTheCrtIsRefused() {
        String call = guidedCall(app, Map.of("contact_route", "inbound_call", "region", "gb", "caller", "contracted_supplier",
                "staff_conduct", "no"));
        TestApp.Response r = caseworker.open(call);
        assertEquals(422, r.status(), r.text());
        assertEquals("not_for_crt", r.field("/error"));
        assertEquals(404, caseworker.open(UUID.randomUUID().toString()).status());
        String unfinished = app.post("/api/calls", "{\"flow\":\"intake\"}").field("/id");
        assertEquals("call_in_progress", caseworker.open(unfinished).field("/error"));
    }

    @Test
    void callHandlersAndStrangersSeeNoCases() {
        String id = opened();
        CaseClient handler = CaseClient.as(app, "hal", Role.handler);
        assertEquals(403, handler.get("/api/cases/" + id).status());
        assertEquals(403, handler.manual(manual()).status());
        assertEquals(403, handler.move(id, 1, "acknowledge", NONE).status());
        assertEquals(401, app.anonymous().get("/api/cases/" + id).status());
        assertEquals(1, caseworker.get("/api/cases/" + id).json().get("version").asInt(), "nothing changed");
    }

    @Test
    void refusalsComeInTheContractsOrderAndRecordNothing() {
        String id = awaitingApproval();
        JsonNode now = caseworker.get("/api/cases/" + id).json();
        int v = now.get("version").asInt();
        int events = now.get("events").size();

        TestApp.Response stale = caseworker.move(id, v - 1, "no_such_move", NONE);
        assertEquals(409, stale.status());
        assertEquals("stale_version", stale.field("/error"));
        assertEquals(v, stale.json().at("/current/version").asInt());
        assertEquals(events, stale.json().at("/current/events").size());

        TestApp.Response notAllowed = caseworker.move(id, v, "acknowledge", NONE);
        assertEquals(409, notAllowed.status());
        assertEquals("move_not_allowed", notAllowed.field("/error"));
        assertEquals("awaiting_approval", notAllowed.field("/current/stage"));

        TestApp.Response forbidden = caseworker.move(id, v, "tl_approves", NONE);
        assertEquals(403, forbidden.status(), "a caseworker cannot approve a payment");

        TestApp.Response missing = leader.move(id, v, "tl_approves", Map.of("amount", "50.00"));
        assertEquals(422, missing.status());
        assertEquals("fields_missing", missing.field("/error"));
        assertEquals("comments", missing.field("/missing/0"));

        // A number, a null or a field the move does not take changes none of that order.
        String path = "/api/cases/" + id + "/moves";
        TestApp.Response staleWithANumber = leader.post(path, "{\"move\":\"tl_approves\",\"version\":" + (v - 1)
                + ",\"fields\":{\"amount\":50,\"comments\":null}}");
        assertEquals("stale_version", staleWithANumber.field("/error"), staleWithANumber.text());
        TestApp.Response missingWithExtra = leader.post(path, "{\"move\":\"tl_approves\",\"version\":" + v
                + ",\"fields\":{\"amount\":50,\"comments\":null,\"colour\":\"blue\"}}");
        assertEquals(422, missingWithExtra.status(), missingWithExtra.text());
        assertEquals("fields_missing", missingWithExtra.field("/error"));
        assertEquals("comments", missingWithExtra.field("/missing/0"));

        JsonNode after = caseworker.get("/api/cases/" + id).json();
        assertEquals(v, after.get("version").asInt());
        assertEquals(events, after.get("events").size());

        assertTrue(service().views(UUID.fromString(id)).stream().filter(view -> view.username().equals("lee")).count() >= 1,
                "the case sent back with a refusal is a view of it, recorded");

        TestApp.Response ok = leader.move(id, v, "tl_approves", Map.of("amount", "50.00", "comments", "within my authority"));
        assertEquals(200, ok.status(), ok.text());
        assertEquals("plan_approved", ok.field("/stage"), "step 24 hands the plan back to the caseworker for step 26");
        assertEquals(v + 1, ok.json().get("version").asInt());
        assertTrue(ok.json().get("clocks").isArray());
    }

    /** A non-case specific query is an MP's by definition: opened by hand without saying so, it can still take its track. */
    @Test
    void aManualMpQueryIsParliamentaryAndOffersOnlyItsOwnTrack() {
        String id = opened("nonCaseSpecificQuery", true);
        TestApp.Response c = caseworker.get("/api/cases/" + id);
        assertEquals("mp_query", c.field("/kind"));
        assertEquals("yes", c.field("/facts/parliamentary"));
        assertEquals(List.of("authenticate_mp"), moves(c));
        caseworker.moveNow(id, "authenticate_mp", Map.of("how_authenticated", "MP Enquiries"));
        assertEquals(List.of("non_case_specific_query"), moves(caseworker.get("/api/cases/" + id)));
    }

    /** 002 "CMG to be CMED in NI", and 003 puts MLA beside every MP: an NI team's case reads in NI terms and takes the same values. */
    @Test
    void aNorthernIrelandCaseReadsInItsOwnTermsAndTakesTheSameValues() {
        var pages = app.as("casey", callguide.account.Role.resolution_caseworker).pages();
        String niMp = opened("team", "ni", "parliamentary", true);
        String niPage = pages.get("/cases/" + niMp).body();
        assertTrue(niPage.contains("MP or MLA not yet authenticated"), niPage);
        assertTrue(niPage.contains("How the MP or MLA was authenticated"), niPage);
        String gbPage = pages.get("/cases/" + opened("parliamentary", true)).body();
        assertTrue(gbPage.contains("MP not yet authenticated") && !gbPage.contains("MLA"), gbPage);

        String ni = opened("team", "ni");
        caseworker.moveNow(ni, "acknowledge", Map.of("parties", "both clients", "acknowledged_by", "phone"));
        caseworker.moveNow(ni, "resolvable_now", NONE);
        String form = pages.get("/cases/" + ni).body();
        assertTrue(form.matches("(?s).*value=\"CMG\"[^>]*>\\s*<label[^>]*>CMED</label>.*"), "the NI form shows CMED for the value CMG");
        assertFalse(form.contains(">CMG</label>"), "no CMG label on an NI case");
        caseworker.moveNow(ni, "sr_set_up", Map.of("sr_number", "1-234", "dissatisfaction_sr", "1-111",
                "dissatisfaction_within_6_months", "yes", "addressee", "CMG", "parliamentary_contact_involved", "yes",
                "constituency", "Belfast South", "mp_name", "A Member", "complaint_details", "late payments", "root_cause", "Human Error"));
        assertEquals("CMG", caseworker.get("/api/cases/" + ni).field("/facts/addressee"));
        String history = pages.get("/cases/" + ni).body();
        assertTrue(history.contains("Complaints Resolution SR set up") && history.contains("Addressee: CMED"),
                "the history names the move and shows what was recorded, in the case's terms");
    }

    /** A move's id names different moves in different stages: the history shows the one that was made. */
    @Test
    void theHistoryShowsEachMoveAsMadeFromItsStage() {
        String id = awaitingApproval();
        leader.moveNow(id, "tl_approves", Map.of("amount", "50.00", "comments", "within my authority"));
        caseworker.moveNow(id, "plan_ready", NONE);
        caseworker.moveNow(id, "client_unreachable", Map.of("complaint_reference", "TM_12115_E", "what_happens_next", "TM_12121_E",
                "free_text", "late payments"));
        String page = app.as("casey", callguide.account.Role.resolution_caseworker).pages().get("/cases/" + id).body();
        assertTrue(page.contains("Client not reached by phone, CMSL5704 issued"), page);
        assertTrue(page.contains("Complaint reference paragraph: TM_12115_E"), page);
        assertFalse(page.contains("CMSL5703 issued"), "not the step-13 move of the same id");
    }

    private static List<String> moves(TestApp.Response c) {
        List<String> out = new ArrayList<>();
        c.json().get("moves").forEach(m -> { if (!m.asText().equals("log_call_attempt") && !m.asText().equals("agree_timetable")) out.add(m.asText()); });
        return out;
    }

    @Test
    void badBodiesAreFourHundredsNotFiveHundreds() {
        String id = opened();
        assertEquals(400, caseworker.post("/api/cases/" + id + "/moves", "{not json").status());
        assertEquals(400, caseworker.post("/api/cases/" + id + "/moves", "{\"move\":\"acknowledge\",\"version\":\"1\"}").status());
        assertEquals(400, caseworker.post("/api/cases/" + id + "/moves", "{\"move\":\"acknowledge\",\"version\":1,\"fields\":[1]}").status());
        assertEquals(400, caseworker.post("/api/cases", "{}").status());
        assertEquals(400, caseworker.manual(Map.of("team", "fr", "referredBy", "x")).status());
        TestApp.Response future = caseworker.manual(manual("receivedOn", java.time.LocalDate.now(CaseService.UK).plusDays(1).toString()));
        assertEquals(400, future.status(), future.text());
        assertEquals("invalid_date", future.field("/error"));
        assertEquals(404, caseworker.get("/api/cases/not-a-uuid").status());
        assertEquals(404, caseworker.get("/api/cases/" + UUID.randomUUID()).status());
    }

    @Test
    void everyViewIsAuditedAndTheEventsRebuildTheCase() {
        String id = awaitingApproval();
        leader.moveNow(id, "plan_rejected", Map.of("comments", "too much"));
        TestApp.Response r = caseworker.get("/api/cases/" + id);
        assertEquals("further_action_bau", r.field("/stage"));
        JsonNode events = r.json().get("events");
        assertEquals("opened", events.get(0).get("type").asText());
        assertEquals("plan_rejected", events.get(events.size() - 1).get("move").asText());
        assertEquals("lee", events.get(events.size() - 1).get("actor").asText());

        CaseService service = service();
        List<CaseDao.View> views = service.views(UUID.fromString(id));
        assertTrue(views.stream().anyMatch(v -> v.username().equals("casey") && v.via().equals("api")));
        for (UUID each : new CaseDao(app.app().database().jdbi(), Json.mapper(), s -> false).ids()) {
            CaseState stored = service.get(each).state();
            assertEquals(stored, service.replay(each), "replaying case " + each);
        }
    }

    @Test
    void aStaffConductContactKeepsNoDetailsAndNoClocks() {
        TestApp.Response r = caseworker.manual(manual("staffConduct", true, "parliamentary", true));
        assertEquals(201, r.status(), r.text());
        assertEquals("placeholder", r.field("/kind"));
        assertEquals(0, r.json().get("clocks").size());
        assertEquals(0, r.json().get("facts").size());
        String id = r.field("/id");
        assertEquals("move_not_allowed", caseworker.move(id, 1, "acknowledge", NONE).field("/error"));
        assertEquals("move_not_allowed", caseworker.move(id, 1, "log_call_attempt", Map.of("called", "the MP", "result", "no answer")).field("/error"));
        assertNoDetailsStored(id);
    }

    @Test
    void aStaffConductMpCallOpensOnlyAPlaceholder() {
        String call = guidedCall(app, CaseClient.MP_STAFF_CONDUCT);
        Assumptions.assumeTrue(app.get("/api/calls/" + call).text().contains("STAFF_CONDUCT_CONFIDENTIAL"),
                "skipped: the intake flow in service does not ask an MP about staff conduct (intake flow version 2 does)");
        TestApp.Response r = caseworker.open(call);
        assertEquals(201, r.status(), r.text());
        assertEquals("placeholder", r.field("/kind"));
        assertEquals(0, r.json().get("clocks").size());
        assertNoDetailsStored(r.field("/id"));
    }

    @Test
    void aStaffConductPlaceholderOpenedByHandAsksForAndKeepsNoText() {
        TestApp.Response r = caseworker.manual(Map.of("region", "ni", "staffConduct", true, "referredBy", "MP Jane Roe about officer Smith"));
        assertEquals(201, r.status(), r.text());
        assertEquals("ni", r.field("/team"), "the region picks the team");
        assertFalse(r.text().contains("Smith"), r.text());
        assertFalse(caseworker.get("/api/cases/" + r.field("/id")).text().contains("Smith"));
        assertEquals(201, caseworker.manual(Map.of("team", "gb", "staffConduct", true)).status(), "no referrer asked for");
        assertEquals(400, caseworker.manual(Map.of("team", "gb")).status(), "a complaint says who referred it");
    }

    @Test
    void anMpsLetterGoesToTheTopOfTheQueueAndAPhoneCallDoesNot() {
        String letter = guidedCall(app, Map.of("contact_route", "written", "region", "gb", "caller", "mp_mla",
                "staff_conduct", "no", "mp_purpose", "complaint"));
        TestApp.Response fromLetter = caseworker.open(letter);
        assertEquals(201, fromLetter.status(), fromLetter.text());
        assertTrue(fromLetter.json().get("immediate").asBoolean(), "002 intro: an MP's letter goes to the CRT immediately");
        TestApp.Response fromPhone = caseworker.open(guidedCall(app, CaseClient.MP_COMPLAINT_BY_PHONE));
        assertFalse(fromPhone.json().get("immediate").asBoolean());
        String queue = app.as("quinn", Role.resolution_caseworker).pages().get("/cases").body();
        int top = queue.indexOf("id=\"team-immediately\"");
        assertTrue(top > 0 && top < queue.indexOf("id=\"team-overdue-heading\""), "above every other section of the team's queue");
        assertTrue(queue.indexOf("/cases/" + fromLetter.field("/id")) > top, "the letter's case is in it");
    }

    /** A closed case stays in its caseworker's queue until step 46's Lock Assignment Flag is removed. */
    @Test
    void aClosedCaseWaitsInTheQueueUntilTheLockFlagIsRemoved() {
        String id = opened();
        var wendy = app.as("wendy", Role.resolution_caseworker);
        assertEquals(303, wendy.pages().post("/cases/" + id + "/take", "version=1").statusCode());
        CaseClient mine = CaseClient.as(app, "wendy", Role.resolution_caseworker);
        mine.moveNow(id, "acknowledge", Map.of("parties", "both clients", "acknowledged_by", "phone"));
        mine.moveNow(id, "resolvable_now", NONE);
        mine.moveNow(id, "reject", Map.of("dissatisfaction_within_6_months", "no", "parliamentary_contact_involved", "no", "notes", "n"));
        String queue = wendy.pages().get("/cases").body();
        int closed = queue.indexOf("id=\"mine-closed\"");
        assertTrue(closed > 0 && queue.indexOf("/cases/" + id) > closed, "shown as closed, flag still to remove");
        mine.moveNow(id, "lock_flag_removed", Map.of("segment_check_due", "tomorrow 10:00"));
        assertFalse(wendy.pages().get("/cases").body().contains("/cases/" + id), "gone once the flag is removed");
    }

    @Test
    void theTranscriptStreamOfNoSuchCaseIsA404() {
        TestApp.Response r = caseworker.get("/api/cases/" + UUID.randomUUID() + "/transcript/stream");
        assertEquals(404, r.status(), r.text());
        assertEquals("unknown_case", r.field("/error"));
    }

    /** A case page sent back with a refusal is a view of the case like any other. */
    @Test
    void aCasePageShownWithARefusalIsAnAuditedView() {
        String id = opened();
        var page = app.as("vera", Role.resolution_caseworker).pages();
        long before = service().views(UUID.fromString(id)).stream().filter(v -> v.username().equals("vera")).count();
        var refused = page.post("/cases/" + id + "/moves", "move=acknowledge&version=99");
        assertTrue(refused.statusCode() == 409 || refused.statusCode() == 422, "refused: " + refused.statusCode());
        assertTrue(refused.body().contains("/cases/" + id), "the case is shown again");
        assertTrue(refused.body().contains("Then: Acknowledged"), "each move says where the case goes next");
        assertEquals(before + 1, service().views(UUID.fromString(id)).stream().filter(v -> v.username().equals("vera")).count());
    }

    /** Taking a transfer on the page opens the case as the taker's; it was received the day the call reached its outcome. */
    @Test
    void aTransferTakenOnThePageIsTheTakersAndReceivedTheDayOfTheCall() {
        String call = guidedCall(app, CaseClient.MP_COMPLAINT_BY_PHONE);
        app.app().database().jdbi().useHandle(h -> h.createUpdate("UPDATE calls SET completed_at = completed_at - interval '1 day' WHERE id = :id")
                .bind("id", UUID.fromString(call)).execute()); // waited overnight before anyone took it
        var r = app.as("tina", Role.resolution_caseworker).pages().post("/cases/from-call/" + call, "");
        assertTrue(r.statusCode() == 303 || r.statusCode() == 200, r.statusCode() + " " + r.body());
        TestApp.Response c = caseworker.open(call);
        assertEquals(200, c.status(), "the case the page opened");
        assertEquals("tina", c.field("/caseworker"), "taken by the one who took the transfer");
        java.time.LocalDate yesterday = app.app().database().jdbi().withHandle(h -> h.createQuery(
                "SELECT (completed_at AT TIME ZONE 'Europe/London')::date FROM calls WHERE id = :id")
                .bind("id", UUID.fromString(call)).mapTo(java.time.LocalDate.class).one());
        assertEquals(yesterday.toString(), c.field("/receivedOn"));
        assertEquals(yesterday.plusDays(2).toString(), c.json().at("/clocks/0/due").asText(), "the two days count from the call");
    }

    /** The scan: nothing about the complaint in the case row or its events, only that it exists. */
    private static void assertNoDetailsStored(String id) {
        List<String> rows = new ArrayList<>(app.app().database().jdbi().withHandle(h -> h.createQuery(
                "SELECT state::text FROM crt_cases WHERE id = :id UNION ALL SELECT detail::text FROM crt_case_events WHERE case_id = :id")
                .bind("id", UUID.fromString(id)).mapTo(String.class).list()));
        assertEquals(2, rows.size());
        for (String row : rows) {
            JsonNode n = read(row);
            JsonNode facts = n.get("facts");
            assertTrue(facts == null || facts.isEmpty(), "no facts: " + row);
            JsonNode clocks = n.get("clocks");
            assertTrue(clocks == null || clocks.isEmpty(), "no clocks: " + row);
        }
    }

    private static JsonNode read(String s) {
        try {
            return CaseClient.JSON.readTree(s);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Object> manualFor(String team) {
        Map<String, Object> m = manual();
        m.put("team", team);
        return m;
    }

    static CaseService service() {
        return caseServiceFor(app);
    }

    static CaseService caseServiceFor(TestApp app) {
        ProcessFlow flow = ProcessFlows.resolution(java.nio.file.Path.of("../flows"));
        return new CaseService(new CaseDao(app.app().database().jdbi(), Json.mapper(), s -> flow.stage(s) != null && flow.stage(s).closes()),
                new CaseEngine(flow), null, Clock.fixed(TestApp.NOW, java.time.ZoneOffset.UTC));
    }
}
