package callguide.call;

import callguide.flow.Outcome;
import callguide.flow.Outcomes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class WorkingCalendarTest {
    private static final WorkingCalendar CALENDAR = WorkingCalendar.bundled();

    @Test
    void two_working_days_from_christmas_eve_2026_in_england_skip_christmas_the_weekend_and_the_boxing_day_substitute() {
        LocalDate thursday = LocalDate.of(2026, 12, 24);

        assertEquals(LocalDate.of(2026, 12, 30), CALENDAR.addWorkingDays(Nation.ENGLAND_AND_WALES, thursday, 2));
    }

    @Test
    void zero_working_days_returns_the_start_date_even_on_a_holiday() {
        LocalDate christmas = LocalDate.of(2026, 12, 25);

        assertEquals(christmas, CALENDAR.addWorkingDays(Nation.ENGLAND_AND_WALES, christmas, 0));
    }

    @Test
    void scotland_takes_the_2nd_january_substitute_on_4_january_2027_but_england_works() {
        LocalDate monday = LocalDate.of(2027, 1, 4);

        assertFalse(CALENDAR.isWorkingDay(Nation.SCOTLAND, monday));
        assertTrue(CALENDAR.isWorkingDay(Nation.ENGLAND_AND_WALES, monday));
        LocalDate newYearsEve = LocalDate.of(2026, 12, 31);
        assertEquals(LocalDate.of(2027, 1, 4), CALENDAR.addWorkingDays(Nation.ENGLAND_AND_WALES, newYearsEve, 1));
        assertEquals(LocalDate.of(2027, 1, 5), CALENDAR.addWorkingDays(Nation.SCOTLAND, newYearsEve, 1));
    }

    @Test
    void easter_monday_2026_is_a_holiday_in_england_but_a_working_day_in_scotland() {
        LocalDate easterMonday = LocalDate.of(2026, 4, 6);

        assertFalse(CALENDAR.isWorkingDay(Nation.ENGLAND_AND_WALES, easterMonday));
        assertTrue(CALENDAR.isWorkingDay(Nation.SCOTLAND, easterMonday));
        LocalDate maundyThursday = LocalDate.of(2026, 4, 2);
        assertEquals(LocalDate.of(2026, 4, 7), CALENDAR.addWorkingDays(Nation.ENGLAND_AND_WALES, maundyThursday, 1));
        assertEquals(LocalDate.of(2026, 4, 6), CALENDAR.addWorkingDays(Nation.SCOTLAND, maundyThursday, 1));
    }

    @Test
    void st_patricks_day_2027_is_skipped_in_northern_ireland_only() {
        LocalDate stPatricks = LocalDate.of(2027, 3, 17);
        LocalDate dayBefore = stPatricks.minusDays(1);

        assertFalse(CALENDAR.isWorkingDay(Nation.NORTHERN_IRELAND, stPatricks));
        assertEquals(LocalDate.of(2027, 3, 18), CALENDAR.addWorkingDays(Nation.NORTHERN_IRELAND, dayBefore, 1));
        assertEquals(stPatricks, CALENDAR.addWorkingDays(Nation.ENGLAND_AND_WALES, dayBefore, 1));
        assertEquals(stPatricks, CALENDAR.addWorkingDays(Nation.SCOTLAND, dayBefore, 1));
    }

    @Test
    void every_bundled_holiday_falls_on_a_weekday_so_substitute_days_are_in_place() throws Exception {
        JsonNode root;
        try (InputStream in = WorkingCalendar.class.getResourceAsStream("/bank-holidays.json")) {
            root = new ObjectMapper().readTree(in);
        }
        int checked = 0;
        for (Nation nation : Nation.values()) {
            for (JsonNode event : root.get(nation.id()).get("events")) {
                LocalDate date = LocalDate.parse(event.get("date").asText());
                DayOfWeek day = date.getDayOfWeek();
                assertTrue(day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY,
                        nation.id() + " " + event.get("title").asText() + " on " + date + " is a " + day);
                assertFalse(CALENDAR.isWorkingDay(nation, date), nation.id() + " should not work on " + date);
                checked++;
            }
        }
        assertTrue(checked > 100, "expected the bundled file to cover several years, found " + checked + " holidays");
    }

    @Test
    void a_file_with_a_malformed_date_is_rejected_naming_the_date_and_nation() {
        String json = """
                {"england-and-wales": {"events": [{"title": "Christmas Day", "date": "2026-13-25"}]},
                 "scotland": {"events": []},
                 "northern-ireland": {"events": []}}
                """;

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse(json));

        assertTrue(e.getMessage().contains("2026-13-25"), e.getMessage());
        assertTrue(e.getMessage().contains("england-and-wales"), e.getMessage());
    }

    @Test
    void a_file_missing_a_nation_is_rejected_rather_than_treated_as_having_no_holidays() {
        String json = """
                {"england-and-wales": {"events": []}, "scotland": {"events": []}}
                """;

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse(json));

        assertTrue(e.getMessage().contains("northern-ireland"), e.getMessage());
    }

    @Test
    void a_file_that_is_not_json_is_rejected_with_a_clear_message() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse("not json"));

        assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
    }

    @Test
    void an_unknown_nation_id_lists_the_valid_ones() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Nation.fromId("wales"));

        assertTrue(e.getMessage().contains("england-and-wales, scotland, northern-ireland"), e.getMessage());
        assertEquals(Nation.SCOTLAND, Nation.fromId("scotland"));
    }

    @Test
    void the_bundled_bank_holidays_are_known_to_the_end_of_2028_for_every_nation() {
        assertEquals(LocalDate.of(2028, 12, 31), CALENDAR.knownUntil());
        for (Nation nation : Nation.values()) {
            assertTrue(CALENDAR.covers(nation, LocalDate.of(2028, 12, 31)), nation.id());
            assertFalse(CALENDAR.covers(nation, LocalDate.of(2029, 1, 1)), nation.id());
            assertFalse(CALENDAR.covers(nation, LocalDate.of(2023, 12, 31)), nation.id());
        }
    }

    @Test
    void fifteen_working_days_that_run_into_2029_are_approximate_and_counted_with_the_holidays_known() {
        Outcome.DueDates dates = CALENDAR.dueDates(Nation.ENGLAND_AND_WALES, LocalDate.of(2028, 12, 15));
        Outcomes.DeadlineRule fifteen = new Outcomes.DeadlineRule("Options reply", 15, true);

        LocalDate due = dates.due(fifteen);

        // Christmas and Boxing Day 2028 are skipped; New Year's Day 2029 is not yet known, so it is counted.
        assertEquals(LocalDate.of(2029, 1, 9), due);
        assertTrue(dates.approximate(fifteen, due));
    }

    @Test
    void a_deadline_within_the_known_holidays_or_in_calendar_days_is_exact() {
        Outcomes.DeadlineRule working = new Outcomes.DeadlineRule("Options reply", 15, true);
        Outcome.DueDates before = CALENDAR.dueDates(Nation.SCOTLAND, LocalDate.of(2028, 11, 1));
        assertFalse(before.approximate(working, before.due(working)));

        Outcomes.DeadlineRule calendarDays = new Outcomes.DeadlineRule("Resolve", 15, false);
        Outcome.DueDates late = CALENDAR.dueDates(Nation.SCOTLAND, LocalDate.of(2028, 12, 28));
        assertEquals(LocalDate.of(2029, 1, 12), late.due(calendarDays));
        assertFalse(late.approximate(calendarDays, late.due(calendarDays)));

        Outcomes.DeadlineRule none = new Outcomes.DeadlineRule("Today", 0, true);
        assertFalse(late.approximate(none, late.due(none)), "no day is counted, so none can be unknown");
    }

    @Test
    void working_days_counted_before_the_list_begins_are_approximate_too() {
        Outcomes.DeadlineRule working = new Outcomes.DeadlineRule("Options reply", 5, true);
        Outcome.DueDates dates = CALENDAR.dueDates(Nation.NORTHERN_IRELAND, LocalDate.of(2023, 12, 20));

        assertTrue(dates.approximate(working, dates.due(working)));
    }

    @Test
    void the_list_runs_out_within_six_months_from_july_2028_and_not_before() {
        assertFalse(CALENDAR.runsOutBy(LocalDate.of(2028, 6, 30).plusMonths(6)));
        assertTrue(CALENDAR.runsOutBy(LocalDate.of(2028, 7, 1).plusMonths(6)));
        assertTrue(CALENDAR.runsOutBy(LocalDate.of(2030, 1, 1)));
    }

    @Test
    void a_file_ending_earlier_for_one_nation_is_known_only_as_far_as_that_nation() {
        WorkingCalendar shortList = parse("""
                {"england-and-wales": {"events": [{"title": "Christmas Day", "date": "2026-12-25"}]},
                 "scotland": {"events": [{"title": "Christmas Day", "date": "2025-12-25"}]},
                 "northern-ireland": {"events": [{"title": "Christmas Day", "date": "2026-12-25"}]}}
                """);

        assertEquals(LocalDate.of(2025, 12, 31), shortList.knownUntil());
        assertTrue(shortList.covers(Nation.ENGLAND_AND_WALES, LocalDate.of(2026, 6, 1)));
        assertFalse(shortList.covers(Nation.SCOTLAND, LocalDate.of(2026, 6, 1)));
        assertTrue(shortList.runsOutBy(LocalDate.of(2026, 1, 1)));
    }

    @Test
    void a_nation_with_no_holidays_listed_has_every_working_day_deadline_approximate() {
        WorkingCalendar empty = parse("""
                {"england-and-wales": {"events": []}, "scotland": {"events": []}, "northern-ireland": {"events": []}}
                """);
        Outcomes.DeadlineRule working = new Outcomes.DeadlineRule("Options reply", 1, true);
        Outcome.DueDates dates = empty.dueDates(Nation.ENGLAND_AND_WALES, LocalDate.of(2026, 6, 1));

        assertTrue(dates.approximate(working, dates.due(working)));
        assertNull(empty.knownUntil());
        assertTrue(empty.runsOutBy(LocalDate.of(2026, 6, 1)));
    }

    private static WorkingCalendar parse(String json) {
        return WorkingCalendar.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }
}
