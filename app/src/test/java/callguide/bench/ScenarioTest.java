package callguide.bench;

import callguide.flow.TestFlows;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScenarioTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    @Test
    void the_bench_follows_the_flows_own_order_to_a_formal_complaint() {
        List<Scenario.Step> path = Scenario.CLIENT_COMPLAINT.path(TestFlows.intake(), TODAY);
        assertEquals("contact_route", path.get(0).question());
        assertEquals("resolvable_now", path.get(path.size() - 1).question());
        assertTrue(path.stream().anyMatch(s -> s.question().equals("mp_raised")), "every question the flow asks is answered: " + path);
    }

    @Test
    void a_scenario_that_misses_a_question_the_flow_asks_says_which() {
        Map<String, String> answers = new HashMap<>(Scenario.CLIENT_COMPLAINT.answers());
        answers.remove("mp_raised");
        Scenario short_ = new Scenario("missing one", answers, "RAISE_COMPLAINT");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> short_.path(TestFlows.intake(), TODAY));
        assertTrue(e.getMessage().contains("'mp_raised'"), e.getMessage());
    }
}
