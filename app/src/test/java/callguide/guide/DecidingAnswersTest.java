package callguide.guide;

import callguide.flow.Flow;
import callguide.flow.FlowEngine;
import callguide.flow.Position;
import callguide.flow.TestFlows;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** "Check your answers" leads with the two or three answers that decided the outcome, the last one last. */
class DecidingAnswersTest {
    static final Flow FLOW = TestFlows.intake();
    static final LocalDate TODAY = LocalDate.of(2026, 12, 3);

    static List<String> deciding(Map<String, String> answers, String last) {
        Position p = FlowEngine.walk(FLOW, answers, TODAY);
        return CheckPages.deciding(FLOW, p, TODAY, last);
    }

    @Test
    void a_formal_complaint_is_decided_by_the_case_date_as_well_as_by_no_to_resolving_it_now() {
        List<String> d = deciding(Map.ofEntries(Map.entry("contact_route", "inbound_call"), Map.entry("region", "gb"),
                Map.entry("caller", "client"), Map.entry("staff_conduct", "no"), Map.entry("about_cm_options", "no"),
                Map.entry("case_closed_on", "2026-06-01"), Map.entry("challenges_decision", "no"), Map.entry("effective_date_challenge", "no"),
                Map.entry("existing_complaint", "none"), Map.entry("mp_raised", "no"), Map.entry("resolvable_now", "no")), "resolvable_now");
        assertEquals(List.of("mp_raised", "case_closed_on", "resolvable_now"), d);
    }

    @Test
    void a_signpost_to_options_is_decided_by_what_it_is_about_and_not_being_about_staff() {
        List<String> d = deciding(Map.of("contact_route", "inbound_call", "region", "gb", "caller", "client", "staff_conduct", "no",
                "about_cm_options", "only"), "about_cm_options");
        assertEquals(List.of("staff_conduct", "caller", "about_cm_options"), d);
    }
}
