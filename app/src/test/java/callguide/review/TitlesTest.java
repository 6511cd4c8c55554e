package callguide.review;

import callguide.flow.Flow;
import callguide.flow.Outcomes;
import callguide.flow.Renderer;
import callguide.flow.Terms;
import callguide.flow.TestFlows;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The names lists give outcome codes and flags, from the shipped intake flow. */
class TitlesTest {
    static final Flow FLOW = TestFlows.intake();
    static final Renderer RENDERER = new Renderer(TestFlows.CONTACTS);
    static final Titles TITLES = new Titles(FLOW, RENDERER);

    /** A list by code names each code by what all its outcomes share, never by one outcome's title standing for the rest. */
    @Test
    void a_code_whose_outcomes_differ_in_title_has_a_name_of_its_own() {
        Terms both = RENDERER.bothRegions();
        Map<String, Set<String>> titles = new TreeMap<>();
        for (Outcomes.Node n : FLOW.outcomes().values()) titles.computeIfAbsent(n.code(), c -> new TreeSet<>()).add(both.say(n.title()));
        titles.forEach((code, these) -> {
            if (these.size() == 1) {
                assertEquals(these.iterator().next(), TITLES.outcome(code), code);
            } else {
                assertTrue(Titles.SHARED_CODES.containsKey(code), code + " has outcomes titled " + these + " and no name of its own");
                assertEquals(Titles.SHARED_CODES.get(code), TITLES.outcome(code), code);
            }
        });
        assertEquals("Refer to the Complaints Resolution Team", TITLES.outcome("REFER_RESOLUTION_TEAM"));
        // A list by code holds calls from both regions, so it names both regions' words (003, 002 "CMG to be CMED in NI").
        assertEquals("Warm transfer the MP or MLA to the regional Complaints Resolution Team", TITLES.outcome("WARM_TRANSFER_RESOLUTION_TEAM"));
        assertEquals("Refer the complaint to the CMG or CMED SLA Team", TITLES.outcome("REFER_SLA_TEAM"));
        assertEquals("Staff conduct complaint - record nothing on the system", TITLES.outcome("STAFF_CONDUCT_CONFIDENTIAL"));
    }

    @Test
    void a_flag_reads_as_its_title_in_the_configured_names() {
        assertEquals("Child Maintenance Options referral", TITLES.flag("cm_options_referral"));
        assertEquals("Northern Ireland terms", TITLES.flag("ni_terms"));
        assertEquals("Tell the ICE team on closure", TITLES.flag("notify_ice_on_closure"));
        Renderer renamed = new Renderer(new Terms.Contacts("CM Options", "0800 988 0988", "0800 988 9 888",
                "options.internal@example.gov.uk", "ice.internal@example.gov.uk"));
        assertEquals("CM Options referral", new Titles(FLOW, renamed).flag("cm_options_referral"));
        assertEquals("Some new flag", TITLES.flag("some_new_flag"), "a flag the flow does not title, in words");
    }
}
