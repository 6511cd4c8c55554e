package callguide.web;

import callguide.account.Account;
import callguide.account.Accounts;
import callguide.account.SignedIn;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;

/** Signing in and out. Before sign-in there is nothing to tie a form to, so the form's token is checked against a cookie. */
public final class SignInPages {
    private static final String FORM_COOKIE = "callguide_form";

    public record SignInPage(String csrf, String username, String next, boolean timedOut, List<Pages.FieldError> errors) {}

    private final Accounts accounts;
    private final ClientAddress address;

    public SignInPages(Accounts accounts, ClientAddress address) {
        this.accounts = accounts;
        this.address = address;
    }

    public void show(Context ctx) {
        if (accounts.signedIn(ctx.cookie(Security.AUTH_COOKIE), SignedIn.Kind.browser).isPresent()) {
            ctx.redirect("/", HttpStatus.SEE_OTHER);
            return;
        }
        form(ctx, "", safeNext(ctx.queryParam("next")), "1".equals(ctx.queryParam("timeout")), List.of());
    }

    public void signIn(Context ctx) {
        String username = printable(Optional.ofNullable(ctx.formParam("username")).orElse("").strip());
        String next = safeNext(ctx.formParam("next"));
        if (!Accounts.same(ctx.cookie(FORM_COOKIE), ctx.formParam(Security.CSRF_FIELD))) {
            ctx.status(403);
            form(ctx, username, next, false, List.of(new Pages.FieldError("#username", "The sign-in form had expired. Sign in again")));
            return;
        }
        Accounts.Attempt attempt = accounts.signIn(username, ctx.formParam("password"), address.of(ctx));
        if (attempt.throttled()) {
            Gate.SECURITY.warn("sign-in throttled for '{}' from {}", printable(username), address.of(ctx));
            ctx.status(429).header("Retry-After", String.valueOf(attempt.retryAfter().toSeconds()));
            form(ctx, username, next, false, List.of(new Pages.FieldError("#password", "You have entered a wrong password too many times."
                    + " Wait " + Minutes.of(attempt.retryAfter()) + ", then sign in again")));
            return;
        }
        Optional<Account> account = attempt.account();
        if (account.isEmpty()) {
            Gate.SECURITY.warn("failed sign-in for '{}' from {}", printable(username), address.of(ctx));
            ctx.status(401);
            form(ctx, username, next, false, List.of(new Pages.FieldError("#password", "Enter a correct username and password")));
            return;
        }
        ctx.removeCookie(FORM_COOKIE, "/");
        ctx.cookie(Security.cookie(ctx, Security.AUTH_COOKIE, accounts.openSignIn(account.get()), -1));
        ctx.redirect(next, HttpStatus.SEE_OTHER);
    }

    public void signOut(Context ctx) {
        accounts.endSignIn(ctx.cookie(Security.AUTH_COOKIE));
        ctx.cookie(Security.cookie(ctx, Security.AUTH_COOKIE, "", 0));
        ctx.redirect("1".equals(ctx.formParam("timeout")) ? "/sign-in?timeout=1" : "/sign-in", HttpStatus.SEE_OTHER);
    }

    /** Called by the timeout warning's "Stay signed in": the sign-in check in front of it already renewed the sign-in. */
    public void keepAlive(Context ctx) {
        ctx.status(204);
    }

    /** A username as it may go in a log line: no control characters, not too long. */
    static String printable(String s) {
        String t = s.length() > 60 ? s.substring(0, 60) + "…" : s;
        return t.replaceAll("\\p{Cntrl}", "?");
    }

    private void form(Context ctx, String username, String next, boolean timedOut, List<Pages.FieldError> errors) {
        String csrf = Accounts.randomToken();
        ctx.cookie(Security.cookie(ctx, FORM_COOKIE, csrf, 3600));
        Pages.render(ctx, "sign_in.jte", new SignInPage(csrf, username, next, timedOut, errors));
    }

    /**
     * Only a path on this service, so a crafted link cannot send someone elsewhere after sign-in. Browsers
     * drop tabs and newlines and read a backslash as "/", so "/\t/evil.example" would be another site.
     */
    private static String safeNext(String next) {
        if (next == null || next.chars().anyMatch(c -> Character.isISOControl(c) || c == '\\')) return "/";
        if (!next.startsWith("/") || next.startsWith("//")) return "/";
        try {
            URI uri = new URI(next);
            return uri.getScheme() == null && uri.getRawAuthority() == null ? next : "/";
        } catch (URISyntaxException e) {
            return "/";
        }
    }
}
