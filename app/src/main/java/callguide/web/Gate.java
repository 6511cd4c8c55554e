package callguide.web;

import callguide.account.Accounts;
import callguide.account.CallHolder;
import callguide.account.SignedIn;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import io.javalin.security.RouteRole;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one access check, run before every matched route: it reads the roles the route table gave the route,
 * finds who is asking (an API token, or a browser's cookie), and lets the request through or refuses it.
 */
public final class Gate {
    static final Logger SECURITY = LoggerFactory.getLogger("callguide.security");
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    /** The log of reviewers' reads of calls. */
    public interface Reads {
        /** A reviewer read the call: kept for supervisors to read back. */
        void audit(UUID callId, SignedIn who, String what);
    }

    private final Accounts accounts;
    private final Reads reads;
    private final Handler twilio;

    public Gate(Accounts accounts, Reads reads, Handler twilio) {
        this.accounts = accounts;
        this.reads = reads;
        this.twilio = twilio;
    }

    public void check(Context ctx) throws Exception {
        Set<RouteRole> roles = ctx.routeRoles();
        if (roles.contains(Access.ANYONE)) return;
        // Our own scripts and styles: served by the static file handler, which is in no route table.
        if (roles.isEmpty() && ctx.path().startsWith(Assets.STATIC + "/")) return;
        if (roles.contains(Access.TWILIO)) {
            twilio.handle(ctx);
            InputCheck.check(ctx); // signed: now what it holds is checked, as every other request's is
            return;
        }
        boolean aboutACall = roles.contains(Access.OWN_CALL) || roles.contains(Access.WAITING_CALL);
        // An id that is no UUID is looked up as none, and refused as unknown only once the sign-in is known.
        UUID named = aboutACall ? PathId.orNull(ctx) : null;
        Optional<Accounts.Visit> visit = visit(ctx, named);
        if (visit.isEmpty()) {
            refuseUnknown(ctx);
            return;
        }
        SignedIn who = visit.get().who();
        ctx.attribute(Security.SIGNED_IN, who);
        ctx.attribute(Pages.CHROME, new Chrome(who.account(), who.csrfToken(), accounts.idleTimeout().toSeconds()));
        if (who.kind() == SignedIn.Kind.browser && !SAFE_METHODS.contains(ctx.method().name()) && !Security.tokenMatches(ctx, who.csrfToken())) {
            SECURITY.warn("refused {} {}: no form token for {}", ctx.method(), ctx.path(), who.account().username());
            throw new ApiError(403, "form_expired", "This form has expired. Go back, reload the page and try again. Nothing was recorded.");
        }
        Access role = Access.of(who.account().role());
        if (!roles.contains(role)) {
            SECURITY.warn("refused {} {}: {} is a {}", ctx.method(), ctx.path(), who.account().username(), role);
            throw new ApiError(403, "forbidden", "Your role (" + who.account().role().label() + ") cannot use this.");
        }
        if (aboutACall) checkCall(ctx, who, role, named, visit.get().call(), roles.contains(Access.WAITING_CALL));
    }

    /** A handler sees only their own calls (and may take a waiting one); a reviewer's every read is logged. */
    private void checkCall(Context ctx, SignedIn who, Access role, UUID id, Optional<CallHolder> call, boolean waitingAllowed) {
        if (id == null) throw noCall(ctx.pathParam("id"));
        CallHolder holder = call.orElseThrow(() -> noCall(id.toString()));
        if (role == Access.HANDLER) {
            boolean mine = holder.handler().equals(who.account().username());
            // Not 403: another handler's call is not confirmed to exist.
            if (!mine && !(waitingAllowed && holder.phone())) throw noCall(id.toString());
            return;
        }
        reads.audit(id, who, ctx.endpoints().matchedHttpEndpoint().path);
    }

    private Optional<Accounts.Visit> visit(Context ctx, UUID callId) {
        String authorization = ctx.header("Authorization");
        if (authorization != null) {
            if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) return Optional.empty();
            return accounts.visit(authorization.substring(7).strip(), SignedIn.Kind.api, callId);
        }
        return accounts.visit(ctx.cookie(Security.AUTH_COOKIE), SignedIn.Kind.browser, callId);
    }

    /** Pages send a person to sign in and bring them back; the API and streams answer 401. */
    private static void refuseUnknown(Context ctx) {
        if (!Pages.isPage(ctx)) {
            throw new ApiError(401, "unauthenticated", "Sign in first: POST /api/sessions, then send Authorization: Bearer <token>.");
        }
        boolean get = "GET".equals(ctx.method().name());
        ctx.header("Cache-Control", "no-store");
        ctx.redirect("/sign-in" + (get ? "?next=" + URLEncoder.encode(ctx.path(), StandardCharsets.UTF_8) : ""), HttpStatus.SEE_OTHER);
        ctx.skipRemainingHandlers();
    }

    private static ApiError noCall(String id) {
        return new ApiError(404, "unknown_call", "no call " + id);
    }
}
