package callguide.web;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every query parameter and form field, checked before any handler reads it: no control characters (tab and
 * line breaks aside) and no overlong values, so nothing odd reaches the database. A page answers with the GOV.UK
 * error summary, the API with JSON; both 400, and nothing is recorded.
 */
public final class InputCheck {
    static final int MAX_QUERY_VALUE = 2_000;
    /** The longest text any form field or JSON text takes: a caller's words pasted in whole. */
    public static final int MAX_TEXT = 20_000;
    static final int MAX_FORM_VALUE = MAX_TEXT;

    public record Refused(List<Pages.FieldError> errors) {}

    private InputCheck() {}

    /** Before any route: every request but Twilio's webhooks, which are checked once their signature holds (an unsigned one is a 403 whatever it holds). */
    public static void checkUnlessWebhook(Context ctx) {
        if (!ctx.path().startsWith("/twilio/")) check(ctx);
    }

    public static void check(Context ctx) {
        if (ctx.path().startsWith("/static/") || ctx.path().startsWith("/govuk/") || ctx.path().startsWith("/assets/")
                || ctx.path().startsWith("/htmx/")) return;
        List<Pages.FieldError> errors = new ArrayList<>();
        // Most requests have no query string: nothing to split, so nothing to check.
        if (ctx.queryString() != null) inspect(ctx.queryParamMap(), MAX_QUERY_VALUE, errors);
        String type = ctx.contentType();
        // No form here takes a file: a multipart body is refused rather than read past these checks.
        if (type != null && type.toLowerCase().startsWith("multipart/")) {
            throw new ApiError(415, "unsupported_media_type", "send forms as application/x-www-form-urlencoded, not " + type.split(";")[0]);
        }
        if ("POST".equals(ctx.method().name()) && type != null && type.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
            // A body sent without its length is measured as read (Javalin keeps it for the form fields).
            if (ctx.contentLength() > Body.MAX_BYTES || ctx.bodyAsBytes().length > Body.MAX_BYTES) throw Body.tooLarge();
            inspect(ctx.formParamMap(), MAX_FORM_VALUE, errors);
        }
        if (errors.isEmpty()) return;
        if (Pages.isPage(ctx)) {
            ctx.status(400);
            Pages.render(ctx, "bad_input.jte", new Refused(errors));
            ctx.skipRemainingHandlers();
        } else {
            throw new ApiError(400, "invalid_field", errors.get(0).text());
        }
    }

    private static void inspect(Map<String, List<String>> params, int max, List<Pages.FieldError> errors) {
        for (var e : params.entrySet()) {
            String name = e.getKey();
            String shown = printable(name);
            if (bad(name) || name.length() > 100) {
                errors.add(new Pages.FieldError("#main-content", "A field name contains characters that cannot be used"));
                continue;
            }
            for (String v : e.getValue()) {
                if (v == null) continue;
                if (bad(v)) {
                    errors.add(new Pages.FieldError("#" + shown, "'" + shown + "' contains characters that cannot be used"));
                    break;
                }
                if (v.length() > max) {
                    errors.add(new Pages.FieldError("#" + shown, "'" + shown + "' must be " + max + " characters or fewer"));
                    break;
                }
            }
        }
    }

    /** Control characters (C0 but tab and line breaks, DEL, C1) and halves of a character. */
    public static boolean bad(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f)) return true;
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) i++;
                else return true;
            }
        }
        return false;
    }

    private static String printable(String name) {
        return name.replaceAll("[^A-Za-z0-9_-]", "");
    }
}
