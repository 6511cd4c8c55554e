package callguide.casework;

import callguide.resolution.CaseEngine;
import callguide.resolution.CaseKind;
import callguide.resolution.CaseState;
import callguide.resolution.ProcessFlow;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The figures count against the original 15-day date; a placeholder never leaves the service. */
class ResolutionReportsTest {
    static final ProcessFlow FLOW = ProcessFlows.resolution(Path.of("../flows"));
    static final CaseEngine ENGINE = new CaseEngine(FLOW);
    static final LocalDate RECEIVED = LocalDate.of(2026, 3, 2);

    static CaseRecord record(String team, CaseState s) {
        return new CaseRecord(UUID.randomUUID(), team, "casey", null, "BAU", RECEIVED, false, s, Instant.EPOCH, Instant.EPOCH);
    }

    static CaseState closedOn(LocalDate day, Map<String, String> facts, boolean timetable) {
        CaseState s = ENGINE.open(CaseKind.complaint, RECEIVED, facts);
        s = ENGINE.apply(s, "acknowledge", "resolution_caseworker", Map.of("parties", "p", "acknowledged_by", "phone"), RECEIVED).state();
        s = ENGINE.apply(s, "resolvable_now", "resolution_caseworker", Map.of(), RECEIVED).state();
        s = ENGINE.apply(s, "sr_set_up", "resolution_caseworker", Map.of("sr_number", "1", "dissatisfaction_sr", "2",
                "dissatisfaction_within_6_months", "yes", "addressee", "CMG", "parliamentary_contact_involved", "no",
                "complaint_details", "d", "root_cause", "=Human Error"), RECEIVED).state();
        if (timetable) {
            s = ENGINE.apply(s, "agree_timetable", "resolution_caseworker", Map.of("agreed_date", "2026-04-30", "reason", "r"), day.minusDays(1)).state();
        }
        return ENGINE.apply(s, "enquiry_only", "resolution_caseworker", Map.of("enquiry_sr", "3", "notes", "n",
                "feedback_to", "G7", "closed_by_phone", "yes"), day).state();
    }

    @Test
    void shareWithinFifteenDaysOverdueNowAndTheGroups() {
        List<CaseRecord> cases = List.of(
                record("gb", closedOn(LocalDate.of(2026, 3, 17), Map.of(), false)),
                record("ni", closedOn(LocalDate.of(2026, 3, 25), Map.of(), true)),
                record("gb", ENGINE.open(CaseKind.complaint, RECEIVED, Map.of("parliamentary", "yes"))),
                record("gb", ENGINE.open(CaseKind.placeholder, RECEIVED, Map.of())),
                record("gb", ENGINE.open(CaseKind.mp_query, RECEIVED, Map.of("parliamentary", "yes", "constituency", "Leeds Central"))));
        Reports.Report r = Reports.of(cases, FLOW, LocalDate.of(2026, 3, 20));
        assertEquals(3, r.total().cases(), "complaints only");
        assertEquals(2, r.total().resolved());
        assertEquals(1, r.total().withinFifteen(), "resolved in a timetable after the 15 days is still a miss");
        assertEquals("50%", r.total().share());
        assertEquals(1, r.total().overdue());
        assertEquals(List.of("Great Britain", "Northern Ireland"), r.byRegion().stream().map(Reports.Row::group).toList());
        assertEquals(List.of("Leeds Central", "Not yet recorded"), r.byConstituency().stream().map(Reports.Row::group).toList(),
                "an MP's non-case specific query is parliamentary work too");
        String csv = Reports.csv(cases);
        assertEquals(5, csv.split("\r\n").length, "a header, three complaints and the MP's query; no placeholder");
        assertTrue(csv.contains(",\"'=Human Error\","), "a formula is defused");
        assertFalse(csv.contains("placeholder"));
    }
}
