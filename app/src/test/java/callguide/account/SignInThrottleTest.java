package callguide.account;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The lock lasts 15 minutes from the wrong password that reached five, however the five were spread. */
class SignInThrottleTest {
    static final Instant T = Instant.parse("2026-12-03T09:00:00Z");

    static List<Instant> atMinutes(int... minutes) {
        return java.util.Arrays.stream(minutes).mapToObj(m -> T.plus(Duration.ofMinutes(m))).toList();
    }

    @Test
    void five_spread_over_fourteen_minutes_lock_for_fifteen_from_the_fifth() {
        List<Instant> failures = atMinutes(0, 4, 8, 12, 14);
        assertEquals(Duration.ofMinutes(15), SignInThrottle.wait(failures, 5, T.plus(Duration.ofMinutes(14))));
        assertEquals(Duration.ofMinutes(1), SignInThrottle.wait(failures, 5, T.plus(Duration.ofMinutes(28))));
        assertNull(SignInThrottle.wait(failures, 5, T.plus(Duration.ofMinutes(29))));
    }

    @Test
    void five_over_more_than_fifteen_minutes_lock_nothing_and_a_lock_spent_counts_toward_no_other() {
        assertNull(SignInThrottle.wait(atMinutes(0, 4, 8, 12, 16), 5, T.plus(Duration.ofMinutes(16))));
        List<Instant> afterALock = atMinutes(0, 1, 2, 3, 4, 20);
        assertNull(SignInThrottle.wait(afterALock, 5, T.plus(Duration.ofMinutes(20))), "one wrong password after a lock is one");
        assertNull(SignInThrottle.wait(atMinutes(0, 1, 2, 3), 5, T.plus(Duration.ofMinutes(3))));
        // Failures made while locked (recorded by another node at the same moment, say) count toward nothing.
        assertEquals(Duration.ofMinutes(4), SignInThrottle.wait(atMinutes(0, 1, 2, 3, 4, 10, 11, 12, 13, 14), 5, T.plus(Duration.ofMinutes(15))));
    }
}
