package callguide.guide;

import callguide.call.Call;
import callguide.telephony.TransferRefused;
import callguide.web.Pages;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;

/**
 * The warm transfer from the outcome page: start it, complete it once the team is briefed, and the
 * status panel on its own for the page's script to refresh. Without JavaScript, reloading the page does.
 */
public final class TransferPages {
    private final CallViews views;
    private final OutcomePages outcome;
    private final ToIntFunction<TransferRefused> refusedStatus;

    /** {@code refusedStatus}: the route table's status for a refused request, the same as the API's. */
    public TransferPages(CallViews views, OutcomePages outcome, ToIntFunction<TransferRefused> refusedStatus) {
        this.views = views;
        this.outcome = outcome;
        this.refusedStatus = refusedStatus;
    }

    public void start(Context ctx) {
        String team = ctx.formParam("team");
        act(ctx, id -> views.phone().telephony().warmTransfer().start(id, team == null || team.isBlank() ? null : team));
    }

    public void complete(Context ctx) {
        act(ctx, id -> views.phone().telephony().warmTransfer().complete(id));
    }

    public void show(Context ctx) {
        Call call = views.own(ctx);
        if (call == null) return;
        PhonePanels.TransferPanel panel = views.phone().transfer(call, null);
        if (ctx.header("HX-Request") == null || panel == null) {
            ctx.redirect("/calls/" + call.id() + "/outcome#warm-transfer", HttpStatus.SEE_OTHER);
            return;
        }
        ctx.header("Cache-Control", "no-store");
        ctx.render("transfer.jte", Map.of(Pages.CHROME, Pages.chrome(ctx), "panel", panel));
    }

    private void act(Context ctx, Consumer<UUID> step) {
        Call call = views.own(ctx);
        if (call == null) return;
        if (call.status() != Call.Status.completed) {
            ctx.redirect("/calls/" + call.id(), HttpStatus.SEE_OTHER);
            return;
        }
        try {
            step.accept(call.id());
        } catch (TransferRefused e) {
            ctx.status(refusedStatus.applyAsInt(e));
            outcome.render(ctx, call, e.getMessage());
            return;
        }
        ctx.redirect("/calls/" + call.id() + "/outcome#warm-transfer", HttpStatus.SEE_OTHER);
    }
}
