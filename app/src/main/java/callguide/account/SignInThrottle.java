package callguide.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Locks out guessing: five wrong passwords for one username within 15 minutes lock that username, and a
 * client address gets more room (it may be a whole office behind one gateway). Kept in the database, so a
 * lock holds across restarts and nodes; while locked, even the right password is refused.
 */
final class SignInThrottle {
    static final Duration WINDOW = Duration.ofMinutes(15);
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
        Instant since = now.minus(WINDOW);
        Duration byName = wait(dao.failuresFor(username, since), PER_USERNAME, now);
        Duration byAddress = wait(dao.failuresFrom(address, since), PER_ADDRESS, now);
        if (byName == null) return byAddress;
        return byAddress == null || byName.compareTo(byAddress) > 0 ? byName : byAddress;
    }

    void failed(String username, String address) {
        dao.recordFailure(username, address, clock.instant());
    }

    void succeeded(String username) {
        dao.clearFailures(username, clock.instant().minus(WINDOW));
    }

    /** Locked until the failure that reached the limit leaves the window. */
    private static Duration wait(List<Instant> failures, int limit, Instant now) {
        if (failures.size() < limit) return null;
        Instant unlock = failures.get(failures.size() - limit).plus(WINDOW);
        Duration d = Duration.between(now, unlock);
        return d.isNegative() || d.isZero() ? null : d.getSeconds() < 1 ? Duration.ofSeconds(1) : d;
    }
}
