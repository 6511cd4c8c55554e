package callguide.web;

import callguide.account.Accounts;
import callguide.account.SignedIn;
import callguide.casework.Actor;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * Who is asking for a CRT case: a signed-in CRT caseworker or team leader, by Bearer token or by the
 * pages' cookie (whose posts carry the form token). Everyone else is refused, call handlers included.
 */
public final class CaseAccess {
    private final Accounts accounts;

    CaseAccess(Accounts accounts) {
        this.accounts = accounts;
    }

    public Actor api(Context ctx) {
        String auth = ctx.header("Authorization");
        Optional<SignedIn> who;
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            who = accounts.signedIn(auth.substring(7).strip());
        } else {
            who = accounts.signedIn(ctx.cookie(Security.AUTH_COOKIE));
            if (who.isPresent() && !"GET".equals(ctx.method().name()) && !Security.tokenMatches(ctx, who.get().csrfToken())) {
                throw new ApiError(403, "form_token", "send the sign-in's form token in " + Security.CSRF_HEADER);
            }
        }
        if (who.isEmpty()) throw new ApiError(401, "unauthenticated", "sign in first and send the token as Authorization: Bearer <token>");
        if (!who.get().account().role().resolution()) {
            throw new ApiError(403, "forbidden", "only the Complaints Resolution Team's caseworkers and team leaders see cases");
        }
        return new Actor(who.get().account().username(), who.get().account().role().name());
    }
}
