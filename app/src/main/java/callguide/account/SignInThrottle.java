package callguide.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Locks out guessing: five wrong passwords for one username within 15 minutes lock that username for 15 minutes, and a
 * client address gets more room (it may be a whole office behind one gateway). Kept in the database, so a
 * lock holds across restarts and nodes; while locked, even the right password is refused.
 */
final class SignInThrottle {
    static final Duration WINDOW = Duration.ofMinutes(15);
    /** A lock that began within the window was reached by failures in the window before it. */
    private static final Duration LOOKBACK = WINDOW.multipliedBy(2);
    static final int PER_USERNAME = 5;
    static final int PER_ADDRESS = 50;

    private final AccountDao dao;
    private final Clock clock;

    SignInThrottle(AccountDao dao, Clock clock) {
        this.dao = dao;
        this.clock = clock;
    }

    /** How long until another attempt is allowed, or null when one is allowed now. */
    Duration retryAfter(String username, String address) {
        Instant now = clock.instant();
        Instant since = now.minus(LOOKBACK);
        Duration byName = wait(dao.failuresFor(username, since), PER_USERNAME, now);
        Duration byAddress = wait(dao.failuresFrom(address, since), PER_ADDRESS, now);
        if (byName == null) return byAddress;
        return byAddress == null || byName.compareTo(byAddress) > 0 ? byName : byAddress;
    }

    void failed(String username, String address) {
        dao.recordFailure(username, address, clock.instant());
    }

    void succeeded(String username) {
        dao.clearFailures(username, clock.instant().minus(LOOKBACK)); // others' older failures may still hold a lock
    }

    /**
     * Locked for a whole window from the failure that reached the limit within a window. Failures before a lock count
     * toward no later one, so the next lock needs the limit again.
     */
    static Duration wait(List<Instant> failures, int limit, Instant now) {
        Instant lockedUntil = null;
        Deque<Instant> window = new ArrayDeque<>();
        for (Instant f : failures) {
            if (lockedUntil != null && f.isBefore(lockedUntil)) continue; // made while locked: refused, so it counts toward nothing
            while (!window.isEmpty() && !window.peekFirst().isAfter(f.minus(WINDOW))) window.removeFirst();
            window.addLast(f);
            if (window.size() >= limit) {
                lockedUntil = f.plus(WINDOW);
                window.clear();
            }
        }
        if (lockedUntil == null) return null;
        Duration d = Duration.between(now, lockedUntil);
        return d.isNegative() || d.isZero() ? null : d.getSeconds() < 1 ? Duration.ofSeconds(1) : d;
    }
}
