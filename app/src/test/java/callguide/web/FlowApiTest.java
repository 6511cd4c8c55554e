package callguide.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import callguide.support.TestApp;
import callguide.support.TestApp.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FlowApiTest {
    static final String CLIENT_TO_RESOLVABLE = "\"contact_route\":\"inbound_call\",\"region\":\"gb\",\"caller\":\"client\","
            + "\"staff_conduct\":\"no\",\"about_cm_options\":\"no\",\"challenges_decision\":\"no\","
            + "\"effective_date_challenge\":\"no\",\"existing_complaint\":\"none\"";

    TestApp api;

    @BeforeAll
    void start() {
        api = TestApp.start();
    }

    @AfterAll
    void stop() throws Exception {
        api.close();
    }

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
        assertEquals("resolvable_now", r.field("/path/9"));
        assertFalse(r.json().at("/outcome/sources").isEmpty());
    }

    @Test
    void an_open_case_may_be_given_as_null_and_the_resolution_team_deadlines_skip_bank_holidays() {
        Response r = api.post("/api/flows/intake/simulate", "{\"today\":\"2026-12-23\",\"answers\":{" + CLIENT_TO_RESOLVABLE
                .replace("\"none\"", "\"unhappy_with_bau\"") + ",\"case_closed_on\":null}}");
        assertEquals(200, r.status(), r.text());
        assertEquals("REFER_RESOLUTION_TEAM", r.field("/outcome/code"));
        // 2 working days from Wed 23 Dec 2026 in England: 24th, then 25th, 26th-27th weekend and 28th are off
        assertEquals("2026-12-29", r.field("/outcome/deadlines/0/due"));
    }

    @Test
    void northern_ireland_deadlines_use_northern_ireland_bank_holidays() {
        String answers = "\"contact_route\":\"mp_hotline\",\"region\":\"ni\",\"caller\":\"mp_mla\",\"mp_purpose\":\"complaint\"";
        Response r = api.post("/api/flows/intake/simulate", "{\"today\":\"2027-03-16\",\"answers\":{" + answers + "}}");
        assertEquals("WARM_TRANSFER_RESOLUTION_TEAM", r.field("/outcome/code"));
        // St Patrick's Day, 17 March, is a holiday in Northern Ireland only
        assertEquals("2027-03-19", r.field("/outcome/deadlines/0/due"));
        assertTrue(r.field("/outcome/title").contains("MP or MLA"), r.field("/outcome/title"));
    }

    @Test
    void answers_that_run_out_before_an_outcome_name_the_missing_fact() {
        Response r = simulate(CLIENT_TO_RESOLVABLE + ",\"case_closed_on\":\"\"");
        assertEquals(422, r.status());
        assertEquals("incomplete", r.field("/error"));
        assertEquals("resolvable_now", r.field("/missing"));
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
    }
}
