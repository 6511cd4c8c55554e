package callguide.web;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Whose request this is, for limits per sign-in: the signed-in account when the route checked one, else the
 * sign-in cookie or API token (hashed), else the address. The one place to change as routes come to need a sign-in.
 */
public final class Identity {
    private Identity() {}

    public static String of(Context ctx) {
        if (Security.who(ctx) != null) return "account:" + Security.who(ctx).account().username();
        String token = ctx.cookie(Security.AUTH_COOKIE);
        if (token == null || token.isBlank()) token = ctx.header("Authorization");
        if (token == null || token.isBlank()) return "address:" + ctx.ip();
        try {
            return "token:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
