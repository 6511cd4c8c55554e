package callguide.telephony;

import io.javalin.http.sse.SseClient;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One screen listening to a stream: its own bounded queue and its own writer, so a screen that reads slowly
 * or not at all delays no one else. When it falls too far behind or a write stalls, its stream is closed and
 * the screen reconnects, catching up from the last line it saw.
 */
final class StreamListener {
    private static final Logger LOG = LoggerFactory.getLogger(StreamListener.class);
    static final int QUEUE = 256;
    /**
     * A screen that went away is only noticed when a write to it fails, and the first write after it goes
     * usually still succeeds. So a two-byte comment goes out this often between heartbeats: a page left
     * behind frees its place (and its share of the per-sign-in limit) within two probes, not two heartbeats.
     */
    static final Duration PROBE = Duration.ofSeconds(1);

    record Event(String name, Object data, String id) {}

    private final String key;
    private final Duration heartbeat;
    private final Runnable onClose;
    private final BlockingQueue<Event> queue = new LinkedBlockingQueue<>();
    // The sequences queued so far: a line read both on catching up and on hearing of it is sent once.
    private final java.util.Set<Long> queued = java.util.concurrent.ConcurrentHashMap.newKeySet();
    // Live events may queue up to this many behind what the screen asked to catch up on.
    private volatile int limit = QUEUE;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile SseClient client;
    private volatile long writingSince;
    private volatile Thread writer;

    StreamListener(String key, Duration heartbeat, Runnable onClose) {
        this.key = key;
        this.heartbeat = heartbeat;
        this.onClose = onClose;
    }

    String key() {
        return key;
    }

    /** Starts writing to the screen on a thread of its own. */
    void attach(SseClient sse, String name) {
        this.client = sse;
        sse.onClose(this::close);
        Thread t = new Thread(this::write, "stream-" + name);
        t.setDaemon(true);
        writer = t;
        t.start();
    }

    /** True the first time a sequence is asked about: the screen has not been given it yet. */
    boolean once(long sequence) {
        return queued.add(sequence);
    }

    /** Queues what the screen missed, however much: it asked for it, and a call's transcript is finite. */
    void catchUp(Event event) {
        if (closed.get()) return;
        limit++;
        queue.add(event);
    }

    /** Queues an event for this screen; one that has fallen a whole queue behind loses its stream instead. */
    void offer(Event event) {
        if (closed.get()) return;
        if (queue.size() >= limit || !queue.offer(event)) {
            LOG.info("closing a stream that fell {} events behind", QUEUE);
            close();
        }
    }

    /** True when a write has been waiting on the screen for longer than {@code limit}. */
    boolean stalled(Duration limit) {
        long since = writingSince;
        return since != 0 && System.nanoTime() - since > limit.toNanos();
    }

    boolean closed() {
        return closed.get();
    }

    void close() {
        if (!closed.compareAndSet(false, true)) return;
        onClose.run();
        SseClient c = client;
        if (c != null && !c.terminated()) {
            try {
                c.close();
            } catch (RuntimeException e) {
                LOG.debug("closing a stream", e);
            }
        }
        Thread t = writer;
        if (t != null && t != Thread.currentThread()) t.interrupt();
    }

    private void write() {
        long probe = Math.min(PROBE.toMillis(), heartbeat.toMillis());
        long nextHeartbeat = System.nanoTime() + heartbeat.toNanos();
        try {
            while (!closed.get()) {
                Event e = queue.poll(probe, TimeUnit.MILLISECONDS);
                SseClient c = client;
                if (closed.get() || c.terminated()) break;
                writingSince = System.nanoTime();
                if (e != null) {
                    c.sendEvent(e.name(), e.data(), e.id());
                } else if (System.nanoTime() >= nextHeartbeat) {
                    c.sendComment("heartbeat");
                    nextHeartbeat = System.nanoTime() + heartbeat.toNanos();
                } else {
                    c.sendComment("");
                }
                writingSince = 0;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.debug("writing to a stream failed", e);
        } finally {
            writingSince = 0;
            close();
        }
    }
}
