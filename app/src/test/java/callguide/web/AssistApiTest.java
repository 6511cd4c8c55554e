package callguide.web;

import callguide.support.RunningApp;
import callguide.support.TestApp.Response;
import callguide.support.TestApp;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AssistApiTest {
    static final String OPTIONS_MAILBOX = "OPTIONS.SERVICEDESIGNOEDCMGDWP@DWP.GSI.GOV.UK";
    @RegisterExtension
    static final RunningApp api = RunningApp.start(Map.of("PROCEDURES_DIR", TestApp.resourceFolder("/procedures")));

    Response suggest(String question, String text) {
        return api.post("/api/assist/suggest", "{\"question\":\"" + question + "\",\"text\":" + (text == null ? "null" : "\"" + text + "\"") + "}");
    }

    @Test
    void suggests_an_answer_with_confidence_and_evidence() {
        Response r = suggest("caller", "Hello, I'm ringing from the payroll team at a building firm about one of our staff.");
        assertEquals(200, r.status(), r.text());
        JsonNode best = r.json().at("/suggestions/0");
        assertEquals("employer", best.get("answer").asText());
        assertTrue(best.get("confidence").asDouble() > 0 && best.get("confidence").asDouble() <= 1);
        assertTrue(best.get("evidence").asText().contains("payroll"));
    }

    @Test
    void an_unknown_question_is_a_400_and_empty_text_suggests_nothing() {
        Response r = suggest("favourite_colour", "blue");
        assertEquals(400, r.status());
        assertEquals("unknown_question", r.field("/error"));
        assertEquals(0, suggest("caller", "").json().get("suggestions").size());
        assertEquals(0, suggest("caller", null).json().get("suggestions").size());
        assertEquals(400, api.post("/api/assist/suggest", "{\"text\":\"hello\"}").status());
    }

    @Test
    void hostile_text_is_answered_without_echoing_markup() {
        Response r = suggest("staff_conduct", "<iframe src=javascript:alert(1)></iframe>She was <b>very rude</b> to me on the phone.");
        assertEquals(200, r.status());
        assertFalse(r.text().contains("<") || r.text().contains(">") || r.text().contains("\\u003c"), r.text());
        assertEquals("yes", r.field("/suggestions/0/answer"));
        Response long_ = suggest("caller", "I'm the receiving parent. " + "la ".repeat(6_000));
        assertEquals(200, long_.status());
        assertEquals("client", long_.field("/suggestions/0/answer"));
        Response longest = suggest("caller", "I'm the receiving parent. " + "la ".repeat(10_000));
        assertEquals(200, longest.status(), "very long text is read, not refused");
        assertEquals("client", longest.field("/suggestions/0/answer"), "capped, as shorter text is");
        assertEquals(0, suggest("caller", "Je voudrais parler à quelqu'un de mon dossier, s'il vous plaît.").json().get("suggestions").size());
    }

    @Test
    void search_finds_cited_passages_in_the_procedure_folder_and_in_the_flow() {
        Response r = api.get("/api/assist/search?q=" + enc("what to do when a letter comes back undelivered and the address differs"));
        assertEquals(200, r.status(), r.text());
        JsonNode doc = first(r.json().get("passages"), "procedure");
        assertEquals("returned-post.txt", doc.at("/citation/document").asText());
        assertEquals("Logging returned post", doc.at("/citation/heading").asText());
        assertEquals(3, doc.at("/citation/step").asInt());
        assertEquals("Returned Post Handling", doc.at("/citation/name").asText(), "a document no flow names goes by its first heading");

        Response flow = api.get("/api/assist/search?q=" + enc("client only unhappy with Child Maintenance Options, what number do I give"));
        JsonNode f = first(flow.json().get("passages"), "flow");
        assertEquals("intake.yaml", f.at("/citation/document").asText());
        assertTrue(f.get("sources").size() > 0, f.toString());
        assertEquals("Complaint intake", f.at("/citation/name").asText());
        f.get("sources").forEach(s -> assertFalse(s.get("name").asText().endsWith(".txt"), "each source by its document's name: " + s));
        assertFalse(flow.text().contains(OPTIONS_MAILBOX));
    }

    @Test
    void search_without_words_is_a_400() {
        assertEquals(400, api.get("/api/assist/search").status());
        assertEquals(400, api.get("/api/assist/search?q=").status());
        assertEquals(400, api.get("/api/assist/search?q=" + enc("?!  <>")).status());
    }

    /** A very long question is looked for by its start, as a long utterance is read by its start. */
    @Test
    void a_very_long_search_is_read_by_its_start() {
        Response r = api.get("/api/assist/search?q=" + enc("what to do when a letter comes back undelivered " + "and more words ".repeat(70)));
        assertEquals(200, r.status(), r.text());
        assertTrue(r.json().get("passages").size() > 0, r.text());
    }

    @Test
    void without_a_chat_model_ask_gives_the_best_passages_and_says_so() {
        Response r = api.post("/api/assist/ask", "{\"question\":\"How long is returned post kept?\"}");
        assertEquals(200, r.status(), r.text());
        assertNull(r.field("/answer"));
        assertEquals("false", r.field("/model"));
        assertTrue(r.field("/detail").contains("No chat model is configured"));
        assertEquals("Secure storage", r.json().at("/passages/0/citation/heading").asText());
        assertFalse(r.text().contains("returns.coordinator@"), "internal address withheld");
        assertEquals(400, api.post("/api/assist/ask", "{\"question\":\"\"}").status());
    }

    @Test
    void accepting_or_overriding_a_suggestion_is_on_the_supervisors_timeline() {
        String id = api.callAnswering("contact_route", "inbound_call", "region", "gb");
        Response accepted = api.post("/api/calls/" + id + "/suggestions",
                "{\"question\":\"caller\",\"suggested\":\"client\",\"confidence\":0.91,\"chosen\":\"client\",\"evidence\":\"I'm the paying parent\"}");
        assertEquals(201, accepted.status(), accepted.text());
        api.answer(id, "caller", "client");
        Response overridden = api.post("/api/calls/" + id + "/suggestions",
                "{\"question\":\"staff_conduct\",\"suggested\":\"no\",\"confidence\":0.6,\"chosen\":\"yes\",\"evidence\":\"she was rude about my ex\"}");
        assertEquals(201, overridden.status());
        api.answer(id, "staff_conduct", "yes");

        JsonNode events = api.get("/api/calls/" + id + "/events").json();
        JsonNode first = event(events, "caller");
        assertEquals("client", first.at("/detail/suggested").asText());
        assertEquals("client", first.at("/detail/chosen").asText());
        assertTrue(first.at("/detail/accepted").asBoolean());
        JsonNode second = event(events, "staff_conduct");
        assertEquals("no", second.at("/detail/suggested").asText());
        assertEquals("yes", second.at("/detail/chosen").asText());
        assertFalse(second.at("/detail/accepted").asBoolean());
        assertTrue(second.get("note").isNull(), "no evidence stored on a staff-conduct call");
        assertTrue(first.get("note").isNull(), "evidence recorded earlier is blanked with the notes");
    }

    /** The supervisor's replay shows a suggestion from earlier speech as the handler saw it: never High, and marked as earlier. */
    @Test
    void a_suggestion_from_earlier_speech_is_replayed_on_the_timeline_as_it_was_shown() {
        String id = api.callAnswering("contact_route", "inbound_call", "region", "gb", "caller", "client", "staff_conduct", "no",
                "about_cm_options", "no", "case_closed_on", "", "challenges_decision", "no", "effective_date_challenge", "no");
        var answered = api.as("h1").pages().post("/calls/" + id + "/questions/existing_complaint",
                "answer=none&suggested=none&confidence=0.982&suggested-stale=yes&suggested-said=09:15:04&evidence=No%2C+this+is+new");
        assertEquals(303, answered.statusCode(), answered.body());
        String timeline = api.as("rita", callguide.account.Role.supervisor).pages().get("/review/calls/" + id).body();
        assertTrue(timeline.contains("Medium confidence (98%)"), timeline);
        assertFalse(timeline.contains("High confidence (98%)"));
        assertTrue(timeline.contains("From earlier in the call at 09:15:04"), timeline);
    }

    @Test
    void a_suggestion_record_with_a_bad_option_or_call_is_refused() {
        String id = api.callAnswering("contact_route", "inbound_call");
        assertEquals(400, api.post("/api/calls/" + id + "/suggestions",
                "{\"question\":\"caller\",\"suggested\":\"alien\",\"confidence\":0.5,\"chosen\":\"client\"}").status());
        assertEquals(400, api.post("/api/calls/" + id + "/suggestions",
                "{\"question\":\"caller\",\"suggested\":\"client\",\"confidence\":7,\"chosen\":\"client\"}").status());
        assertEquals(400, api.post("/api/calls/" + id + "/suggestions",
                "{\"question\":\"case_closed_on\",\"suggested\":\"client\",\"confidence\":0.5,\"chosen\":\"client\"}").status());
        assertEquals(404, api.post("/api/calls/" + java.util.UUID.randomUUID() + "/suggestions",
                "{\"question\":\"caller\",\"suggested\":\"client\",\"confidence\":0.5,\"chosen\":\"client\"}").status());
        assertEquals(1, api.get("/api/calls/" + id + "/events").json().size() - 1, "nothing recorded beyond the start and one answer");
    }

    @Test
    void the_case_note_follows_the_guided_path_and_never_carries_internal_text() {
        String id = api.callAnswering("contact_route", "inbound_call", "region", "gb", "caller", "client",
                "staff_conduct", "no", "about_cm_options", "partly", "case_closed_on", "", "challenges_decision", "no",
                "effective_date_challenge", "no", "existing_complaint", "none", "mp_raised", "no", "resolvable_now", "no");
        JsonNode outcome = api.get("/api/calls/" + id).json().get("outcome");
        assertTrue(outcome.toString().contains(OPTIONS_MAILBOX), "the handler's outcome has the internal mailbox");
        Response r = api.get("/api/calls/" + id + "/summary");
        assertEquals(200, r.status(), r.text());
        String note = r.field("/caseNote");
        assertTrue(note.contains("Who is complaining? The client (paying parent or receiving parent)."), note);
        assertTrue(note.contains("Outcome: RAISE_COMPLAINT"), note);
        assertTrue(note.contains("Flags: Child Maintenance Options referral (cm_options_referral)"), "a flag by its title, then its id: " + note);
        assertFalse(r.text().toUpperCase().contains("@DWP"), note);
        assertFalse(note.contains("Never give this address"), note);
        assertEquals("guided_path", r.field("/summarisedBy"));
        assertNull(r.field("/summary"));
    }

    @Test
    void the_case_note_of_a_staff_conduct_call_is_the_outcome_code_alone() {
        String id = api.callAnswering("contact_route", "inbound_call", "region", "gb", "caller", "client", "staff_conduct", "yes");
        String note = api.get("/api/calls/" + id + "/summary").field("/caseNote");
        assertTrue(note.contains("STAFF_CONDUCT_CONFIDENTIAL"), note);
        assertFalse(note.contains("client") || note.contains("Who is complaining"), note);
        assertEquals(404, api.get("/api/calls/not-a-call/summary").status());
    }

    private static JsonNode first(JsonNode passages, String kind) {
        for (JsonNode p : passages) if (kind.equals(p.at("/citation/kind").asText())) return p;
        throw new AssertionError("no " + kind + " passage in " + passages);
    }

    private static JsonNode event(JsonNode events, String question) {
        for (JsonNode e : events) if ("suggestion".equals(e.get("type").asText()) && question.equals(e.get("question").asText())) return e;
        throw new AssertionError("no suggestion event for " + question + " in " + events);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
