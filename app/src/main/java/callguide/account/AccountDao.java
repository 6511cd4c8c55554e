package callguide.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
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
     * The sign-in of this kind if it was seen after {@code idleSince} and began after {@code bornSince},
     * marking it seen now; expired ones are removed.
     */
    Optional<SignedIn> touchSignIn(String tokenHash, SignedIn.Kind kind, Instant idleSince, Instant bornSince, Instant now) {
        return jdbi.inTransaction(h -> {
            h.createUpdate("DELETE FROM sign_ins WHERE last_seen < :idle OR created_at < :born")
                    .bind("idle", idleSince).bind("born", bornSince).execute();
            return h.createQuery("""
                            UPDATE sign_ins s SET last_seen = :now FROM accounts a
                            WHERE s.token_hash = :t AND s.kind = :k AND a.username = s.username
                            RETURNING a.username, a.role, s.csrf_token, s.kind, s.created_at""")
                    .bind("t", tokenHash).bind("k", kind.name()).bind("now", now)
                    .map((rs, ctx) -> new SignedIn(new Account(rs.getString("username"), Role.fromId(rs.getString("role"))),
                            rs.getString("csrf_token"), SignedIn.Kind.valueOf(rs.getString("kind")),
                            rs.getTimestamp("created_at").toInstant()))
                    .findOne();
        });
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
