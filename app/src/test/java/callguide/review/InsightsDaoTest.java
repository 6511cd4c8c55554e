package callguide.review;

import callguide.review.InsightsDao.Count;
import callguide.support.MigratedDatabase;
import callguide.support.StoredCalls;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The insights page's counts on a real database: each is the calls a supervisor would count by hand. */
class InsightsDaoTest {
    @RegisterExtension
    static final MigratedDatabase db = new MigratedDatabase();
    static StoredCalls calls;
    static InsightsDao insights;
    static final LocalDate NOVEMBER = LocalDate.of(2026, 11, 1);

    @BeforeAll
    static void fixtures() {
        calls = new StoredCalls(db.jdbi());
        insights = new InsightsDao(db.jdbi());
    }

    @Test
    void outcomes_count_completed_calls_since_the_period_began_most_first() {
        calls.by("alice").startedAt("2026-11-02T09:00:00Z").reached("RAISE_COMPLAINT");
        calls.by("bob").startedAt("2026-11-03T09:00:00Z").reached("RAISE_COMPLAINT");
        calls.by("bob").startedAt("2026-11-04T09:00:00Z").reached("RECORD_DISSATISFACTION");
        calls.by("carol").startedAt("2026-11-04T09:00:00Z").reached("SIGNPOST_CM_OPTIONS");
        calls.by("alice").startedAt("2026-10-31T09:00:00Z").reached("SIGNPOST_CM_OPTIONS");
        calls.by("alice").startedAt("2026-11-05T09:00:00Z").stillAt("region");
        calls.by("alice").startedAt("2026-11-05T09:00:00Z").ended("dropped");

        assertEquals(List.of(new Count("RAISE_COMPLAINT", 2, 0), new Count("RECORD_DISSATISFACTION", 1, 0),
                new Count("SIGNPOST_CM_OPTIONS", 1, 0)), insights.perOutcome(NOVEMBER));
        assertEquals(5, insights.perOutcome(InsightsDao.ALL_TIME).stream().mapToLong(Count::count).sum(), "October's call too");
        assertEquals(1, insights.ended(NOVEMBER));
    }

    @Test
    void the_median_time_to_outcome_is_over_completed_calls_only() {
        calls.by("alice").took(ofMinutes(2)).reached("RAISE_COMPLAINT");
        calls.by("alice").took(ofMinutes(4)).reached("RAISE_COMPLAINT");
        calls.by("bob").took(ofMinutes(30)).reached("RECORD_DISSATISFACTION");
        calls.by("bob").took(ofMinutes(90)).stillAt("region");
        calls.by("bob").took(ofMinutes(60)).ended("dropped");

        assertEquals(ofMinutes(4).toSeconds(), insights.timesToOutcome(NOVEMBER).medianSeconds());
        calls.by("carol").took(ofMinutes(5)).reached("RAISE_COMPLAINT");
        assertEquals(ofSeconds(270).toSeconds(), insights.timesToOutcome(NOVEMBER).medianSeconds(), "halfway between 4 and 5 minutes");
        assertEquals(0, insights.timesToOutcome(LocalDate.of(2026, 12, 1)).medianSeconds(), "no calls: no median");
    }

    @Test
    void changed_answers_are_counted_per_question_on_completed_calls() {
        calls.by("alice").changing("region", "caller").reached("RAISE_COMPLAINT");
        calls.by("bob").changing("caller").reached("RECORD_DISSATISFACTION");
        calls.by("bob").changing("caller", "caller").reached("RECORD_DISSATISFACTION");
        calls.by("carol").changing("region").stillAt("caller");

        assertEquals(List.of(new Count("caller", 4, 0), new Count("region", 1, 0)), insights.changedQuestions(NOVEMBER));
    }

    @Test
    void calls_left_in_progress_are_counted_at_the_question_they_stopped_at() {
        calls.by("alice").startedAt("2026-11-27T08:00:00Z").took(ofMinutes(5)).stillAt("region");
        calls.by("bob").startedAt("2026-11-27T08:10:00Z").took(ofMinutes(5)).stillAt("region");
        calls.by("bob").startedAt("2026-11-27T08:20:00Z").took(ofMinutes(5)).stillAt("caller");
        calls.by("carol").startedAt("2026-11-27T09:50:00Z").took(ofMinutes(5)).stillAt("caller");
        calls.by("carol").startedAt("2026-11-27T08:00:00Z").ended("dropped");

        Instant anHourAgo = Instant.parse("2026-11-27T09:00:00Z");
        assertEquals(List.of(new Count("region", 2, 0), new Count("caller", 1, 0)), insights.abandonedAt(NOVEMBER, anHourAgo),
                "carol's call was touched within the hour: still being taken");
    }

    @Test
    void each_uk_day_and_each_handler_has_its_completed_calls_and_their_median() {
        calls.by("alice").startedAt("2026-07-01T10:00:00Z").took(ofMinutes(2)).reached("RAISE_COMPLAINT");
        calls.by("bob").startedAt("2026-07-01T22:59:00Z").took(ofMinutes(6)).reached("RAISE_COMPLAINT");
        calls.by("alice").startedAt("2026-07-01T23:01:00Z").took(ofMinutes(10)).reached("RAISE_COMPLAINT");
        calls.by("alice").startedAt("2026-07-02T09:00:00Z").took(ofMinutes(3)).stillAt("region");

        LocalDate july = LocalDate.of(2026, 7, 1);
        assertEquals(List.of(new Count("02/07/2026", 1, 600), new Count("01/07/2026", 2, 240)), insights.perDay(july),
                "23:01 UTC is after midnight in the UK in July");
        assertEquals(List.of(new Count("alice", 2, 360), new Count("bob", 1, 360)), insights.timesToOutcome(july).perHandler());
    }

