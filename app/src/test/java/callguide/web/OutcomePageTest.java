package callguide.web;

import callguide.support.PageSession;
import callguide.support.RunningApp;
import callguide.support.TestApp;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the outcome page shows for how the contact came in: the reply's words for a letter, and a transfer only for an MP on the phone. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutcomePageTest {
    @RegisterExtension
    static final RunningApp app = RunningApp.start();
    TestApp.Client olive;
    PageSession pages;

    @BeforeAll
    void start() {
        olive = app.as("olive");
        pages = olive.pages();
    }

    /** Olive's call, answered to a client's referral to the Complaints Resolution Team. */
    String referral(String route) {
        String id = olive.callAnswering("contact_route", route, "region", "gb", "caller", "client", "staff_conduct", "no",
                "about_cm_options", "no", "case_closed_on", "", "challenges_decision", "no", "effective_date_challenge", "no",
                "existing_complaint", "unhappy_with_bau", "bau_within_6_months", "yes", "mp_raised", "no");
        assertEquals("REFER_RESOLUTION_TEAM", olive.get("/api/calls/" + id).field("/outcome/code"));
        return id;
    }

    /** The answer held on "Check your answers" and then changed there is a change of answer, seen on the timeline and in insights. */
    @Test
    void changing_the_held_answer_from_the_check_page_is_kept_as_a_change() throws Exception {
        String id = olive.callAnswering("contact_route", "inbound_call", "region", "gb", "caller", "client", "staff_conduct", "no",
                "about_cm_options", "no", "case_closed_on", "", "challenges_decision", "no", "effective_date_challenge", "no",
                "existing_complaint", "none");
        HttpResponse<String> held = pages.post("/calls/" + id + "/questions/mp_raised", "answer=yes");
        assertEquals(303, held.statusCode());
        assertTrue(held.headers().firstValue("Location").orElse("").contains("/check"), "an outcome waits on the check page");
        String form = "answer=no&requestId=" + java.util.UUID.randomUUID() + "&pending="
                + java.net.URLEncoder.encode("mp_raised=yes", java.nio.charset.StandardCharsets.UTF_8);
        HttpResponse<String> changed = pages.post("/calls/" + id + "/questions/mp_raised", form);
        assertEquals(303, changed.statusCode(), changed.body());
        assertEquals(303, pages.post("/calls/" + id + "/questions/mp_raised", form).statusCode(), "the same form sent again");
        var events = olive.get("/api/calls/" + id + "/events").json();
        var change = java.util.stream.StreamSupport.stream(events.spliterator(), false).filter(e -> e.get("type").asText().equals("changed")).toList();
        assertEquals(1, change.size(), events.toString());
        assertEquals("mp_raised", change.get(0).get("question").asText());
        assertEquals("no", change.get(0).get("answer").asText());
        assertEquals("yes", change.get(0).at("/detail/from").asText());
        String timeline = app.as("rita", callguide.account.Role.supervisor).pages().get("/review/calls/" + id).body();
        String said = timeline.replace("&#39;", "'");
        assertTrue(said.contains("Changed on Check your answers from 'Yes, their MP has raised it' (never recorded) to 'No'"), "the timeline says what was held");
        var answers = olive.get("/api/calls/" + id).json().at("/answers");
        assertEquals("no", java.util.stream.StreamSupport.stream(answers.spliterator(), false)
                .filter(a -> a.get("question").asText().equals("mp_raised")).findFirst().orElseThrow().get("answer").asText(), "the new answer is the one given");
    }

    /** The timeline says which nation's bank holidays the call used, and that an ended call will have no outcome. */
    @Test
    void the_timeline_gives_the_nation_the_region_decided_and_no_outcome_for_an_ended_call() throws Exception {
        String id = olive.callAnswering("contact_route", "inbound_call", "region", "ni", "caller", "client");
        assertEquals("northern-ireland", olive.get("/api/calls/" + id).field("/nation"), "the region decides");
        assertEquals(303, pages.post("/calls/" + id + "/end", "reason=test").statusCode());
        String timeline = app.as("rita", callguide.account.Role.supervisor).pages().get("/review/calls/" + id).body();
        assertTrue(timeline.contains("Northern Ireland"), "nation");
        assertFalse(timeline.contains("England and Wales"), "not the nation the call started with");
        assertTrue(timeline.contains("None: ended without an outcome"), "outcome");
    }

    @Test
    void a_written_contact_shows_what_to_put_in_the_reply_and_the_case_note_never_says_told_the_caller() throws Exception {
        String id = referral("written");
        HttpResponse<String> page = pages.get("/calls/" + id + "/outcome");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("What to put in the reply"), "the heading for a letter");
        assertFalse(page.body().contains("What to say to the caller"));
        String note = olive.get("/api/calls/" + id + "/summary").field("/caseNote");
        assertTrue(note.contains("Put in the reply: "), note);
        assertFalse(note.contains("Told the caller"), note);
    }

    @Test
    void the_procedure_sources_name_each_document_in_words_with_its_file_in_small_print() throws Exception {
        String body = pages.get("/calls/" + referral("inbound_call") + "/outcome").body();
        for (String[] d : new String[][] {{"001_21bd69183501bf20.txt", "Complaints overview (001)"}, {"002_29dc4c45286f13bd.txt", "Complaint resolution process (002)"}}) {
            assertTrue(body.contains("in <span data-file=\"" + d[0] + "\">" + d[1] + "</span> <span class=\"callguide-code\">" + d[0] + "</span>"), d[1]);
            assertFalse(body.contains("in " + d[0]), "the file name is never the headline: " + d[0]);
        }
    }

    /** The regional team acknowledge an MP's letter themselves (002 intro and step 29): the handler is given no reply to send. */
    @Test
    void an_mps_letter_gives_the_handler_no_reply_to_write() throws Exception {
        for (String purpose : new String[] {"complaint", "case_enquiry", "general_enquiry"}) {
            String id = olive.callAnswering("contact_route", "written", "region", "gb", "caller", "mp_mla",
                    "staff_conduct", "no", "mp_purpose", purpose);
            assertEquals("REFER_RESOLUTION_TEAM", olive.get("/api/calls/" + id).field("/outcome/code"));
            HttpResponse<String> page = pages.get("/calls/" + id + "/outcome");
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("do not reply yourself"), purpose);
            assertFalse(page.body().contains("What to put in the reply"), purpose);
            assertFalse(olive.get("/api/calls/" + id + "/summary").field("/caseNote").contains("Put in the reply"), purpose);
        }
        String staff = olive.callAnswering("contact_route", "written", "region", "gb", "caller", "mp_mla", "staff_conduct", "yes");
        HttpResponse<String> page = pages.get("/calls/" + staff + "/outcome");
        assertEquals(200, page.statusCode());
        assertFalse(page.body().contains("What to put in the reply"), "a staff conduct letter from an MP");
    }

    /** The notes form belongs to the outcome page: posted for a call still in progress, it leads back to the call. */
    @Test
    void a_note_posted_for_a_call_without_an_outcome_goes_back_to_the_call() throws Exception {
        String id = olive.callAnswering("contact_route", "inbound_call", "region", "gb");
        for (String form : new String[] {"note=", "note=Rang+back"}) {
            HttpResponse<String> r = pages.post("/calls/" + id + "/notes", form);
            assertEquals(303, r.statusCode(), r.body());
            assertEquals("/calls/" + id, r.headers().firstValue("Location").orElse(""));
        }
        assertFalse(olive.get("/api/calls/" + id + "/events").text().contains("Rang back"), "nothing recorded");
    }

    /** Without JavaScript an empty note comes back as a GOV.UK error page: "Error:" in the title, the summary first. */
    @Test
    void an_empty_note_without_javascript_is_a_gov_uk_error_page() throws Exception {
        String id = olive.callAnswering("contact_route", "inbound_call", "region", "gb", "caller", "client",
                "staff_conduct", "no", "about_cm_options", "only");
        HttpResponse<String> r = pages.post("/calls/" + id + "/notes", "note=");
        assertEquals(422, r.statusCode());
        String body = r.body();
        assertTrue(body.contains("<title>Error: "), "the title says so");
        int summary = body.indexOf("class=\"govuk-error-summary\"");
        assertTrue(summary > 0 && summary < body.indexOf("id=\"outcome-title\""), "the summary comes before the outcome");
        assertEquals(summary, body.lastIndexOf("class=\"govuk-error-summary\""), "one summary");
        assertTrue(body.contains("href=\"#note\""));
        assertTrue(body.contains("id=\"note-error\""));
    }

    @Test
    void a_working_day_deadline_inside_the_bundled_bank_holidays_is_exact_with_no_warning() throws Exception {
        String id = olive.callAnswering("contact_route", "inbound_call", "region", "gb", "caller", "client",
                "staff_conduct", "no", "about_cm_options", "only");
        assertEquals("false", olive.get("/api/calls/" + id).field("/outcome/deadlines/0/approximate"));
        HttpResponse<String> page = pages.get("/calls/" + id + "/outcome");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("18 December 2026"), "the deadline is shown");
        assertFalse(page.body().contains("Approximately"));
        assertFalse(page.body().contains("deadlines-approximate"));
    }

    @Test
    void a_client_referred_to_the_resolution_team_by_phone_is_offered_no_transfer() throws Exception {
        String id = referral("inbound_call");
        HttpResponse<String> page = pages.get("/calls/" + id + "/outcome");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Say this to the caller"));
        assertFalse(page.body().contains("id=\"warm-transfer\""), "the team calls the client back; no transfer panel");
        assertFalse(page.body().contains("start-transfer"));
        assertTrue(olive.get("/api/calls/" + id + "/summary").field("/caseNote").contains("Told the caller: "));
    }
}
