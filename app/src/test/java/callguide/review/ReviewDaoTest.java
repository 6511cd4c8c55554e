package callguide.review;

import callguide.support.MigratedDatabase;
import callguide.support.StoredCalls;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static java.time.Duration.ofMinutes;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The supervisors' list of calls on a real database: what each filter picks, each sort's order, and paging through it. */
class ReviewDaoTest {
    @RegisterExtension
    static final MigratedDatabase db = new MigratedDatabase();
    static StoredCalls calls;
    static ReviewDao review;

    @BeforeAll
    static void fixtures() {
        calls = new StoredCalls(db.jdbi());
        review = new ReviewDao(db.jdbi());
    }

    static ReviewFilter filter(LocalDate from, LocalDate to, String handler, String outcome, String flag, String status) {
        return new ReviewFilter(from, to, handler, outcome, flag, status, "started", true, 1);
    }

    static ReviewFilter sorted(String sort, boolean descending) {
        return new ReviewFilter(null, null, null, null, null, null, sort, descending, 1);
    }

    static List<UUID> ids(List<CallRow> rows) {
        return rows.stream().map(CallRow::id).toList();
    }

    void assertPicks(ReviewFilter f, UUID... expected) {
        assertEquals(Set.of(expected), Set.copyOf(ids(review.page(f))), f.query());
        assertEquals(expected.length, review.count(f), "the count above the list: " + f.query());
    }

    @Test
    void each_filter_picks_exactly_the_calls_it_names_and_the_count_agrees() {
        UUID aliceComplaint = calls.by("alice").startedAt("2026-11-02T09:00:00Z").reached("RAISE_COMPLAINT", "parliamentary_contact");
        UUID aliceResolved = calls.by("alice").startedAt("2026-11-03T09:00:00Z").reached("RECORD_DISSATISFACTION");
        UUID bobComplaint = calls.by("bob").startedAt("2026-11-03T10:00:00Z").reached("RAISE_COMPLAINT");
        UUID bobOpen = calls.by("bob").startedAt("2026-11-04T10:00:00Z").stillAt("region");
        UUID carolEnded = calls.by("carol").startedAt("2026-11-05T10:00:00Z").ended("dropped");

        assertPicks(filter(null, null, null, null, null, null), aliceComplaint, aliceResolved, bobComplaint, bobOpen, carolEnded);
        assertPicks(filter(null, null, "alice", null, null, null), aliceComplaint, aliceResolved);
        assertPicks(filter(null, null, null, "RAISE_COMPLAINT", null, null), aliceComplaint, bobComplaint);
        assertPicks(filter(null, null, null, null, "parliamentary_contact", null), aliceComplaint);
        assertPicks(filter(null, null, null, null, null, "in_progress"), bobOpen);
        assertPicks(filter(null, null, null, null, null, "ended"), carolEnded);
        assertPicks(filter(null, null, null, null, null, "completed"), aliceComplaint, aliceResolved, bobComplaint);
        assertPicks(filter(LocalDate.parse("2026-11-03"), LocalDate.parse("2026-11-04"), null, null, null, null),
                aliceResolved, bobComplaint, bobOpen);
        assertPicks(filter(null, null, "bob", "RAISE_COMPLAINT", null, null), bobComplaint);
        assertPicks(filter(null, null, "dave", null, null, null));
        assertPicks(filter(null, null, "alice", null, null, "completed"), aliceComplaint, aliceResolved);
        assertPicks(filter(null, null, null, "RAISE_COMPLAINT", null, "in_progress"));
        assertPicks(filter(null, null, null, "RAISE_COMPLAINT", null, "completed"), aliceComplaint, bobComplaint);
    }

    @Test
    void a_day_in_the_filter_is_a_day_in_the_uk() {
        UUID lateOnTheFirst = calls.by("alice").startedAt("2026-07-01T22:59:00Z").reached("RAISE_COMPLAINT");
        UUID justAfterMidnight = calls.by("alice").startedAt("2026-07-01T23:01:00Z").reached("RAISE_COMPLAINT");
        LocalDate first = LocalDate.parse("2026-07-01");
        LocalDate second = LocalDate.parse("2026-07-02");

        assertPicks(filter(first, first, null, null, null, null), lateOnTheFirst);
        assertPicks(filter(second, second, null, null, null, null), justAfterMidnight);
    }

    @Test
    void newest_first_by_default_and_oldest_first_when_asked() {
        UUID monday = calls.by("alice").startedAt("2026-11-02T09:00:00Z").reached("RAISE_COMPLAINT");
        UUID wednesday = calls.by("bob").startedAt("2026-11-04T09:00:00Z").stillAt("caller");
        UUID tuesday = calls.by("carol").startedAt("2026-11-03T09:00:00Z").ended("mistake");

        assertEquals(List.of(wednesday, tuesday, monday), ids(review.page(sorted("started", true))));
        assertEquals(List.of(monday, tuesday, wednesday), ids(review.page(sorted("started", false))));
    }

    @Test
    void sorted_by_outcome_calls_without_one_come_after_every_outcome_whichever_way() {
        UUID signpost = calls.by("alice").startedAt("2026-11-02T09:00:00Z").reached("SIGNPOST_CM_OPTIONS");
        UUID complaint = calls.by("alice").startedAt("2026-11-02T10:00:00Z").reached("RAISE_COMPLAINT");
        UUID open = calls.by("bob").startedAt("2026-11-02T11:00:00Z").stillAt("region");
        UUID ended = calls.by("bob").startedAt("2026-11-02T12:00:00Z").ended("wrong_number");

        List<UUID> ascending = ids(review.page(sorted("outcome", false)));
        assertEquals(List.of(complaint, signpost), ascending.subList(0, 2));
        assertEquals(Set.of(open, ended), Set.copyOf(ascending.subList(2, ascending.size())), "every call is listed: " + ascending);
        List<UUID> descending = ids(review.page(sorted("outcome", true)));
        assertEquals(List.of(signpost, complaint), descending.subList(0, 2));
        assertEquals(Set.of(open, ended), Set.copyOf(descending.subList(2, descending.size())), "every call is listed: " + descending);
    }

