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
import callguide.web.Pages;
import callguide.web.Security;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.UUID;

/** The signed-in person's calls: start a new one, or carry on with one in progress (a phone call may have started it). */
public final class HomePage {
    // One per service, stopped before the server is: a check left running would write to a response Jetty has recycled.
    private final java.util.concurrent.ScheduledExecutorService waitingChecks =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "waiting-calls");
                t.setDaemon(true);
                return t;
            });

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
    }

    public void show(Context ctx) {
        String me = Security.who(ctx).account().username();
        List<CallRow> open = review.page(new ReviewFilter(null, null, me, null, null, "in_progress", "started", true, 1));
        List<CallRow> done = review.page(new ReviewFilter(null, null, me, null, null, "completed", "started", true, 1));
        boolean ended = ctx.queryParam("ended") != null;
        Pages.render(ctx, "home.jte", new Home(telephony.waiting(), open, done, titles, ended, clock.instant().toString()));
    }

    /**
     * The waiting phone calls, live: a server-sent event each time the calls waiting change (checked every
     * two seconds), so the page fetches its list again; without JavaScript, reloading the page does.
     */
    public void waitingStream(io.javalin.http.sse.SseClient client) {
        client.keepAlive();
        String[] last = {null};
        java.util.concurrent.ScheduledFuture<?>[] task = {null};
        Runnable check = () -> {
            try {
                if (client.terminated()) {
                    if (task[0] != null) task[0].cancel(false);
                    return;
                }
                String now = String.join(",", telephony.waiting().stream().map(w -> w.id().toString()).toList());
                if (!now.equals(last[0])) {
                    last[0] = now;
                    client.sendEvent("waiting", now.isEmpty() ? "none" : now);
                } else {
                    client.sendComment("still waiting"); // a closed page is noticed here, and its check stops
                }
            } catch (RuntimeException e) {
                // The database may be down for a moment: try again next time, unless the page has gone.
                if (client.terminated() && task[0] != null) task[0].cancel(false);
            }
        };
        check.run();
        if (client.terminated()) return;
        if (waitingChecks.isShutdown()) {
            client.close();
            return;
        }
        task[0] = waitingChecks.scheduleWithFixedDelay(check, 2, 2, java.util.concurrent.TimeUnit.SECONDS);
        client.onClose(() -> task[0].cancel(false));
    }

    /** Stops the live waiting-list checks; called as the server begins to stop. */
    public void close() {
        waitingChecks.shutdownNow();
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
