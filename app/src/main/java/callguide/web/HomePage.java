package callguide.web;

import callguide.account.SignedIn;
import callguide.call.Call;
import callguide.call.CallService;
import callguide.review.CallRow;
import callguide.review.ReviewDao;
import callguide.review.ReviewFilter;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;

/** The signed-in person's calls: start a new one, or carry on with one in progress (a phone call may have started it). */
public final class HomePage {
    public record Home(List<CallRow> inProgress, List<CallRow> completed) {}

    private final CallService calls;
    private final ReviewDao review;

    HomePage(CallService calls, ReviewDao review) {
        this.calls = calls;
        this.review = review;
    }

    void show(Context ctx) {
        String me = Security.who(ctx).account().username();
        List<CallRow> open = review.page(new ReviewFilter(null, null, me, null, null, "in_progress", "started", true, 1));
        List<CallRow> done = review.page(new ReviewFilter(null, null, me, null, null, "completed", "started", true, 1));
        Pages.render(ctx, "home.jte", new Home(open, done));
    }

    void start(Context ctx) {
        SignedIn who = Security.who(ctx);
        Call call = calls.start("intake", who.account().username(), null, null);
        ctx.redirect("/calls/" + call.id(), HttpStatus.SEE_OTHER);
    }
}