    @Test
    void sorted_by_time_taken_a_call_not_finished_is_placed_by_its_time_so_far() {
        UUID quick = calls.by("alice").startedAt("2026-11-02T09:00:00Z").took(ofMinutes(3)).reached("RAISE_COMPLAINT");
        UUID slow = calls.by("alice").startedAt("2026-11-02T10:00:00Z").took(ofMinutes(10)).reached("RAISE_COMPLAINT");
        UUID open = calls.by("bob").startedAt("2026-11-02T11:00:00Z").took(ofMinutes(5)).stillAt("region");
        UUID ended = calls.by("bob").startedAt("2026-11-02T12:00:00Z").took(ofMinutes(1)).ended("dropped");

        assertEquals(List.of(ended, quick, open, slow), ids(review.page(sorted("duration", false))));
        assertEquals(List.of(slow, open, quick, ended), ids(review.page(sorted("duration", true))));
    }

    @Test
    void paging_forwards_and_back_shows_every_call_once_in_every_sort() {
        String[] handlers = {"alice", "bob", "carol", "dave"};
        String[] outcomes = {"RAISE_COMPLAINT", "RECORD_DISSATISFACTION", "SIGNPOST_CM_OPTIONS"};
        Instant start = Instant.parse("2026-11-02T09:00:00Z");
        for (int i = 0; i < 62; i++) {
            // Three calls to each start time and many to each time taken, so ties are ordered by what comes next.
            StoredCalls.NewCall call = calls.by(handlers[i % 4]).startedAt(start.plus(Duration.ofMinutes(10L * (i / 3))).toString())
                    .took(ofMinutes(1 + i % 5));
            if (i % 7 == 3) call.stillAt("region");
            else if (i % 11 == 5) call.ended("test");
            else call.reached(outcomes[i % 3]);
        }
        for (String sort : ReviewFilter.SORTS) {
            for (boolean descending : new boolean[] {false, true}) {
                ReviewFilter f = sorted(sort, descending);
                String which = sort + (descending ? " descending" : " ascending");
                List<UUID> all = ids(review.all(f));
                assertEquals(62, all.size(), which + ": the export has every call");

                List<ReviewDao.Page> pages = new ArrayList<>();
                ReviewDao.Page page = review.page(f, null);
                while (!page.rows().isEmpty()) {
                    pages.add(page);
                    // As the Next link carries it: the last row's cursor, as text.
                    page = review.page(f, ReviewDao.Cursor.parse(page.last().text(), false));
                }
                assertEquals(List.of(25, 25, 12), pages.stream().map(p -> p.rows().size()).toList(), which);
                List<UUID> paged = pages.stream().flatMap(p -> ids(p.rows()).stream()).toList();
                assertEquals(all, paged, which + ": the pages in turn are the whole list, in its order");
                assertEquals(62, new HashSet<>(paged).size(), which + ": no call twice");

                for (int n = 1; n <= pages.size(); n++) {
                    assertEquals(ids(pages.get(n - 1).rows()), ids(review.page(f.page(n))), which + ": page " + n + " by its number");
                }
                for (int n = pages.size() - 1; n >= 1; n--) {
                    // As the Previous link carries it: the first row's cursor, read as going back.
                    ReviewDao.Page previous = review.page(f, ReviewDao.Cursor.parse(pages.get(n).first().text(), true));
                    assertEquals(ids(pages.get(n - 1).rows()), ids(previous.rows()), which + ": Previous from page " + (n + 1));
                }
            }
        }
    }

    @Test
    void the_filter_boxes_offer_each_handler_outcome_and_flag_once() {
        calls.by("bob").reached("RAISE_COMPLAINT", "parliamentary_contact");
        calls.by("alice").reached("RAISE_COMPLAINT", "cm_options_referral", "parliamentary_contact");
        calls.by("alice").reached("RECORD_DISSATISFACTION");
        calls.by("carol").stillAt("region");

        assertEquals(List.of("alice", "bob", "carol"), review.handlers());
        assertEquals(List.of("RAISE_COMPLAINT", "RECORD_DISSATISFACTION"), review.outcomes());
        assertEquals(List.of("cm_options_referral", "parliamentary_contact"), review.flags());
    }

    @Test
    void the_access_log_shows_who_opened_which_timeline_newest_first() {
        UUID call = calls.by("alice").reached("RAISE_COMPLAINT");
        Instant nine = Instant.parse("2026-11-27T09:00:00Z");
        review.logAccess(call, "sam", "supervisor", "timeline", nine);
        review.logAccess(call, "tess", "team_leader", "timeline", nine.plus(ofMinutes(5)));
        review.logAccess(call, "sam", "supervisor", "/api/calls/{id}/events", nine.plus(ofMinutes(9)));

        assertEquals(List.of(new ReviewDao.Access(nine.plus(ofMinutes(9)), "sam", "supervisor", call, "/api/calls/{id}/events"),
                new ReviewDao.Access(nine.plus(ofMinutes(5)), "tess", "team_leader", call, "timeline")), review.accessLog(2));
    }
}
