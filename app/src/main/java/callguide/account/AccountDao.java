package callguide.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** The SQL for accounts and signed-in browsers. */
public final class AccountDao {
    private final Jdbi jdbi;

    public AccountDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** False when the username is taken. */
    boolean insert(String username, Role role, String passwordHash, Instant at) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        INSERT INTO accounts (username, role, password_hash, created_at) VALUES (:u, :r, :p, :at)
                        ON CONFLICT (username) DO NOTHING""")
                .bind("u", username).bind("r", role.name()).bind("p", passwordHash).bind("at", at).execute()) == 1;
    }

    boolean exists(String username) {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM accounts WHERE username = :u")
                .bind("u", username).mapTo(Integer.class).one()) > 0;
    }

    record Stored(Account account, String passwordHash) {}

    Optional<Stored> find(String username) {
        return jdbi.withHandle(h -> h.createQuery("SELECT username, role, password_hash FROM accounts WHERE username = :u")
                .bind("u", username)
                .map((rs, ctx) -> new Stored(new Account(rs.getString("username"), Role.fromId(rs.getString("role"))),
                        rs.getString("password_hash")))
                .findOne());
    }

    void openSignIn(String tokenHash, String username, String csrf, SignedIn.Kind kind, Instant at) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO sign_ins (token_hash, username, csrf_token, kind, created_at, last_seen)
                        VALUES (:t, :u, :c, :k, :at, :at)""")
                .bind("t", tokenHash).bind("u", username).bind("c", csrf).bind("k", kind.name()).bind("at", at).execute());
    }

    /**
     * A live sign-in as stored: who, its form token, its kind, when it began and when it was last used; and whose
     * the call the request names is (null when it names none or there is no such call).
     */
    record Live(SignedIn signedIn, Instant lastSeen, CallHolder call) {}

    /**
     * The sign-in of this kind if it was used after {@code idleSince} and began after {@code bornSince}. The holder
     * of {@code call} (may be null) comes in the same round trip: the gate needs both on every request about a call.
     */
    Optional<Live> signIn(String tokenHash, SignedIn.Kind kind, Instant idleSince, Instant bornSince, UUID call) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT a.username, a.role, s.csrf_token, s.kind, s.created_at, s.last_seen,
                               c.handler_id, c.call_sid IS NOT NULL AS phone
                        FROM sign_ins s
                        JOIN accounts a ON a.username = s.username
                        LEFT JOIN calls c ON c.id = :call
                        WHERE s.token_hash = :t AND s.kind = :k AND s.last_seen >= :idle AND s.created_at >= :born""")
                .bind("t", tokenHash).bind("k", kind.name()).bind("idle", idleSince).bind("born", bornSince)
                .bindByType("call", call, UUID.class)
                .map((rs, ctx) -> new Live(new SignedIn(new Account(rs.getString("username"), Role.fromId(rs.getString("role"))),
                        rs.getString("csrf_token"), SignedIn.Kind.valueOf(rs.getString("kind")),
                        rs.getTimestamp("created_at").toInstant()), rs.getTimestamp("last_seen").toInstant(),
                        rs.getString("handler_id") == null ? null : new CallHolder(rs.getString("handler_id"), rs.getBoolean("phone"))))
                .findOne());
    }

    void touch(String tokenHash, Instant now) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE sign_ins SET last_seen = :now WHERE token_hash = :t AND last_seen < :now")
                .bind("t", tokenHash).bind("now", now).execute());
    }

    /** Removes the sign-ins that have lapsed, by idleness or age. */
    void removeLapsed(Instant idleSince, Instant bornSince) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM sign_ins WHERE last_seen < :idle OR created_at < :born")
                .bind("idle", idleSince).bind("born", bornSince).execute());
    }

    void recordFailure(String username, String address, Instant at) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO sign_in_failures (username, address, at) VALUES (:u, :a, :at)")
                .bind("u", username).bind("a", address).bind("at", at).execute());
    }

    /** The wrong passwords for this username since {@code since}, oldest first. */
    List<Instant> failuresFor(String username, Instant since) {
        return jdbi.withHandle(h -> h.createQuery("SELECT at FROM sign_in_failures WHERE username = :v AND at > :since ORDER BY at")
                .bind("v", username).bind("since", since).mapTo(Instant.class).list());
    }

    /** The wrong passwords from this client address since {@code since}, oldest first. */
    List<Instant> failuresFrom(String address, Instant since) {
        return jdbi.withHandle(h -> h.createQuery("SELECT at FROM sign_in_failures WHERE address = :v AND at > :since ORDER BY at")
                .bind("v", address).bind("since", since).mapTo(Instant.class).list());
    }

    void clearFailures(String username, Instant before) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM sign_in_failures WHERE username = :u OR at < :before")
                .bind("u", username).bind("before", before).execute());
    }

    void endSignIn(String tokenHash) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM sign_ins WHERE token_hash = :t").bind("t", tokenHash).execute());
    }
}
