package callguide.web;

import callguide.support.RunningApp;
import callguide.support.TestApp.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FlowApiTest {
    static final String CLIENT_TO_RESOLVABLE = "\"contact_route\":\"inbound_call\",\"region\":\"gb\",\"caller\":\"client\","
            + "\"staff_conduct\":\"no\",\"about_cm_options\":\"no\",\"challenges_decision\":\"no\","
            + "\"effective_date_challenge\":\"no\",\"existing_complaint\":\"none\",\"mp_raised\":\"no\"";

    @RegisterExtension
    static final RunningApp api = RunningApp.start();

    Response simulate(String answers) {
        return api.post("/api/flows/intake/simulate", "{\"answers\":{" + answers + "}}");
    }

    @Test
    void lists_the_flows_in_service_with_their_versions() {
        Response r = api.get("/api/flows");
        assertEquals(200, r.status());
        assertEquals("intake", r.field("/0/id"));
        assertEquals(12, r.field("/0/version").length());
        assertEquals("Complaint intake", r.field("/0/title"));
    }

    @Test
    void shows_a_flow_definition_as_json() {
        Response r = api.get("/api/flows/intake");
        assertEquals(200, r.status());
        assertEquals("contact_route", r.field("/start"));
        assertEquals("REFER_SLA_TEAM", r.field("/outcomes/refer_sla_team/code"));
        assertEquals(api.get("/api/flows").field("/0/version"), r.field("/version"));
        assertEquals(404, api.get("/api/flows/nope").status());
    }

    @Test
    void simulates_a_formal_complaint_with_its_path_deadlines_and_flags() {
        Response r = simulate(CLIENT_TO_RESOLVABLE + ",\"case_closed_on\":\"\",\"resolvable_now\":\"no\"");
        assertEquals(200, r.status(), r.text());
        assertEquals("RAISE_COMPLAINT", r.field("/outcome/code"));
        assertEquals("continue_payments", r.field("/outcome/flags/0"));
        assertEquals("contact_route", r.field("/path/0"));
        assertEquals("mp_raised", r.field("/path/9"));
        assertEquals("resolvable_now", r.field("/path/10"));
        assertFalse(r.json().at("/outcome/sources").isEmpty());
    }

    @Test
    void an_open_case_may_be_given_as_null_and_the_resolution_teams_two_and_fifteen_days_are_calendar_days() {
        Response r = api.post("/api/flows/intake/simulate", "{\"today\":\"2026-12-23\",\"answers\":{" + CLIENT_TO_RESOLVABLE
                .replace("\"none\"", "\"unhappy_with_bau\",\"bau_within_6_months\":\"yes\"") + ",\"case_closed_on\":null}}");
        assertEquals(200, r.status(), r.text());
        assertEquals("REFER_RESOLUTION_TEAM", r.field("/outcome/code"));
        // 002 intro says "two days" and "15 days", not working days: Christmas and the weekend count
        assertEquals("2026-12-25", r.field("/outcome/deadlines/0/due"));
        assertEquals("2027-01-07", r.field("/outcome/deadlines/1/due"));
        assertEquals("continue_payments", r.field("/outcome/flags/0"));
    }

    @Test
    void a_fact_given_as_null_is_not_given() {
        Response r = simulate(CLIENT_TO_RESOLVABLE + ",\"case_closed_on\":\"\",\"resolvable_now\":\"no\",\"mp_purpose\":null,\"decision_date\":null");
        assertEquals(200, r.status(), r.text());
        assertEquals("RAISE_COMPLAINT", r.field("/outcome/code"));
        Response missing = simulate(CLIENT_TO_RESOLVABLE + ",\"case_closed_on\":\"\",\"resolvable_now\":null");
        assertEquals(422, missing.status(), missing.text());
        assertEquals("resolvable_now", missing.field("/missing"));
    }

    @Test
    void a_blank_cell_is_not_given_but_an_open_case_is_still_an_empty_date() {
        Response r = simulate(CLIENT_TO_RESOLVABLE + ",\"case_closed_on\":\"\",\"resolvable_now\":\"no\",\"decision_date\":\"\",\"bau_within_6_months\":\" \"");
        assertEquals(200, r.status(), r.text());
        assertEquals("RAISE_COMPLAINT", r.field("/outcome/code"));
        assertEquals("continue_payments", r.field("/outcome/flags/0"), "an empty closing date is an open case");
        Response missing = simulate(CLIENT_TO_RESOLVABLE + ",\"case_closed_on\":\"\",\"resolvable_now\":\"\"");
        assertEquals(422, missing.status(), missing.text());
        assertEquals("resolvable_now", missing.field("/missing"));
    }

    @Test
    void northern_ireland_working_days_use_northern_ireland_bank_holidays() {
        String answers = "\"contact_route\":\"inbound_call\",\"region\":\"%s\",\"caller\":\"client\",\"staff_conduct\":\"no\",\"about_cm_options\":\"only\"";
        Response ni = api.post("/api/flows/intake/simulate", "{\"today\":\"2027-03-16\",\"answers\":{" + answers.formatted("ni") + "}}");
        Response gb = api.post("/api/flows/intake/simulate", "{\"today\":\"2027-03-16\",\"answers\":{" + answers.formatted("gb") + "}}");
        assertEquals("SIGNPOST_CM_OPTIONS", ni.field("/outcome/code"));
        // Options' own 15 working days (004); St Patrick's Day, 17 March, is a holiday in Northern Ireland only
        assertEquals("2027-04-08", gb.field("/outcome/deadlines/0/due"));
        assertEquals("2027-04-09", ni.field("/outcome/deadlines/0/due"));
        Response mp = simulate("\"contact_route\":\"mp_hotline\",\"region\":\"ni\",\"caller\":\"mp_mla\",\"staff_conduct\":\"no\",\"mp_purpose\":\"complaint\"");
        assertTrue(mp.field("/outcome/title").contains("MP or MLA"), mp.field("/outcome/title"));
    }

    @Test
    void answers_that_run_out_before_an_outcome_name_the_missing_fact() {
        Response r = simulate(CLIENT_TO_RESOLVABLE + ",\"case_closed_on\":\"\"");
        assertEquals(422, r.status());
        assertEquals("incomplete", r.field("/error"));
        assertEquals("resolvable_now", r.field("/missing"));
    }

    @Test
    void staff_conduct_is_missing_straight_after_caller_for_every_caller() {
        for (String caller : new String[] {"client", "mp_mla", "ice", "phso", "employer", "contracted_supplier"}) {
            Response r = simulate("\"contact_route\":\"inbound_call\",\"region\":\"gb\",\"caller\":\"" + caller + "\"");
            assertEquals(422, r.status(), caller);
            assertEquals("staff_conduct", r.field("/missing"), caller);
        }
    }

    @Test
    void the_new_facts_are_missing_only_when_the_vocabulary_asks_them() {
        String toExisting = CLIENT_TO_RESOLVABLE.replace(",\"mp_raised\":\"no\"", "") + ",\"case_closed_on\":\"\"";
        assertEquals("mp_raised", simulate(toExisting).field("/missing"), "002 intro: a new issue may be MP-raised");
        assertEquals("bau_within_6_months", simulate(toExisting.replace("\"none\"", "\"unhappy_with_bau\"")).field("/missing"));
        assertEquals("mp_raised", simulate(toExisting.replace("\"none\"", "\"unhappy_with_bau\",\"bau_within_6_months\":\"yes\"")).field("/missing"));
        for (String ladder : new String[] {"unhappy_with_resolution_team", "unhappy_with_review_team"}) {
            Response r = simulate(toExisting.replace("\"none\"", "\"" + ladder + "\""));
            assertEquals(200, r.status(), ladder + ": neither mp_raised nor bau_within_6_months is asked");
        }
        String ice = "\"contact_route\":\"written\",\"region\":\"gb\",\"caller\":\"ice\",\"staff_conduct\":";
        assertEquals("ice_contact", simulate(ice + "\"no\"").field("/missing"));
        Response iceStaff = simulate(ice + "\"yes\"");
        assertEquals(200, iceStaff.status(), "ice_contact is asked only when staff_conduct is no");
        assertEquals("STAFF_CONDUCT_CONFIDENTIAL", iceStaff.field("/outcome/code"));
        Response failed = simulate(ice + "\"no\",\"ice_contact\":\"failed_gateway\"");
        assertEquals("REFER_RESOLUTION_TEAM", failed.field("/outcome/code"));
        assertEquals("notify_ice_on_closure", failed.field("/outcome/flags/0"));
        Response mp = simulate("\"contact_route\":\"mp_hotline\",\"region\":\"gb\",\"caller\":\"mp_mla\",\"staff_conduct\":\"yes\"");
        assertEquals("STAFF_CONDUCT_CONFIDENTIAL", mp.field("/outcome/code"));
        assertEquals("parliamentary_contact", mp.field("/outcome/flags/0"));
    }

    @Test
    void the_time_limit_is_tested_only_when_a_new_complaint_would_be_raised() {
        String closedLongAgo = CLIENT_TO_RESOLVABLE + ",\"case_closed_on\":\"2020-01-01\"";
        assertEquals("resolvable_now", simulate(closedLongAgo).field("/missing"));
        assertEquals("RECORD_DISSATISFACTION", simulate(closedLongAgo + ",\"resolvable_now\":\"yes\"").field("/outcome/code"));
        assertEquals("REFER_RESOLUTION_TEAM", simulate(closedLongAgo + ",\"resolvable_now\":\"consolatory_payment_only\"").field("/outcome/code"));
        assertEquals("OUT_OF_TIME", simulate(closedLongAgo + ",\"resolvable_now\":\"no\"").field("/outcome/code"));
    }

    @Test
    void an_unknown_fact_an_unknown_option_or_a_malformed_date_is_a_bad_request() {
        Response unknownFact = simulate("\"contact_route\":\"inbound_call\",\"mood\":\"cross\"");
        assertEquals(400, unknownFact.status());
        assertEquals("unknown_fact", unknownFact.field("/error"));

        Response unknownOption = simulate("\"contact_route\":\"carrier_pigeon\"");
        assertEquals(400, unknownOption.status());
        assertEquals("invalid_answer", unknownOption.field("/error"));

        Response badDate = simulate(CLIENT_TO_RESOLVABLE + ",\"case_closed_on\":\"2025-02-30\",\"resolvable_now\":\"no\"");
        assertEquals(400, badDate.status());
        assertEquals("case_closed_on", badDate.field("/question"));

        assertEquals(400, api.post("/api/flows/intake/simulate", "{\"answers\":[]}").status());
        assertEquals(400, api.post("/api/flows/intake/simulate", "{\"answers\":{},\"today\":\"soon\"}").status());
    }

    @Test
    void answers_off_the_path_are_ignored_so_precedence_decides() {
        Response r = simulate("\"contact_route\":\"inbound_call\",\"region\":\"gb\",\"caller\":\"client\","
                + "\"staff_conduct\":\"yes\",\"about_cm_options\":\"only\",\"resolvable_now\":\"yes\"");
        assertEquals("STAFF_CONDUCT_CONFIDENTIAL", r.field("/outcome/code"));
        assertEquals(4, r.json().get("path").size());
        assertEquals("staff_conduct", r.field("/path/3"));
    }
}
