package callguide.web;

import callguide.support.RunningApp;
import callguide.support.TestApp.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CallApiTest {
    static final String[] TO_RESOLVABLE = {"contact_route", "inbound_call", "region", "gb", "caller", "client",
            "staff_conduct", "no", "about_cm_options", "no", "case_closed_on", "", "challenges_decision", "no",
            "effective_date_challenge", "no", "existing_complaint", "none", "mp_raised", "no"};

    @RegisterExtension
    static final RunningApp api = RunningApp.start();

    @Test
    void health_is_ok_while_the_database_answers() {
        Response r = api.get("/health");
        assertEquals(200, r.status());
        assertEquals("ok", r.field("/status"));
    }

    @Nested
    class StartingACall {
        @Test
        void a_new_call_is_pinned_to_the_flow_version_and_asks_the_first_question() {
            Response r = api.as("h7").post("/api/calls", "{\"flow\":\"intake\",\"handler\":\"h7\",\"callSid\":\"CA123\"}");
            assertEquals(201, r.status(), r.text());
            assertEquals(api.get("/api/flows").json().get(0).get("version").asText(), r.field("/flowVersion"));
            assertEquals("contact_route", r.field("/step/question"));
            assertEquals("choice", r.field("/step/kind"));
            assertTrue(r.json().at("/step/sources").size() > 0);

            Response call = api.as("h7").get("/api/calls/" + r.field("/id"));
            assertEquals("in_progress", call.field("/status"));
            assertEquals("h7", call.field("/handler"));
            assertEquals("CA123", call.field("/callSid"));
            assertEquals(0, call.json().get("answers").size());
            assertNull(call.field("/outcome"));
        }

        @Test
        void an_unknown_flow_or_another_handlers_name_is_refused() {
            Response r = api.post("/api/calls", "{\"flow\":\"nope\",\"handler\":\"h1\"}");
            assertEquals(404, r.status());
            assertEquals("unknown_flow", r.field("/error"));
            r = api.post("/api/calls", "{\"flow\":\"intake\",\"handler\":\"h2\"}");
            assertEquals(403, r.status());
            assertEquals("forbidden", r.field("/error"));
        }
    }

    @Nested
    class Answering {
        @Test
        void each_answer_gives_the_next_question_until_the_outcome_and_the_call_completes() {
            String id = api.callAnswering(TO_RESOLVABLE);
            Response r = api.answer(id, "resolvable_now", "no");
            assertEquals(200, r.status(), r.text());
            assertEquals("RAISE_COMPLAINT", r.field("/outcome/code"));
            assertEquals("2026-11-27", r.field("/outcome/deadlines/0/due"));
            assertTrue(r.json().at("/outcome/flags").toString().contains("continue_payments"));

            Response call = api.get("/api/calls/" + id);
            assertEquals("completed", call.field("/status"));
            assertEquals("RAISE_COMPLAINT", call.field("/outcome/code"));
            assertNull(call.field("/step"));
            assertEquals(11, call.json().get("answers").size());
            assertEquals("contact_route", call.field("/answers/0/question"));
            assertEquals("resolvable_now", call.field("/answers/10/question"));
        }

        @Test
        void a_completed_call_refuses_further_answers_and_keeps_its_outcome() {
            String id = api.callAnswering(TO_RESOLVABLE);
            api.answer(id, "resolvable_now", "yes");
            Response r = api.answer(id, "resolvable_now", "no");
            assertEquals(409, r.status());
            assertEquals("call_completed", r.field("/error"));
            assertEquals("RECORD_DISSATISFACTION", api.get("/api/calls/" + id).field("/outcome/code"));
        }

        @Test
        void changing_an_earlier_answer_drops_the_answers_that_no_longer_apply() {
            String id = api.callAnswering("contact_route", "inbound_call", "region", "gb", "caller", "client",
                    "staff_conduct", "no", "about_cm_options", "partly", "case_closed_on", "");
            Response r = api.answer(id, "caller", "employer");
            assertEquals(200, r.status(), r.text());
            assertEquals("deo_payment", r.field("/step/question"), "staff_conduct still applies to an employer, so it is kept");
            Response call = api.get("/api/calls/" + id);
            List<String> questions = new ArrayList<>();
            call.json().get("answers").forEach(a -> questions.add(a.get("question").asText()));
            assertEquals(List.of("contact_route", "region", "caller", "staff_conduct"), questions);
            assertEquals("employer", call.field("/answers/2/answer"));
            assertEquals("deo_payment", call.field("/step/question"));

            String events = api.get("/api/calls/" + id + "/events").text();
            assertTrue(events.contains("\"type\":\"changed\"") && events.contains("\"type\":\"dropped\""), events);
        }

        @Test
        void changing_an_answer_can_reach_an_outcome_straight_away() {
            String id = api.callAnswering("contact_route", "inbound_call", "region", "gb", "caller", "client",
                    "staff_conduct", "no");
            Response r = api.answer(id, "staff_conduct", "yes");
            assertEquals("STAFF_CONDUCT_CONFIDENTIAL", r.field("/outcome/code"));
        }

        @Test
        void a_question_not_yet_reached_is_refused_and_nothing_changes() {
            String id = api.callAnswering("contact_route", "inbound_call");
            Response r = api.answer(id, "resolvable_now", "yes");
            assertEquals(422, r.status());
            assertEquals("not_on_path", r.field("/error"));
            assertEquals("region", api.get("/api/calls/" + id).field("/step/question"));
        }

        @Test
        void a_repeated_request_id_returns_the_first_reply_and_records_nothing_new() {
            String id = api.callAnswering("contact_route", "inbound_call");
            String request = UUID.randomUUID().toString();
            String body = "{\"question\":\"region\",\"answer\":\"gb\",\"requestId\":\"" + request + "\"}";
            Response first = api.post("/api/calls/" + id + "/answers", body);
            int events = api.get("/api/calls/" + id + "/events").json().size();
            Response again = api.post("/api/calls/" + id + "/answers", body);
            Response differentAnswerSameId = api.post("/api/calls/" + id + "/answers", body.replace("\"gb\"", "\"ni\""));

            assertEquals(200, again.status());
            assertEquals(first.text(), again.text());
            assertEquals(first.text(), differentAnswerSameId.text());
            assertEquals(events, api.get("/api/calls/" + id + "/events").json().size());
            assertEquals("gb", api.get("/api/calls/" + id).field("/answers/1/answer"));
        }

        @Test
        void a_repeated_request_id_after_the_outcome_returns_the_outcome_not_a_conflict() {
            String id = api.callAnswering(TO_RESOLVABLE);
            String body = "{\"question\":\"resolvable_now\",\"answer\":\"no\",\"requestId\":\"" + UUID.randomUUID() + "\"}";
            Response first = api.post("/api/calls/" + id + "/answers", body);
            Response again = api.post("/api/calls/" + id + "/answers", body);
            assertEquals(200, again.status());
            assertEquals(first.text(), again.text());
        }
    }

    @Nested
    class Notes {
        @Test
        void a_note_is_recorded_as_a_call_event() {
            String id = api.callAnswering("contact_route", "inbound_call");
            Response r = api.post("/api/calls/" + id + "/notes", "{\"text\":\"Caller asked for a call back after 3pm\"}");
            assertEquals(201, r.status(), r.text());
            assertTrue(api.get("/api/calls/" + id + "/events").text().contains("Caller asked for a call back after 3pm"));
        }

        @Test
        void on_a_staff_conduct_complaint_notes_are_refused_with_the_reason() {
            String id = api.callAnswering("contact_route", "inbound_call", "region", "gb", "caller", "client", "staff_conduct", "yes");
            Response r = api.post("/api/calls/" + id + "/notes", "{\"text\":\"Officer Smith was rude\"}");
            assertEquals(422, r.status());
            assertEquals("notes_not_allowed", r.field("/error"));
            assertTrue(r.field("/detail").contains("member of staff"));
            assertFalse(api.get("/api/calls/" + id + "/events").text().contains("Smith"));
        }

        @Test
        void a_note_given_with_a_staff_conduct_answer_is_refused_and_the_answer_not_recorded() {
            String id = api.callAnswering("contact_route", "inbound_call", "region", "gb", "caller", "client");
            Response r = api.post("/api/calls/" + id + "/answers",
                    "{\"question\":\"staff_conduct\",\"answer\":\"yes\",\"note\":\"Officer Smith was rude\"}");
            assertEquals(422, r.status());
            assertEquals("staff_conduct", api.get("/api/calls/" + id).field("/step/question"));
        }

        @Test
        void notes_taken_before_it_turned_out_to_be_about_staff_are_blanked() {
            String id = api.callAnswering("contact_route", "inbound_call", "region", "gb", "caller", "client");
            api.post("/api/calls/" + id + "/notes", "{\"text\":\"Complains about Officer Smith\"}");
            api.answer(id, "staff_conduct", "yes");
            String events = api.get("/api/calls/" + id + "/events").text();
            assertFalse(events.contains("Smith"), events);
            assertTrue(events.contains("notes_redacted"), events);
        }
    }

    @Nested
    class ReviewFindings {
        @Test
        void a_note_sent_with_a_request_id_leaves_no_copy_once_the_call_is_about_staff() {
            String id = api.callAnswering("contact_route", "inbound_call", "region", "gb", "caller", "client");
            api.post("/api/calls/" + id + "/notes", "{\"text\":\"Officer Smith shouted\",\"requestId\":\"" + UUID.randomUUID() + "\"}");
            api.answer(id, "staff_conduct", "yes");
            int copies = api.app().database().jdbi().withHandle(h -> h.createQuery(
                    "SELECT count(*) FROM call_events WHERE call_id = CAST(:id AS uuid) AND (note LIKE '%Smith%' OR response::text LIKE '%Smith%')")
                    .bind("id", id).mapTo(Integer.class).one());
            assertEquals(0, copies);
        }

        @Test
        void a_request_id_reused_for_another_kind_of_request_is_refused() {
            String id = api.callAnswering("contact_route", "inbound_call");
            String request = UUID.randomUUID().toString();
            assertEquals(201, api.post("/api/calls/" + id + "/notes", "{\"text\":\"first\",\"requestId\":\"" + request + "\"}").status());
            Response r = api.post("/api/calls/" + id + "/answers", "{\"question\":\"region\",\"answer\":\"gb\",\"requestId\":\"" + request + "\"}");
            assertEquals(409, r.status(), r.text());
            assertEquals("request_id_reused", r.field("/error"));
            assertEquals("region", api.get("/api/calls/" + id).field("/step/question"));
        }

        @Test
        void a_phone_call_can_have_only_one_guided_call() {
            String body = "{\"flow\":\"intake\",\"handler\":\"h1\",\"callSid\":\"CA" + UUID.randomUUID().toString().replace("-", "") + "\"}";
            assertEquals(201, api.post("/api/calls", body).status());
            Response again = api.post("/api/calls", body);
            assertEquals(409, again.status(), again.text());
            assertEquals("call_sid_in_use", again.field("/error"));
        }

        @Test
        void giving_the_same_answer_again_records_nothing() {
            String id = api.callAnswering("contact_route", "inbound_call", "region", "gb");
            int events = api.get("/api/calls/" + id + "/events").json().size();
            Response r = api.answer(id, "region", "gb");
            assertEquals(200, r.status());
            assertEquals("caller", r.field("/step/question"));
            assertEquals(events, api.get("/api/calls/" + id + "/events").json().size());
        }

        @Test
        void control_characters_and_impossible_years_are_refused() {
            String id = api.callAnswering("contact_route", "inbound_call");
            assertEquals(400, api.post("/api/calls/" + id + "/notes", "{\"text\":\"abc\\u0000def\"}").status());
            assertEquals(400, api.post("/api/calls", "{\"flow\":\"intake\",\"handler\":\"h\\u0000\"}").status());
            String closed = api.callAnswering("contact_route", "inbound_call", "region", "gb", "caller", "client",
                    "staff_conduct", "no", "about_cm_options", "no");
            assertEquals(400, api.answer(closed, "case_closed_on", "-0001-01-01").status());
            assertEquals(400, api.answer(closed, "case_closed_on", "1899-12-31").status());
            Response far = api.post("/api/flows/intake/simulate", "{\"today\":\"+999999999-12-31\",\"answers\":{}}");
            assertEquals(400, far.status(), far.text());
        }
    }

    @Nested
    class BadInput {
        String id;

        @org.junit.jupiter.api.BeforeEach
        void call() {
            id = api.callAnswering("contact_route", "inbound_call", "region", "gb", "caller", "client",
                    "staff_conduct", "no", "about_cm_options", "no");
        }

        void assertRefused(Response r, int status, String error) {
            assertEquals(status, r.status(), r.text());
            assertEquals(error, r.field("/error"), r.text());
            assertTrue(r.field("/detail") != null && !r.field("/detail").isBlank(), r.text());
            assertTrue(r.raw().headers().firstValue("content-type").orElse("").startsWith("application/json"));
            Response call = api.get("/api/calls/" + id);
            assertEquals(5, call.json().get("answers").size(), "nothing recorded changed");
            assertEquals("case_closed_on", call.field("/step/question"));
        }

        @Test
        void malformed_json() {
            assertRefused(api.post("/api/calls/" + id + "/answers", "{\"question\": \"case_closed_on\","), 400, "malformed_json");
        }

        @Test
        void json_that_is_not_an_object() {
            assertRefused(api.post("/api/calls/" + id + "/answers", "[1,2]"), 400, "malformed_json");
        }

        @Test
        void the_wrong_content_type() {
            assertRefused(api.post("/api/calls/" + id + "/answers", "text/plain", "{\"question\":\"case_closed_on\",\"answer\":\"\"}"),
                    415, "unsupported_media_type");
        }

        @Test
        void a_body_over_64_kib() {
            String big = "{\"question\":\"case_closed_on\",\"answer\":\"\",\"note\":\"" + "x".repeat(70_000) + "\"}";
            assertRefused(api.post("/api/calls/" + id + "/answers", big), 413, "body_too_large");
        }

        @Test
        void a_malformed_date() {
            Response r = api.answer(id, "case_closed_on", "31/01/2025");
            assertRefused(r, 400, "invalid_answer");
            assertEquals("case_closed_on", r.field("/question"));
        }

        @Test
        void a_date_in_the_future() {
            assertRefused(api.answer(id, "case_closed_on", "2027-01-01"), 400, "invalid_answer");
        }

        @Test
        void an_unknown_option() {
            assertRefused(api.answer(id, "caller", "neighbour"), 400, "invalid_answer");
        }

        @Test
        void an_unknown_question() {
            assertRefused(api.answer(id, "favourite_colour", "blue"), 400, "unknown_question");
        }

        @Test
        void a_request_id_that_is_not_a_uuid() {
            assertRefused(api.post("/api/calls/" + id + "/answers",
                    "{\"question\":\"case_closed_on\",\"answer\":\"\",\"requestId\":\"abc\"}"), 400, "invalid_field");
        }

        @Test
        void an_answer_that_is_not_a_string() {
            assertRefused(api.post("/api/calls/" + id + "/answers", "{\"question\":\"caller\",\"answer\":true}"), 400, "invalid_field");
        }

        @Test
        void an_unknown_call() {
            Response r = api.answer(UUID.randomUUID().toString(), "region", "gb");
            assertRefused(r, 404, "unknown_call");
            assertRefused(api.get("/api/calls/not-a-uuid"), 404, "unknown_call");
        }

        @Test
        void an_unknown_route() {
            assertRefused(api.get("/api/nothing-here"), 404, "not_found");
        }
    }
}
