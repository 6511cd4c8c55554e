package callguide.guide;

import callguide.web.ApiError;
import callguide.web.Identity;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/** At most so many calls started a minute per sign-in (429 beyond), counted in PostgreSQL so every node shares it. */
public final class CallStartLimit {
    private final Jdbi jdbi;
    private final int perMinute;

    public CallStartLimit(Jdbi jdbi, int perMinute) {
        this.jdbi = jdbi;
        this.perMinute = perMinute;
    }

    public Handler limited(Handler start) {
        return ctx -> {
            take(ctx);
            start.handle(ctx);
        };
    }

    private void take(Context ctx) {
        String who = Identity.of(ctx);
        // The database's clock, so nodes agree on the minute; a refused start is not counted.
        Integer wait = jdbi.withHandle(h -> {
            h.createUpdate("DELETE FROM call_start_counts WHERE who = :who AND minute < date_trunc('minute', now()) - interval '5 minutes'")
                    .bind("who", who).execute();
            boolean counted = h.createQuery("""
                            INSERT INTO call_start_counts AS c (who, minute, started) VALUES (:who, date_trunc('minute', now()), 1)
                            ON CONFLICT (who, minute) DO UPDATE SET started = c.started + 1 WHERE c.started < :limit
                            RETURNING started""")
                    .bind("who", who).bind("limit", perMinute).mapTo(Integer.class).findOne().isPresent();
            return counted ? null : h.createQuery("SELECT ceil(extract(epoch FROM date_trunc('minute', now()) + interval '1 minute' - now()))::int")
                    .mapTo(Integer.class).one();
        });
        if (wait != null) {
            throw new ApiError(429, "too_many_calls", "this sign-in has started " + perMinute
                    + " calls in the last minute; wait a moment and try again", Map.of(ApiError.RETRY_AFTER, Math.max(1, wait)));
        }
    }
}
