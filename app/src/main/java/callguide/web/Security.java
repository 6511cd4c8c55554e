package callguide.web;

import callguide.account.Accounts;
import callguide.account.SignedIn;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.Handler;
import io.javalin.http.SameSite;

/** Security headers on every response, the sign-in cookie, and the form token every browser post must carry. */
public final class Security {
    static final String AUTH_COOKIE = "callguide_auth";
    static final String CSRF_FIELD = "csrf";
    static final String CSRF_HEADER = "X-CSRF-Token";
    static final String SIGNED_IN = "signedIn";
    // No inline script or style anywhere: every script and stylesheet is a file the service serves.
    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    private Security() {}

    /** The headers every response carries; HSTS only when the service is reached over https. */
    public static Handler headers(boolean https) {
        return ctx -> {
            ctx.header("Content-Security-Policy", CSP);
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("X-Frame-Options", "DENY");
            ctx.header("Referrer-Policy", "same-origin");
            if (https) ctx.header("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
            // What the API returns is about people's lives: no cache keeps a copy.
            if (!Pages.isPage(ctx)) ctx.header("Cache-Control", "no-store");
        };
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
