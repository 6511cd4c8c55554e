package callguide.web;

import callguide.account.Account;
import callguide.account.SignedIn;
import callguide.call.Call;
import callguide.call.CallService;
import callguide.review.CallRow;
import callguide.review.ReviewDao;
import callguide.review.ReviewFilter;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import callguide.telephony.Telephony;
import callguide.telephony.WaitingCall;
import java.util.List;
import java.util.UUID;

/** The signed-in person's calls: start a new one, or carry on with one in progress (a phone call may have started it). */
public final class HomePage {
    public record Home(List<WaitingCall> waiting, List<CallRow> inProgress, List<CallRow> completed) {}

    private final CallService calls;
    private final ReviewDao review;
    private final Telephony telephony;

    HomePage(CallService calls, ReviewDao review, Telephony telephony) {
        this.calls = calls;
        this.review = review;
        this.telephony = telephony;
    }

    void show(Context ctx) {
        String me = Security.who(ctx).account().username();
        List<CallRow> open = review.page(new ReviewFilter(null, null, me, null, null, "in_progress", "started", true, 1));
        List<CallRow> done = review.page(new ReviewFilter(null, null, me, null, null, "completed", "started", true, 1));
        Pages.render(ctx, "home.jte", new Home(telephony.waiting(), open, done));
    }

    void start(Context ctx) {
        SignedIn who = Security.who(ctx);
        Call call = calls.start("intake", who.account().username(), null, null);
        ctx.redirect("/calls/" + call.id(), HttpStatus.SEE_OTHER);
    }

    /** A phone call waiting on the line becomes this handler's; if someone was quicker, they are told so. */
    void take(Context ctx) {
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