    @Test
    void a_period_of_whole_months_and_days_before_them_counts_every_call_once_with_exact_medians() {
        calls.by("alice").startedAt("2026-09-30T22:30:00Z").took(ofMinutes(1)).reached("RAISE_COMPLAINT"); // 30 September in the UK
        calls.by("alice").startedAt("2026-09-30T23:30:00Z").took(ofMinutes(2)).reached("RAISE_COMPLAINT"); // 1 October, 00:30 BST
        calls.by("bob").startedAt("2026-10-14T22:59:00Z").took(ofMinutes(3)).reached("RECORD_DISSATISFACTION"); // 14 October, 23:59 BST
        calls.by("bob").startedAt("2026-10-20T09:00:00Z").took(ofSeconds(250)).reached("RAISE_COMPLAINT");
        calls.by("alice").startedAt("2026-11-02T09:00:00Z").took(ofMinutes(5)).reached("RECORD_DISSATISFACTION");
        calls.by("bob").startedAt("2026-11-20T09:00:00Z").took(ofMinutes(7)).reached("RAISE_COMPLAINT");
        calls.by("alice").startedAt("2026-12-01T09:00:00Z").took(ofMinutes(11)).reached("RAISE_COMPLAINT");
        calls.by("alice").startedAt("2026-11-03T09:00:00Z").took(ofMinutes(50)).stillAt("region");

        LocalDate october15 = LocalDate.of(2026, 10, 15); // to the 16th: October's counts less the days before the 15th
        assertEquals(List.of(new Count("RAISE_COMPLAINT", 3, 0), new Count("RECORD_DISSATISFACTION", 1, 0)), insights.perOutcome(october15));
        assertEquals(360, insights.timesToOutcome(october15).medianSeconds(), "250 s, 5, 7 and 11 minutes: halfway between 5 and 7");
        assertEquals(List.of(new Count("alice", 2, 480), new Count("bob", 2, 335)), insights.timesToOutcome(october15).perHandler());

        LocalDate october20 = LocalDate.of(2026, 10, 20); // from the 17th on: November's counts and more, plus the days before
        assertEquals(insights.perOutcome(october15), insights.perOutcome(october20));
        assertEquals(insights.timesToOutcome(october15), insights.timesToOutcome(october20));

        LocalDate october = LocalDate.of(2026, 10, 1); // whole months only
        assertEquals(List.of(new Count("RAISE_COMPLAINT", 4, 0), new Count("RECORD_DISSATISFACTION", 2, 0)), insights.perOutcome(october));
        assertEquals(275, insights.timesToOutcome(october).medianSeconds(), "2, 3, 250 s, 5, 7, 11 minutes: halfway between 250 s and 5 minutes");
        assertEquals(List.of(new Count("alice", 3, 300), new Count("bob", 3, 250)), insights.timesToOutcome(october).perHandler());
        assertEquals(7, insights.perOutcome(InsightsDao.ALL_TIME).stream().mapToLong(Count::count).sum(), "all time");
    }

    @Test
    void changed_answers_are_counted_once_whether_in_whole_months_or_the_days_before_them() {
        calls.by("alice").startedAt("2026-10-10T09:00:00Z").changing("caller").reached("RAISE_COMPLAINT");
        calls.by("alice").startedAt("2026-10-20T09:00:00Z").changing("caller", "region").reached("RAISE_COMPLAINT");
        calls.by("bob").startedAt("2026-11-20T09:00:00Z").changing("caller").reached("RAISE_COMPLAINT");
        calls.by("bob").startedAt("2026-11-21T09:00:00Z").changing("region").stillAt("caller");

        assertEquals(List.of(new Count("caller", 2, 0), new Count("region", 1, 0)), insights.changedQuestions(LocalDate.of(2026, 10, 15)));
        assertEquals(List.of(new Count("caller", 2, 0), new Count("region", 1, 0)), insights.changedQuestions(LocalDate.of(2026, 10, 17)));
        assertEquals(List.of(new Count("caller", 3, 0), new Count("region", 1, 0)), insights.changedQuestions(LocalDate.of(2026, 10, 1)));
        assertEquals(List.of(new Count("caller", 1, 0)), insights.changedQuestions(LocalDate.of(2026, 11, 1)));
    }

    @Test
    void the_days_chart_shows_the_newest_31_days_with_completed_calls() {
        LocalDate first = LocalDate.of(2026, 9, 1);
        for (int d = 0; d < 40; d++) {
            calls.by("alice").startedAt(first.plusDays(d) + "T09:00:00Z").took(ofSeconds(100 + d)).reached("RAISE_COMPLAINT");
        }
        List<Count> days = insights.perDay(first);
        assertEquals(31, days.size());
        assertEquals(new Count("10/10/2026", 1, 139), days.get(0));
        assertEquals(new Count("10/09/2026", 1, 109), days.get(30));
        assertEquals(10, insights.perDay(LocalDate.of(2026, 10, 1)).size(), "only the period's days");
    }
}
