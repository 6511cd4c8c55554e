package callguide.review;

import callguide.review.InsightsDao.Count;
import callguide.support.MigratedDatabase;
import callguide.support.StoredCalls;
import java.time.Instant;
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
    static final Instant NOVEMBER = Instant.parse("2026-11-01T00:00:00Z");

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
        assertEquals(5, insights.perOutcome(Instant.EPOCH).stream().mapToLong(Count::count).sum(), "October's call too");
        assertEquals(1, insights.ended(NOVEMBER));
    }

    @Test
    void the_median_time_to_outcome_is_over_completed_calls_only() {
        calls.by("alice").took(ofMinutes(2)).reached("RAISE_COMPLAINT");
        calls.by("alice").took(ofMinutes(4)).reached("RAISE_COMPLAINT");
        calls.by("bob").took(ofMinutes(30)).reached("RECORD_DISSATISFACTION");
        calls.by("bob").took(ofMinutes(90)).stillAt("region");
        calls.by("bob").took(ofMinutes(60)).ended("dropped");

        assertEquals(ofMinutes(4).toSeconds(), insights.medianSecondsToOutcome(NOVEMBER));
        calls.by("carol").took(ofMinutes(5)).reached("RAISE_COMPLAINT");
        assertEquals(ofSeconds(270).toSeconds(), insights.medianSecondsToOutcome(NOVEMBER), "halfway between 4 and 5 minutes");
        assertEquals(0, insights.medianSecondsToOutcome(Instant.parse("2026-12-01T00:00:00Z")), "no calls: no median");
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

        Instant july = Instant.parse("2026-07-01T00:00:00Z");
        assertEquals(List.of(new Count("02/07/2026", 1, 600), new Count("01/07/2026", 2, 240)), insights.perDay(july),
                "23:01 UTC is after midnight in the UK in July");
        assertEquals(List.of(new Count("alice", 2, 360), new Count("bob", 1, 360)), insights.perHandler(july));
    }
}
