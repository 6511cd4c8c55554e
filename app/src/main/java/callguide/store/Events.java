package callguide.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What any node changed, heard on every node: one connection of its own, outside the pool, LISTENs on
 * {@link #CHANNEL}; the tables' triggers send {@code <kind>:<id>[:<detail>]} as their rows commit. A notice
 * carries ids only and subscribers read the rows, so when the connection is lost and made again, every
 * subscriber is told it may have missed something and reads again.
 */
public final class Events implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Events.class);
    public static final String CHANNEL = "callguide_events";
    /** How the listening connection names itself to PostgreSQL (pg_stat_activity). */
    public static final String APPLICATION_NAME = "callguide-events";
    /** How long one wait for notices lasts; also how soon a close is noticed. */
    static final int WAIT_MS = 250;
    /** An idle connection is checked this often, so a server that went silent is noticed and left. */
    static final Duration CHECK_EVERY = Duration.ofSeconds(5);

    /** A change heard: its kind, the row's id and, for some kinds, which part (a line's sequence). */
    public record Event(String kind, String id, String detail) {
        static Event parse(String payload) {
            String[] parts = payload.split(":", 3);
            return new Event(parts[0], parts.length > 1 ? parts[1] : "", parts.length > 2 ? parts[2] : null);
        }
    }

    /** Told of each change of its kind, and of a possible gap (a reconnect), after which it reads everything again. */
    public interface Subscriber {
        void heard(Event event);

        void missed();
    }

    private final Supplier<Connection> connect;
    private final Map<String, List<Subscriber>> subscribers = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean closed;
    private volatile Connection connection;
    private volatile boolean listening;
    // Subscribers whose last read failed (the database was away): they read everything again until one succeeds.
    private final java.util.Set<Subscriber> behind = ConcurrentHashMap.newKeySet();

    Events(Supplier<Connection> connect) {
        this.connect = connect;
        this.thread = new Thread(this::run, "events-listen");
        thread.setDaemon(true);
    }

    /** Starts listening; returns once the first LISTEN is in place (or the first attempt failed), so nothing is missed from here. */
    Events start() {
        thread.start();
        long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!listening && System.nanoTime() < until && thread.isAlive()) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return this;
    }

    public void subscribe(String kind, Subscriber subscriber) {
        subscribers.computeIfAbsent(kind, k -> new CopyOnWriteArrayList<>()).add(subscriber);
    }

    /** True while the listening connection is up. */
    public boolean listening() {
        return listening;
    }

    private void run() {
        long pause = 100;
        while (!closed) {
            try (Connection c = connect.get()) {
                connection = c;
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + CHANNEL);
                }
                listening = true;
                pause = 100;
                // Whatever was sent while no one listened here is read again by each subscriber.
                subscribers.values().forEach(behind::addAll);
                catchUp();
                listen(c.unwrap(PGConnection.class), c);
            } catch (SQLException | RuntimeException e) {
                if (closed) break;
                if (listening) LOG.warn("listening for changes stopped, connecting again: {}", e.toString());
                else LOG.debug("listening for changes: {}", e.toString());
            } finally {
                listening = false;
                connection = null;
            }
            if (closed) break;
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                break;
            }
            pause = Math.min(pause * 2, 5000);
        }
    }

    private void listen(PGConnection pg, Connection c) throws SQLException {
        long lastHeard = System.nanoTime();
        long lastCatchUp = System.nanoTime();
        while (!closed) {
            PGNotification[] notices = pg.getNotifications(WAIT_MS);
            if (notices != null && notices.length > 0) {
                lastHeard = System.nanoTime();
                for (PGNotification n : notices) dispatch(Event.parse(n.getParameter()));
            } else if (System.nanoTime() - lastHeard > CHECK_EVERY.toNanos()) {
                try (Statement s = c.createStatement()) {
                    s.setQueryTimeout(2);
                    s.execute("SELECT 1");
                }
                lastHeard = System.nanoTime();
            }
            // Tried again however busy the channel is, but not more often than a wait lasts.
            if (!behind.isEmpty() && System.nanoTime() - lastCatchUp > WAIT_MS * 1_000_000L) {
                lastCatchUp = System.nanoTime();
                catchUp();
            }
        }
    }

    private void dispatch(Event event) {
        for (Subscriber s : subscribers.getOrDefault(event.kind(), List.of())) {
            if (behind.contains(s)) continue; // it reads everything once it can
            try {
                s.heard(event);
            } catch (RuntimeException e) {
                LOG.warn("handling {} failed, reading again shortly: {}", event, e.toString());
                behind.add(s);
            }
        }
    }

    private void catchUp() {
        for (Subscriber s : List.copyOf(behind)) {
            try {
                s.missed();
                behind.remove(s);
            } catch (RuntimeException e) {
                LOG.warn("reading again after a gap failed, trying again shortly: {}", e.toString());
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        Connection c = connection;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
