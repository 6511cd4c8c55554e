package callguide.assist;

import callguide.call.Call;
import callguide.call.CallService;
import callguide.call.OutcomeListener;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chat model's summary of each completed call, written once, on the assistant's own threads, when the
 * call reaches its outcome, and kept in the database. Pages read what is kept and never wait for the model:
 * until it is written the summary is pending, and a model that fails or times out leaves "none" with a reason.
 * A staff-conduct call is never summarised.
 */
public final class CaseSummaries implements OutcomeListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CaseSummaries.class);
    /** Raised when the summary prompt changes, so each call gets one summary from the new prompt. */
    static final int VERSION = 1;
    static final int THREADS = 2;
    static final int WAITING = 500;

    /** What the outcome page and the API show of a call's summary. */
    public record Summary(State state, String text, String reason) {
        public enum State { pending, written, none }

        static final Summary PENDING = new Summary(State.pending, null, null);

        public boolean written() {
            return state == State.written;
        }

        public boolean pending() {
            return state == State.pending;
        }
    }

    private final GuidedPath path;
    private final ProcedureAdvisor advisor;
    private final SummaryDao dao;
    private final CallService calls;
    private final Clock clock;
    private final AssistSettings.Chat chat;
    private final ThreadPoolExecutor writers;
    /** Calls whose summary is being written on this node, so a page view does not ask again meanwhile. */
    private final Set<UUID> writing = ConcurrentHashMap.newKeySet();

    CaseSummaries(GuidedPath path, ProcedureAdvisor advisor, SummaryDao dao, CallService calls, Clock clock, AssistSettings.Chat chat) {
        this.path = path;
        this.advisor = advisor;
        this.dao = dao;
        this.calls = calls;
        this.clock = clock;
        this.chat = chat;
        this.writers = new ThreadPoolExecutor(THREADS, THREADS, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(WAITING), daemons());
    }

    /** A call has just reached its outcome: its summary is asked for in the background. */
    @Override
    public void reached(Call call) {
        if (!call.confidential()) write(call.id());
    }

    /**
     * The call's summary as kept; null on a staff-conduct call or one without an outcome. When none is kept
     * (the service stopped while it was being written, or the call ended before summaries were kept) it is
     * asked for again in the background, and is pending meanwhile.
     */
    public Summary of(Call call) {
        if (call.confidential() || call.status() != Call.Status.completed) return null;
        return dao.find(call.id(), VERSION).map(this::shown).orElseGet(() -> {
            write(call.id());
            return Summary.PENDING;
        });
    }

    private Summary shown(SummaryDao.Stored s) {
        return s.written() ? new Summary(Summary.State.written, path.withheld(s.summary()), null)
                : new Summary(Summary.State.none, null, s.reason());
    }

    private void write(UUID id) {
        if (!writing.add(id)) return;
        try {
            writers.execute(() -> {
                try {
                    summarise(id);
                } catch (RuntimeException e) {
                    // The database, not the model: nothing is kept, so the page asks again when next seen.
                    LOG.warn("the summary of call {} was not kept: {}", id, e.toString());
                } finally {
                    writing.remove(id);
                }
            });
        } catch (RejectedExecutionException e) {
            writing.remove(id);
            if (writers.isShutdown()) return; // stopping: the next start asks again when the page is seen
            LOG.warn("{} summaries are waiting for the chat model; call {} gets none", WAITING, id);
            dao.add(id, VERSION, null, "Too many calls were waiting for the chat model, so it was not asked.", chat.modelName(), clock.instant());
        }
    }

    /** Asks the model once and keeps what it wrote, or why there is nothing. */
    private void summarise(UUID id) {
        if (dao.find(id, VERSION).isPresent()) return; // written while this waited
        Call call = calls.get(id);
        if (call.confidential() || call.status() != Call.Status.completed) return;
        String summary = null;
        String reason = null;
        try {
            String s = ModelReply.summary(advisor.summarise(path.caseNote(call)));
            if (s == null || s.isBlank()) reason = "The chat model gave no summary.";
            else summary = path.withheld(s);
        } catch (RuntimeException e) {
            if (writers.isShutdown()) return; // interrupted by a stop, not the model's failure: asked again after the start
            LOG.warn("the chat model did not summarise call {}: {}", id, e.toString());
            reason = timedOut(e) ? "The chat model did not answer within " + chat.timeoutSeconds() + " seconds."
                    : "The chat model did not answer.";
        }
        if (summary != null && summary.isBlank()) {
            summary = null;
            reason = "The chat model's summary had nothing left once markup and addresses were removed.";
        }
        dao.add(id, VERSION, summary, reason, chat.modelName(), clock.instant());
    }

    /** However the HTTP client reports it, the model took longer than it was given. */
    private static final List<Class<? extends Throwable>> TIMEOUTS = List.of(dev.langchain4j.exception.TimeoutException.class,
            HttpTimeoutException.class, java.net.SocketTimeoutException.class, java.util.concurrent.TimeoutException.class);

    private static boolean timedOut(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            Throwable cause = t;
            if (TIMEOUTS.stream().anyMatch(kind -> kind.isInstance(cause))) return true;
        }
        return false;
    }

    private static ThreadFactory daemons() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "case-summary-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Stops asking; a summary being written is abandoned and asked for again when its page is next seen. */
    @Override
    public void close() {
        writers.shutdownNow();
        try {
            writers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
