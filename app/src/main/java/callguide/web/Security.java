package callguide.web;

import callguide.account.Accounts;
import callguide.account.SignedIn;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Security headers on every response, and the sign-in and form-token checks in front of every page. */
public final class Security {
    static final String AUTH_COOKIE = "callguide_auth";
    static final String CSRF_FIELD = "csrf";
    static final String CSRF_HEADER = "X-CSRF-Token";
    private static final String SIGNED_IN = "signedIn";
    // No inline script or style anywhere: every script and stylesheet is a file the service serves.
    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    private final Accounts accounts;
    private final long idleSeconds;

    Security(Accounts accounts) {
        this.accounts = accounts;
        this.idleSeconds = accounts.idleTimeout().toSeconds();
    }

    static void headers(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "same-origin");
    }

    /** The page, for a signed-in person only; forms must carry the sign-in's token. */
    Handler signedIn(Handler page) {
        return ctx -> {
            ctx.header("Cache-Control", "no-store");
            Optional<SignedIn> who = accounts.signedIn(ctx.cookie(AUTH_COOKIE));
            if (who.isEmpty()) {
                String back = "GET".equals(ctx.method().name()) ? "?next=" + URLEncoder.encode(ctx.path(), StandardCharsets.UTF_8) : "";
                ctx.redirect("/sign-in" + back, HttpStatus.SEE_OTHER);
                return;
            }
            ctx.attribute(Pages.CHROME, new Chrome(who.get().account(), who.get().csrfToken(), idleSeconds));
            if ("POST".equals(ctx.method().name()) && !tokenMatches(ctx, who.get().csrfToken())) {
                Pages.error(ctx, 403, "This form has expired", "Go back, reload the page and try again. Nothing was recorded.");
                return;
            }
            ctx.attribute(SIGNED_IN, who.get());
            page.handle(ctx);
        };
    }

    /** The page, for supervisors and team leaders only. */
    Handler reviewer(Handler page) {
        return signedIn(ctx -> {
            if (!who(ctx).account().role().reviews()) {
                Pages.error(ctx, 403, "You cannot see this page", "Only supervisors and team leaders can review calls.");
                return;
            }
            page.handle(ctx);
        });
    }

    public static SignedIn who(Context ctx) {
        return ctx.attribute(SIGNED_IN);
    }

    static boolean tokenMatches(Context ctx, String expected) {
        String sent = ctx.header(CSRF_HEADER);
        if (sent == null) sent = ctx.formParam(CSRF_FIELD);
        return Accounts.same(sent, expected);
    }

    static boolean https(Context ctx) {
        return "https".equalsIgnoreCase(ctx.scheme()) || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
    }

    static Cookie cookie(Context ctx, String name, String value, int maxAge) {
        Cookie c = new Cookie(name, value);
        c.setPath("/");
        c.setMaxAge(maxAge);
        c.setHttpOnly(true);
        c.setSecure(https(ctx));
        c.setSameSite(SameSite.LAX);
        return c;
    }
}
