package callguide.guide;

import callguide.account.Account;
import callguide.account.SignedIn;
import callguide.call.Call;
import callguide.call.CallService;
import callguide.flow.IntakeRules;
import callguide.review.CallRow;
import callguide.review.ReviewDao;
import callguide.review.ReviewFilter;
import callguide.review.Titles;
import callguide.telephony.Telephony;
import callguide.telephony.WaitingCall;
import callguide.web.EventStream;
import callguide.web.Pages;
import callguide.web.Security;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.sse.SseClient;
import java.util.List;
import java.util.UUID;

/** The signed-in person's calls: start a new one, or carry on with one in progress (a phone call may have started it). */
public final class HomePage {
    /** How often an open waiting list hears a comment, so a page that has gone is noticed and let go. */
    static final long KEEP_ALIVE_SECONDS = 2;
    private static final String NOTHING_SENT = "-";
    // One per service, stopped before the server is: a write left running would go to a response Jetty has recycled.
    private final java.util.concurrent.ScheduledExecutorService waitingChecks =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "waiting-calls");
                t.setDaemon(true);
                return t;
            });
    /** The pages on this node showing the waiting list, each with the list it was last sent. */
    private final java.util.Map<SseClient, String> waitingPages = new java.util.concurrent.ConcurrentHashMap<>();
    // Set when a change was heard and not yet sent, or could not be read: the next run reads the list again.
    private final java.util.concurrent.atomic.AtomicBoolean stale = new java.util.concurrent.atomic.AtomicBoolean();

    public record Home(List<WaitingCall> waiting, List<CallRow> inProgress, List<CallRow> completed, Titles titles,
                       boolean ended, String now) {}

    private final CallService calls;
    private final ReviewDao review;
    private final Telephony telephony;

    private final Titles titles;
    private final java.time.Clock clock;

    public HomePage(CallService calls, ReviewDao review, Telephony telephony, Titles titles, java.time.Clock clock) {
        this.calls = calls;
        this.review = review;
        this.telephony = telephony;
        this.titles = titles;
        this.clock = clock;
        telephony.onWaitingChange(this::waitingChanged);
        waitingChecks.scheduleWithFixedDelay(this::keepAlive, KEEP_ALIVE_SECONDS, KEEP_ALIVE_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
    }

    public void show(Context ctx) {
        String me = Security.who(ctx).account().username();
        List<CallRow> open = review.page(new ReviewFilter(null, null, me, null, null, "in_progress", "started", true, 1));
        List<CallRow> done = review.page(new ReviewFilter(null, null, me, null, null, "completed", "started", true, 1));
        // Only for a call of theirs that really is no longer open: the address alone proves nothing.
        String endedId = ctx.queryParam("ended");
        boolean ended = false;
        try {
            ended = endedId != null && review.ended(java.util.UUID.fromString(endedId), me);
        } catch (IllegalArgumentException notAnId) {
            // no banner for an address that names no call
        }
        Pages.render(ctx, "home.jte", new Home(telephony.waiting(), open, done, titles, ended, clock.instant().toString()));
    }

    /**
     * The waiting phone calls, live: a server-sent event each time the calls waiting change, on whichever node,
     * so the page fetches its list again; without JavaScript, reloading the page does. The list is read once per
     * change for all the pages open on this node, not once per page. Within the per-sign-in and total limits of every
     * stream, so refused (429, 503) beyond them.
     */
    public void waiting(Context ctx) throws Exception {
        EventStream.requireAcceptable(ctx);
        Runnable release = telephony.reserveStream(ctx);
        try {
            EventStream.open(ctx, client -> waitingStream(client, release));
        } catch (Exception | Error e) {
            release.run();
            throw e;
        }
    }

    private void waitingStream(SseClient client, Runnable release) {
        client.keepAlive();
        // One close callback per client: it forgets the page and gives its place back.
        client.onClose(() -> {
            waitingPages.remove(client);
            release.run();
        });
        if (waitingChecks.isShutdown()) {
            client.close();
            return;
        }
        waitingPages.put(client, NOTHING_SENT);
        waitingChecks.execute(() -> send(client, waitingNow()));
    }

    private void waitingChanged() {
        if (stale.compareAndSet(false, true)) waitingChecks.execute(this::sendChanges);
    }

    /** Reads the list once and sends it to each page whose list it changes. */
    private void sendChanges() {
        stale.set(false);
        if (waitingPages.isEmpty()) return;
        String now = waitingNow();
        if (now == null) return;
        waitingPages.keySet().forEach(client -> send(client, now));
    }

    /** The ids waiting, in order; null when the database cannot say just now (and the next keep-alive asks again). */
    private String waitingNow() {
        try {
            return String.join(",", telephony.waiting().stream().map(w -> w.id().toString()).toList());
        } catch (RuntimeException e) {
            stale.set(true);
            return null;
        }
    }

    private void send(SseClient client, String now) {
        if (now == null || client.terminated()) return;
        String last = waitingPages.get(client);
        if (last == null || now.equals(last)) return;
        waitingPages.put(client, now);
        try {
            client.sendEvent("waiting", now.isEmpty() ? "none" : now);
        } catch (RuntimeException e) {
            waitingPages.remove(client);
        }
    }

    /** A comment to every page, so a closed one is noticed here; and a change that could not be read is read again. */
    private void keepAlive() {
        for (SseClient client : waitingPages.keySet()) {
            try {
                if (client.terminated()) waitingPages.remove(client);
                else client.sendComment("still waiting");
            } catch (RuntimeException e) {
                waitingPages.remove(client);
            }
        }
        if (stale.get()) sendChanges();
    }

    /** Stops the live waiting lists; called as the server begins to stop. */
    public void close() {
        waitingChecks.shutdownNow();
        waitingPages.clear();
    }

    public void start(Context ctx) {
        SignedIn who = Security.who(ctx);
        Call call = calls.start(IntakeRules.FLOW, who.account().username(), null, null);
        ctx.redirect("/calls/" + call.id(), HttpStatus.SEE_OTHER);
    }

    /** A phone call waiting on the line becomes this handler's; if someone was quicker, they are told so. */
    public void take(Context ctx) {
        UUID id = CallViews.callId(ctx);
        Account me = Security.who(ctx).account();
        Call call = calls.get(id);
        if (call.handlerId().equals(me.username()) || took(ctx, call, me.username())) ctx.redirect("/calls/" + id, HttpStatus.SEE_OTHER);
    }

    /** Takes a call still in progress on the line, or says why not. */
    private boolean took(Context ctx, Call call, String me) {
        if (call.status() != Call.Status.in_progress) {
            Pages.error(ctx, 409, "This call has already ended", "There is nothing left to take. Go back to your calls.");
            return false;
        }
        if (!telephony.take(call.id(), me)) {
            Pages.error(ctx, 409, "Another handler has taken this call", "The call is no longer waiting. Go back to your calls.");
            return false;
        }
        return true;
    }
}
