package callguide.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        Map<String, String> answers = Map.of("contact_route", "inbound_call", "region", "gb", "caller", "client",
                "staff_conduct", "no", "about_cm_options", "no", "case_closed_on", "", "challenges_decision", "no",
                "effective_date_challenge", "no", "existing_complaint", "none", "resolvable_now", "no");
        Outcome o = RENDERER.outcome(FLOW, FlowEngine.walk(FLOW, answers, TODAY), r -> TODAY.plusDays(r.days()));
        assertEquals("RAISE_COMPLAINT", o.code());
        assertTrue(o.say().contains("keep making your child maintenance payments"), o.say());
        assertEquals(List.of(new Outcome.Deadline("Acknowledge the complaint by post", TODAY)), o.deadlines());
        assertFalse(o.sources().isEmpty());
        assertNull(FlowEngine.walk(FLOW, answers, TODAY).question());
    }

    static List<Scenario> scenariosUnchecked() {
        try {
            return scenarios();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
