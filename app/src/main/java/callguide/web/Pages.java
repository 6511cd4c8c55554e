package callguide.web;

import io.javalin.http.Context;
import java.util.Map;

/** Renders a page inside the service's frame; each template takes the frame ({@link Chrome}) and its own page record. */
public final class Pages {
    public static final String CHROME = "chrome";

    private Pages() {}

    /** Form and error text shown to a person, in the GOV.UK error summary. */
    public record FieldError(String href, String text) {}

    public record ErrorPage(String title, String detail) {}

    public static void render(Context ctx, String template, Object page) {
        ctx.header("Cache-Control", "no-store");
        ctx.render(template, Map.of(CHROME, chrome(ctx), "page", page));
    }

    public static Chrome chrome(Context ctx) {
        Chrome c = ctx.attribute(CHROME);
        return (c == null ? Chrome.signedOut(null) : c).at(ctx.path());
    }

    public static void error(Context ctx, int status, String title, String detail) {
        ctx.status(status);
        render(ctx, "error.jte", new ErrorPage(title, detail));
    }

    /**
     * Pages are everything but the JSON API, Twilio's webhooks, the health check and the event streams, which keep
     * JSON errors: a stream is read by a script, so it is told 401, not sent to the sign-in page.
     */
    static boolean isPage(Context ctx) {
        String p = ctx.path();
        if (p.startsWith("/api/") || p.equals("/api") || p.startsWith("/twilio/") || p.equals("/health")) return false;
        String accept = ctx.header("Accept");
        return !p.equals("/calls/waiting") && !p.endsWith("/stream") && (accept == null || !accept.contains("text/event-stream"));
    }
}
