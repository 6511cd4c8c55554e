package callguide.web;

import callguide.account.Accounts;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.Map;

/** Signing in to the JSON API: a bearer token for every other {@code /api} route, and signing out again. */
public final class SessionApi {
    private final Accounts accounts;
    private final ClientAddress address;
    private final ObjectMapper json;

    public SessionApi(Accounts accounts, ClientAddress address, ObjectMapper json) {
        this.accounts = accounts;
        this.address = address;
        this.json = json;
    }

    public void open(Context ctx) {
        Body body = Body.of(ctx, json);
        String username = body.text("username", true, 100);
        String password = body.rawText("password", 200);
        Accounts.Attempt attempt = accounts.signIn(username, password, address.of(ctx));
        if (attempt.throttled()) {
            Gate.SECURITY.warn("sign-in throttled for '{}' from {}", username, address.of(ctx));
            ctx.header("Retry-After", String.valueOf(attempt.retryAfter().toSeconds()));
            throw new ApiError(429, "too_many_attempts", "Too many wrong passwords: try again in "
                    + Minutes.of(attempt.retryAfter()) + ". A correct password is refused until then too.");
        }
        if (attempt.account().isEmpty()) {
            Gate.SECURITY.warn("failed API sign-in for '{}' from {}", username, address.of(ctx));
            throw new ApiError(401, "unauthenticated", "Wrong username or password.");
        }
        Accounts.ApiSignIn signIn = accounts.openApiSignIn(attempt.account().get());
        ctx.status(201).json(Map.of("token", signIn.token(), "expiresAt", signIn.expiresAt(), "role", signIn.role().name()));
    }

    public void close(Context ctx) {
        String authorization = ctx.header("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) accounts.endSignIn(authorization.substring(7).strip());
        ctx.status(204);
    }
}
