package callguide.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FlowEngineTest {
    static final LocalDate TODAY = LocalDate.parse("2026-11-27");
    static final Flow FLOW = TestFlows.intake();
    static final Renderer RENDERER = new Renderer(TestFlows.CONTACTS);

    record Scenario(String name, LocalDate today, Map<String, String> answers, String outcome, List<String> flags) {}

    static List<Scenario> scenarios() throws Exception {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(TestFlows.resource("/scenarios/intake.yaml"));
        return Stream.of(root).flatMap(r -> java.util.stream.StreamSupport.stream(r.spliterator(), false)).map(n -> {
            Map<String, String> answers = new LinkedHashMap<>();
            n.get("answers").fields().forEachRemaining(e -> answers.put(e.getKey(), e.getValue().asText()));
            List<String> flags = new java.util.ArrayList<>();
            n.get("flags").forEach(f -> flags.add(f.asText()));
            LocalDate today = n.has("today") ? LocalDate.parse(n.get("today").asText()) : TODAY;
            return new Scenario(n.get("name").asText(), today, answers, n.get("outcome").asText(), flags);
        }).toList();
    }

    @TestFactory
    Stream<DynamicTest> every_scenario_reaches_the_outcome_and_flags_the_procedures_require() throws Exception {
        return scenarios().stream().map(s -> DynamicTest.dynamicTest(s.name(), () -> {
            Position p = FlowEngine.walk(FLOW, s.answers(), s.today());
            assertTrue(p.finished(), "stopped at " + (p.question() == null ? null : p.question().id()));
            assertEquals(s.outcome(), p.outcome().code());
            assertEquals(new TreeSet<>(s.flags()), new TreeSet<>(p.flags()));
        }));
    }

    @Test
    void the_scenarios_cover_every_outcome_code_and_every_flag() throws Exception {
        Set<String> codes = new HashSet<>();
        Set<String> flags = new HashSet<>();
        for (Scenario s : scenarios()) {
            codes.add(s.outcome());
            flags.addAll(s.flags());
        }
        assertEquals(Vocabulary.INTAKE.outcomeCodes(), codes);
        assertEquals(Vocabulary.INTAKE.flags(), flags);
    }

    @Test
    void the_flow_reaches_every_outcome_code_in_the_vocabulary() {
        Set<String> codes = new HashSet<>();
        FLOW.outcomes().values().forEach(o -> codes.add(o.code()));
        assertEquals(Vocabulary.INTAKE.outcomeCodes(), codes);
    }

    @Test
    void asks_one_question_at_a_time_starting_with_how_the_complaint_arrived() {
        Position p = FlowEngine.walk(FLOW, Map.of(), TODAY);
        assertEquals("contact_route", p.question().id());
        p = FlowEngine.walk(FLOW, Map.of("contact_route", "inbound_call", "region", "gb"), TODAY);
        assertEquals("caller", p.question().id());
        assertEquals(List.of("contact_route", "region"), p.path());
    }

    @Test
    void answers_that_no_longer_apply_after_a_change_are_dropped() {
        Map<String, String> answers = new LinkedHashMap<>(Map.of("contact_route", "inbound_call", "region", "gb",
                "caller", "client", "staff_conduct", "no", "about_cm_options", "no"));
        answers.put("caller", "contracted_supplier");
        Position p = FlowEngine.walk(FLOW, answers, TODAY);
        assertEquals("ADVISE_CONTRACT_MANAGER", p.outcome().code());
        assertFalse(p.answersInForce().containsKey("about_cm_options"));
        assertEquals(List.of("contact_route", "region", "caller", "staff_conduct"), p.path());
    }

    @Test
    void northern_ireland_cases_use_the_northern_ireland_terms_everywhere() {
        Map<String, String> answers = Map.of("contact_route", "inbound_call", "region", "ni", "caller", "client",
                "staff_conduct", "no", "about_cm_options", "no", "case_closed_on", "",
                "challenges_decision", "yes", "decision_date", "2020-01-01");
        Outcome o = RENDERER.outcome(FLOW, FlowEngine.walk(FLOW, answers, TODAY), r -> TODAY);
        String all = o.title() + o.actions() + o.say();
        assertTrue(all.contains("Northern Ireland Courts and Tribunal Service"), all);
        assertTrue(all.contains("Department of Justice"), all);
        assertFalse(all.contains("HMCTS") || all.contains("Ministry of Justice"), all);

        Step mp = RENDERER.step(FLOW.questions().get("mp_purpose"), Map.of("region", "ni"));
        assertTrue(mp.prompt().contains("MP or MLA"), mp.prompt());
    }

    @Test
    void internal_contacts_reach_the_handler_marked_internal_and_never_what_the_client_hears() {
        for (Scenario s : scenariosUnchecked()) {
            Outcome o = RENDERER.outcome(FLOW, FlowEngine.walk(FLOW, s.answers(), s.today()), r -> TODAY);
            String client = o.say() + o.title() + o.actions();
            assertFalse(client.contains("internal@example"), s.name() + ": " + client);
            if (s.flags().contains("cm_options_referral")) {
                assertTrue(String.join(" ", o.internal()).contains("options.internal@example.gov.uk"), s.name());
            }
        }
    }

    @Test
    void signposting_gives_the_configured_name_and_numbers_of_options() {
        var renamed = new Renderer(new Terms.Contacts("Family Support Options", "0800 000 0001", "0800 000 0002", "x@y", "z@y"));
        Map<String, String> answers = Map.of("contact_route", "inbound_call", "region", "gb", "caller", "client",
                "staff_conduct", "no", "about_cm_options", "only");
        Outcome o = renamed.outcome(FLOW, FlowEngine.walk(FLOW, answers, TODAY), r -> TODAY);
        assertTrue(o.say().contains("Family Support Options") && o.say().contains("0800 000 0001"), o.say());
        assertFalse(o.say().contains("Child Maintenance Options"), o.say());
    }

    @Test
    void a_date_in_the_future_or_not_a_date_is_refused_and_an_open_case_is_empty() {
        Question closed = FLOW.questions().get("case_closed_on");
        assertEquals("", closed.check("", TODAY));
        assertEquals("2026-01-31", closed.check("2026-01-31", TODAY));
        assertThrows(InvalidAnswer.class, () -> closed.check("2026-11-28", TODAY));
        assertThrows(InvalidAnswer.class, () -> closed.check("31/01/2026", TODAY));
        assertThrows(InvalidAnswer.class, () -> FLOW.questions().get("decision_date").check("", TODAY));
        assertThrows(InvalidAnswer.class, () -> FLOW.questions().get("caller").check("cousin", TODAY));
    }

    @Test
    void an_outcome_is_fully_worded_with_its_sources() {
        Map<String, String> answers = client(Map.of("existing_complaint", "none", "mp_raised", "no", "resolvable_now", "no"));
        Outcome o = RENDERER.outcome(FLOW, FlowEngine.walk(FLOW, answers, TODAY), r -> TODAY.plusDays(r.days()));
        assertEquals("RAISE_COMPLAINT", o.code());
        assertTrue(o.say().contains("If you pay child maintenance, please keep paying"), o.say());
        assertEquals(List.of(new Outcome.Deadline("Acknowledge the complaint by post", TODAY)), o.deadlines());
        assertFalse(o.sources().isEmpty());
        assertNull(FlowEngine.walk(FLOW, answers, TODAY).question());
    }

    @Test
    void yes_comes_before_no_on_every_yes_no_question() {
        for (Question q : FLOW.questions().values()) {
            List<String> ids = q.options().stream().map(Option::id).toList();
            if (ids.contains("yes") && ids.contains("no")) assertTrue(ids.indexOf("yes") < ids.indexOf("no"), q.id() + ": " + ids);
        }
    }

    @Test
    void staff_conduct_is_asked_straight_after_caller_for_every_caller() {
        for (String caller : Vocabulary.INTAKE.choiceFacts().get("caller")) {
            Position p = FlowEngine.walk(FLOW, Map.of("contact_route", "written", "region", "gb", "caller", caller), TODAY);
            assertEquals("staff_conduct", p.question().id(), caller);
        }
    }

    @Test
    void the_six_month_question_and_the_mp_question_are_asked_only_when_the_vocabulary_says() {
        Map<String, String> bau = client(Map.of("existing_complaint", "unhappy_with_bau"));
        assertEquals("bau_within_6_months", FlowEngine.walk(FLOW, bau, TODAY).question().id());
        Map<String, String> recent = new LinkedHashMap<>(bau);
        recent.put("bau_within_6_months", "yes");
        assertEquals("mp_raised", FlowEngine.walk(FLOW, recent, TODAY).question().id());
        assertEquals("mp_raised", FlowEngine.walk(FLOW, client(Map.of("existing_complaint", "none")), TODAY).question().id());
        for (String ladder : List.of("unhappy_with_resolution_team", "unhappy_with_review_team")) {
            Position p = FlowEngine.walk(FLOW, client(Map.of("existing_complaint", ladder)), TODAY);
            assertTrue(p.finished(), ladder);
            assertFalse(p.path().contains("mp_raised") || p.path().contains("bau_within_6_months"), ladder);
        }
        Position mp = FlowEngine.walk(FLOW, Map.of("contact_route", "mp_hotline", "region", "gb", "caller", "mp_mla", "staff_conduct", "no"), TODAY);
        assertEquals("mp_purpose", mp.question().id());
        Position ice = FlowEngine.walk(FLOW, Map.of("contact_route", "written", "region", "gb", "caller", "ice", "staff_conduct", "no"), TODAY);
        assertEquals("ice_contact", ice.question().id());
        Position iceStaff = FlowEngine.walk(FLOW, Map.of("contact_route", "written", "region", "gb", "caller", "ice", "staff_conduct", "yes"), TODAY);
        assertEquals("STAFF_CONDUCT_CONFIDENTIAL", iceStaff.outcome().code(), "ice_contact is asked only when staff_conduct is no");
    }

    @Test
    void the_resolution_teams_two_and_fifteen_days_are_calendar_days_in_every_outcome() {
        for (Outcomes.Node node : FLOW.outcomes().values()) {
            for (Outcomes.DeadlineRule d : node.deadlines()) {
                if (d.name().contains("Complaints Resolution Team")) {
                    assertFalse(d.workingDays(), node.id() + ": " + d.name());
                    assertTrue(d.days() == 2 || d.days() == 15, node.id() + ": " + d.name());
                }
            }
        }
    }

    @Test
    void only_an_mps_complaint_gets_the_fifteen_day_resolve_date_and_its_service_request_follows_the_purpose() {
        Map<String, String> sr = new LinkedHashMap<>();
        for (String route : List.of("mp_hotline", "written")) {
            for (String purpose : List.of("complaint", "case_enquiry", "general_enquiry")) {
                Position p = FlowEngine.walk(FLOW, Map.of("contact_route", route, "region", "gb", "caller", "mp_mla",
                        "staff_conduct", "no", "mp_purpose", purpose), TODAY);
                Outcome o = RENDERER.outcome(FLOW, p, r -> TODAY.plusDays(r.days()));
                boolean fifteen = o.deadlines().stream().anyMatch(d -> d.due().equals(TODAY.plusDays(15)));
                assertEquals(purpose.equals("complaint"), fifteen, route + " " + purpose + ": " + o.deadlines());
                assertTrue(o.deadlines().stream().anyMatch(d -> d.due().equals(TODAY.plusDays(2))), route + " " + purpose);
                sr.put(route + " " + purpose, o.serviceRequest().name() + " / " + o.serviceRequest().area());
                assertEquals(route.equals("written") ? "REFER_RESOLUTION_TEAM" : "WARM_TRANSFER_RESOLUTION_TEAM", o.code());
                if (route.equals("written")) {
                    String all = o.title() + o.actions();
                    assertFalse(all.contains("team leader or the BAU G7 to"), "an MP's letter goes straight to the regional team: " + all);
                }
            }
        }
        assertTrue(sr.get("mp_hotline complaint").startsWith("Complaints Resolution SR") && sr.get("mp_hotline complaint").endsWith("Complaints"), sr.toString());
        assertTrue(sr.get("written case_enquiry").startsWith("Enquiry SR"), sr.toString());
        assertTrue(sr.get("written general_enquiry").startsWith("Parliamentary Contact SR") && sr.get("written general_enquiry").endsWith("Parliamentary Contact"), sr.toString());
    }

    @Test
    void a_clients_referral_goes_through_the_team_leader_and_never_asks_the_handler_to_fill_in_the_template() {
        Map<String, String> answers = client(Map.of("existing_complaint", "unhappy_with_bau", "bau_within_6_months", "yes", "mp_raised", "no"));
        Outcome o = RENDERER.outcome(FLOW, FlowEngine.walk(FLOW, answers, TODAY), r -> TODAY);
        assertEquals("REFER_RESOLUTION_TEAM", o.code());
        String actions = String.join(" ", o.actions());
        assertTrue(actions.contains("team leader or the BAU G7"), actions);
        assertFalse(actions.toLowerCase().contains("complete the referral template"), actions);
        assertTrue(o.say().contains("unhappy with the outcome of your complaint or how it was handled"), o.say());
    }

    @Test
    void the_respond_database_and_the_caselist_are_internal_information_not_the_handlers_checklist() {
        Outcome o = RENDERER.outcome(FLOW, FlowEngine.walk(FLOW, Map.of("contact_route", "written", "region", "gb",
                "caller", "mp_mla", "staff_conduct", "no", "mp_purpose", "complaint"), TODAY), r -> TODAY);
        assertTrue(o.flags().contains("parliamentary_contact"));
        assertFalse(String.join(" ", o.actions()).contains("Respond"), o.actions().toString());
        assertFalse(String.join(" ", o.actions()).contains("caselist"), o.actions().toString());
        String internal = String.join(" ", o.internal());
        assertTrue(internal.contains("Respond") && internal.contains("if the complaint is held on the Director General caselist"), internal);
    }

    @Test
    void the_ice_closure_mailbox_is_internal_and_only_on_a_failed_gateway_complaint() {
        Outcome failed = RENDERER.outcome(FLOW, FlowEngine.walk(FLOW, Map.of("contact_route", "written", "region", "gb",
                "caller", "ice", "staff_conduct", "no", "ice_contact", "failed_gateway"), TODAY), r -> TODAY);
        assertTrue(String.join(" ", failed.internal()).contains("ice.internal@example.gov.uk"), failed.internal().toString());
        Outcome investigation = RENDERER.outcome(FLOW, FlowEngine.walk(FLOW, Map.of("contact_route", "written", "region", "gb",
                "caller", "ice", "staff_conduct", "no", "ice_contact", "investigation"), TODAY), r -> TODAY);
        assertEquals("REFER_ICE_TEAM", investigation.code());
        assertFalse(investigation.toString().contains("ice.internal@example.gov.uk"), "not a hand-off address");
        assertTrue(String.join(" ", investigation.actions()).contains("name no team"), investigation.actions().toString());
    }

    @Test
    void a_receiving_parent_is_never_told_to_keep_paying_and_ice_signposting_does_not_say_we_deal_with_it() {
        Outcome ice = RENDERER.outcome(FLOW, FlowEngine.walk(FLOW, client(Map.of("existing_complaint", "unhappy_with_review_team")), TODAY), r -> TODAY);
        assertEquals("SIGNPOST_ICE", ice.code());
        assertTrue(ice.flags().contains("continue_payments"));
        assertFalse(ice.say().contains("while we deal with your complaint"), ice.say());
        assertTrue(ice.say().contains("If you pay child maintenance"), ice.say());
        assertTrue(ice.say().contains("PO Box 155"), "ICE's contact details: " + ice.say());
    }

    /** A client on an open GB case, no staff conduct, Options, decision or effective date, plus these answers. */
    static Map<String, String> client(Map<String, String> more) {
        Map<String, String> a = new LinkedHashMap<>(Map.of("contact_route", "inbound_call", "region", "gb", "caller", "client",
                "staff_conduct", "no", "about_cm_options", "no", "case_closed_on", "", "challenges_decision", "no",
                "effective_date_challenge", "no"));
        a.putAll(more);
        return a;
    }

    static List<Scenario> scenariosUnchecked() {
        try {
            return scenarios();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
