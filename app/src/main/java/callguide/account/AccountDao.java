package callguide.account;

import java.time.Instant;
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

    void openSignIn(String tokenHash, String username, String csrf, Instant at) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO sign_ins (token_hash, username, csrf_token, created_at, last_seen)
                        VALUES (:t, :u, :c, :at, :at)""")
                .bind("t", tokenHash).bind("u", username).bind("c", csrf).bind("at", at).execute());
    }

    /** The sign-in if it was seen after {@code idleSince}, marking it seen now; expired ones are removed. */
    Optional<SignedIn> touchSignIn(String tokenHash, Instant idleSince, Instant now) {
        return jdbi.inTransaction(h -> {
            h.createUpdate("DELETE FROM sign_ins WHERE last_seen < :idle").bind("idle", idleSince).execute();
            return h.createQuery("""
                            UPDATE sign_ins s SET last_seen = :now FROM accounts a
                            WHERE s.token_hash = :t AND a.username = s.username
                            RETURNING a.username, a.role, s.csrf_token""")
                    .bind("t", tokenHash).bind("now", now)
                    .map((rs, ctx) -> new SignedIn(new Account(rs.getString("username"), Role.fromId(rs.getString("role"))),
                            rs.getString("csrf_token")))
                    .findOne();
        });
    }

    void endSignIn(String tokenHash) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM sign_ins WHERE token_hash = :t").bind("t", tokenHash).execute());
    }
}
