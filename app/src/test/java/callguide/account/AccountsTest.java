package callguide.account;

import callguide.store.Database;
import callguide.support.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountsTest {
    /** A clock the test moves on by hand. */
    static final class Hands extends Clock {
        Instant now = Instant.parse("2026-11-27T10:00:00Z");

        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }

    Database db;
    Hands clock = new Hands();
    Accounts accounts;

    @BeforeAll
    void open() {
        db = Database.open(TestDatabase.freshUrl(), null, 2);
        accounts = new Accounts(new AccountDao(db.jdbi()), clock, Duration.ofMinutes(20), Duration.ofHours(12));
        accounts.create("dana", Role.supervisor, "dana-password-1");
    }

    @AfterAll
    void close() throws Exception {
        db.close();
    }

    @Test
    void an_idle_sign_in_ends_on_the_server_and_each_use_keeps_it_alive() {
        Account dana = accounts.check("dana", "dana-password-1").orElseThrow();
        String token = accounts.openSignIn(dana);
        clock.now = clock.now.plus(Duration.ofMinutes(15));
        assertTrue(accounts.signedIn(token).isPresent());
        clock.now = clock.now.plus(Duration.ofMinutes(15));
        assertTrue(accounts.signedIn(token).isPresent(), "the use 15 minutes earlier kept it alive");
        clock.now = clock.now.plus(Duration.ofMinutes(21));
        assertTrue(accounts.signedIn(token).isEmpty(), "idle for longer than the timeout");
    }

    @Test
    void a_sign_in_ends_after_its_maximum_lifetime_however_busy() {
        Account dana = accounts.check("dana", "dana-password-1").orElseThrow();
        String token = accounts.openApiSignIn(dana).token();
        for (int i = 0; i < 12 * 4 - 1; i++) {
            clock.now = clock.now.plus(Duration.ofMinutes(15));
            assertTrue(accounts.signedIn(token, SignedIn.Kind.api).isPresent(), "in use every 15 minutes, hour " + i / 4);
        }
        assertTrue(accounts.signedIn(token, SignedIn.Kind.browser).isEmpty(), "an API token is no cookie");
        clock.now = clock.now.plus(Duration.ofMinutes(16));
        assertTrue(accounts.signedIn(token, SignedIn.Kind.api).isEmpty(), "12 hours after it began");
    }

    @Test
    void passwords_are_checked_and_weak_or_duplicate_accounts_refused() {
        assertTrue(accounts.check("dana", "wrong-password").isEmpty());
        assertTrue(accounts.check("nobody", "dana-password-1").isEmpty());
        assertEquals("'dana' already has an account",
                assertThrows(IllegalArgumentException.class, () -> accounts.create("dana", Role.handler, "another-password")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> accounts.create("erin", Role.handler, "short"));
        assertThrows(IllegalArgumentException.class, () -> accounts.create("Not A Name!", Role.handler, "long-enough-password"));
    }

    @Test
    void an_account_without_a_password_is_signed_in_only_in_process() {
        Account one = accounts.createWithoutPassword("bench-0", Role.handler);
        accounts.createWithoutPassword("bench-1", Role.handler);
        for (String guess : new String[] {"", "bench-0", "decoy-password", "long-enough-password"}) {
            assertTrue(accounts.check("bench-0", guess).isEmpty(), "no password signs in: " + guess);
        }
        assertTrue(accounts.signedIn(accounts.openApiSignIn(one).token(), SignedIn.Kind.api).isPresent());
        assertThrows(IllegalArgumentException.class, () -> accounts.createWithoutPassword("bench-0", Role.handler));
        assertThrows(IllegalArgumentException.class, () -> accounts.createWithoutPassword("Not A Name!", Role.handler));
    }
}
