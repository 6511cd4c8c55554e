package callguide.guide;

import callguide.web.ApiError;
import callguide.web.Identity;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.time.Duration;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/** At most so many calls started in any 60 seconds per sign-in (429 beyond), counted in PostgreSQL so every node shares it. */
public final class CallStartLimit {
    private final Jdbi jdbi;
    private final int perMinute;

    public CallStartLimit(Jdbi jdbi, int perMinute) {
        this.jdbi = jdbi;
        this.perMinute = perMinute;
    }

    /** Starts over a minute old count for no one; a background job clears them. */
    public static final Duration CLEAR_EVERY = Duration.ofMinutes(1);

    public static void clearLapsed(Jdbi jdbi) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM call_starts WHERE at <= now() - interval '1 minute'").execute());
    }

    public Handler limited(Handler start) {
        return ctx -> {
            take(ctx);
            start.handle(ctx);
        };
    }

    private void take(Context ctx) {
        String who = Identity.of(ctx);
        // The database's clock, so nodes agree on the last minute; a refused start is not counted.
        Integer wait = jdbi.inTransaction(h -> {
            // One start at a time per sign-in, on every node, so two cannot both take the last place.
            h.execute("SELECT pg_advisory_xact_lock(hashtext(?))", "callguide-call-starts:" + who);
            int started = h.createQuery("SELECT count(*) FROM call_starts WHERE who = :who AND at > now() - interval '1 minute'")
                    .bind("who", who).mapTo(Integer.class).one();
            if (started < perMinute) {
                h.createUpdate("INSERT INTO call_starts (who, at) VALUES (:who, now())").bind("who", who).execute();
                return null;
            }
            // Until the oldest start in the window is a minute old.
            return h.createQuery("""
                            SELECT ceil(extract(epoch FROM min(at) + interval '1 minute' - now()))::int
                            FROM call_starts WHERE who = :who AND at > now() - interval '1 minute'""")
                    .bind("who", who).mapTo(Integer.class).one();
        });
        if (wait != null) {
            throw new ApiError(429, "too_many_calls", "this sign-in has started " + perMinute
                    + " calls in the last minute; wait a moment and try again", Map.of(ApiError.RETRY_AFTER, Math.max(1, wait)));
        }
    }
}
