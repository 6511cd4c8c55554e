package callguide.telephony;

import callguide.store.Events;
import callguide.web.ApiError;
import callguide.web.EventStream;
import callguide.web.Identity;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The handler screens on this node listening to each call's transcript (server-sent events), and what is sent
 * to them. A line stored by any node is announced by the database ({@link #LINE}); the screens following that
 * call here read it and queue it, each line once per screen. Each screen has its own queue and writer (see
 * {@link StreamListener}); streams are limited per sign-in and in total on this node, carry a heartbeat
 * comment, and are dropped as soon as a write fails or stalls.
 */
final class TranscriptFeed implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TranscriptFeed.class);
    /** A write that waits this long on a screen means the screen has stopped reading. */
    static final Duration WRITE_TIMEOUT = Duration.ofSeconds(10);
    /** The notice of a stored line: {@code line:<call id>:<sequence>}. */
    static final String LINE = "line";
    /** The notice of a warm transfer's step: {@code transfer:<call id>}. */
    static final String TRANSFER = "transfer";

    /** How often screens hear a heartbeat, how many streams one sign-in and everyone together may hold. */
    record Settings(Duration heartbeat, int perSignIn, int total) {}

    private final Map<UUID, Set<StreamListener>> listeners = new ConcurrentHashMap<>();
    /** This node, in the table of streams open on every node. */
    private final UUID node = UUID.randomUUID();
    private final StreamDao streams;
    private final AtomicInteger total = new AtomicInteger();
    private final TranscriptDao transcripts;
    private final Function<UUID, String> transferState;
    private final Settings settings;
    private final ScheduledExecutorService watch = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "stream-watch");
        t.setDaemon(true);
        return t;
    });

    /** {@code transferState} reads where a call's warm transfer stands, for the screens following the call. */
    TranscriptFeed(TranscriptDao transcripts, StreamDao streams, Function<UUID, String> transferState, Settings settings) {
        this.transcripts = transcripts;
        this.streams = streams;
        this.transferState = transferState;
        this.settings = settings;
        long every = Math.max(50, Math.min(1000, settings.heartbeat().toMillis() / 2));
        watch.scheduleWithFixedDelay(this::dropStalled, every, every, TimeUnit.MILLISECONDS);
        long renew = StreamDao.LEASE.toMillis() / 3;
        watch.scheduleWithFixedDelay(this::renew, renew, renew, TimeUnit.MILLISECONDS);
    }

    /**
     * Opens the stream: what has been said after {@code after} (a reconnecting screen's last line), then each new
     * line as it arrives, until the screen goes away. Refused with 429 or 503 (and Retry-After) beyond the limits.
     */
    public void open(Context ctx, UUID callId, long after) {
        EventStream.requireAcceptable(ctx);
        String key = listenerKey(ctx);
        UUID stream = UUID.randomUUID();
        reserve(key, stream);
        StreamListener[] holder = {null};
        holder[0] = new StreamListener(key, settings.heartbeat(), () -> forget(callId, stream, holder[0]));
        try {
            EventStream.open(ctx, client -> {
                client.keepAlive();
                StreamListener l = holder[0];
                // Listed before reading, so a line stored meanwhile is heard; the screen gets it once either way.
                listeners.computeIfAbsent(callId, k -> ConcurrentHashMap.newKeySet()).add(l);
                try {
                    for (TranscriptLine line : transcripts.lines(callId)) {
                        // Lines up to 'after' count as given, so reading again after a gap does not send them.
                        if (l.once(line.sequence()) && line.sequence() > after) l.catchUp(event(line));
                    }
                } catch (RuntimeException e) {
                    // The database is away: the screen reconnects and catches up once it is back.
                    LOG.warn("closing a new transcript stream: the lines so far could not be read ({})", e.toString());
                    l.close();
                    client.close();
                    return;
                }
                l.attach(client, callId.toString());
            });
        } catch (Exception e) {
            holder[0].close();
            if (RuntimeException.class.isInstance(e)) throw (RuntimeException) e;
            throw new IllegalStateException(e);
        }
    }

    /**
     * A place for another kind of stream (the waiting list), counted against the same limits as the transcripts:
     * refused with 429 or 503 beyond them. Run what it returns once the stream closes.
     */
    public Runnable reserve(Context ctx) {
        UUID stream = UUID.randomUUID();
        reserve(listenerKey(ctx), stream);
        AtomicBoolean released = new AtomicBoolean();
        return () -> {
            if (released.compareAndSet(false, true)) release(stream);
        };
    }

    /** What this node does with the database's notices of stored lines, and after a gap in them. */
    Events.Subscriber lines() {
        return new Events.Subscriber() {
            @Override
            public void heard(Events.Event e) {
                UUID callId = UUID.fromString(e.id());
                if (!listeners.containsKey(callId)) return;
                transcripts.line(callId, Long.parseLong(e.detail())).ifPresent(line -> publish(callId, line));
            }

            @Override
            public void missed() {
                for (UUID callId : listeners.keySet()) transcripts.lines(callId).forEach(line -> publish(callId, line));
            }
        };
    }

    /**
     * A warm transfer moved on (on any node): the screens following the call here are sent a {@code transfer}
     * event with its state, so the transfer panel shows it at once. It carries no id: a screen resumes after lines only.
     */
    Events.Subscriber transfers() {
        return new Events.Subscriber() {
            @Override
            public void heard(Events.Event e) {
                UUID callId = UUID.fromString(e.id());
                if (listeners.containsKey(callId)) tell(callId);
            }

            @Override
            public void missed() {
                listeners.keySet().forEach(callId -> tell(callId));
            }

            private void tell(UUID callId) {
                Set<StreamListener> set = listeners.get(callId);
                if (set == null) return;
                String state = transferState.apply(callId);
                if (state.equals("not_started")) return; // nothing for a panel to show
                StreamListener.Event event = new StreamListener.Event(TRANSFER, Map.of("state", state), null);
                set.forEach(l -> l.offer(event));
            }
        };
    }

    /** Lines carry their sequence so a screen places a late one where it belongs, and resumes after the last it saw. */
    private void publish(UUID callId, TranscriptLine line) {
        Set<StreamListener> set = listeners.get(callId);
        if (set == null) return;
        StreamListener.Event e = event(line);
        for (StreamListener l : set) {
            if (l.once(line.sequence())) l.offer(e);
        }
    }

    /** Streams open now, over all calls. */
    int open() {
        return total.get();
    }

    private static StreamListener.Event event(TranscriptLine line) {
        return new StreamListener.Event("line", line, String.valueOf(line.sequence()));
    }

    /** The total is this node's (each stream holds one of its threads); the per-sign-in limit counts every node's streams. */
    private void reserve(String key, UUID stream) {
        if (total.incrementAndGet() > settings.total()) {
            total.decrementAndGet();
            throw new ApiError(503, "too_many_streams", "the service has as many live transcripts open as it can hold; try again shortly",
                    Map.of(ApiError.RETRY_AFTER, 10));
        }
        boolean reserved = false;
        try {
            reserved = streams.open(stream, key, node, settings.perSignIn());
        } finally {
            if (!reserved) total.decrementAndGet();
        }
        if (!reserved) {
            throw new ApiError(429, "too_many_streams", "this sign-in already has " + settings.perSignIn()
                    + " live transcripts open; close one and try again", Map.of(ApiError.RETRY_AFTER, 5));
        }
    }

    private void forget(UUID callId, UUID stream, StreamListener l) {
        listeners.computeIfPresent(callId, (k, v) -> {
            v.remove(l);
            return v.isEmpty() ? null : v;
        });
        release(stream);
    }

    /** Gives a closed stream's place back, here and in the count over all nodes. */
    private void release(UUID stream) {
        try {
            streams.close(stream);
        } catch (RuntimeException e) {
            // The database is away: the row lapses once this node stops renewing it.
            LOG.warn("a closed stream stays listed until its lease lapses: {}", e.toString());
        }
        total.decrementAndGet();
    }

    private void renew() {
        try {
            if (total.get() > 0) streams.renew(node);
        } catch (RuntimeException e) {
            LOG.warn("renewing this node's streams failed: {}", e.toString());
        }
    }

    private void dropStalled() {
        try {
            for (Set<StreamListener> set : listeners.values()) {
                for (StreamListener l : set) {
                    if (l.stalled(WRITE_TIMEOUT)) {
                        LOG.info("closing a stream whose screen stopped reading");
                        l.close();
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.error("checking streams failed", e);
        }
    }

    /** Whose stream this is, for the per-sign-in limit (see {@link Identity}). */
    static String listenerKey(Context ctx) {
        return Identity.of(ctx);
    }

    @Override
    public void close() {
        watch.shutdownNow();
        listeners.values().forEach(set -> set.forEach(StreamListener::close));
    }
}
