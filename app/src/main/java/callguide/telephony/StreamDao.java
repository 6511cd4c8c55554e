package callguide.telephony;

import java.time.Duration;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * The SQL for the streams open on every node. Times are the database's own: a lease is about real time on
 * every node alike, whatever clock the service was given.
 */
final class StreamDao {
    /** A row not renewed for this long belongs to a node that has stopped. */
    static final Duration LEASE = Duration.ofSeconds(30);

    private final Jdbi jdbi;

    StreamDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Records the stream unless its holder already has {@code limit} open on all nodes together. */
    boolean open(UUID stream, String holder, UUID node, int limit) {
        return jdbi.inTransaction(h -> {
            // One holder's streams are counted and added one at a time, whichever nodes they open on.
            h.execute("SELECT pg_advisory_xact_lock(hashtext(?))", "callguide-streams:" + holder);
            int open = h.createQuery("SELECT count(*) FROM open_streams WHERE holder = :holder AND seen_at > now() - :lease * interval '1 second'")
                    .bind("holder", holder).bind("lease", LEASE.toSeconds()).mapTo(Integer.class).one();
            if (open >= limit) return false;
            h.createUpdate("INSERT INTO open_streams (id, holder, node, seen_at) VALUES (:id, :holder, :node, now())")
                    .bind("id", stream).bind("holder", holder).bind("node", node).execute();
            return true;
        });
    }

    void close(UUID stream) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM open_streams WHERE id = :id").bind("id", stream).execute());
    }

    /** This node's streams are still open. */
    void renew(UUID node) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE open_streams SET seen_at = now() WHERE node = :node").bind("node", node).execute());
    }

    /** Forgets the streams of nodes that stopped without closing them. */
    void clearLapsed() {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM open_streams WHERE seen_at < now() - :lease * interval '1 second'")
                .bind("lease", LEASE.toSeconds()).execute());
    }
}
