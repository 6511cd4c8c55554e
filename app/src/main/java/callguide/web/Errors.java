package callguide.web;

import callguide.call.CallRefused;
import callguide.flow.InvalidAnswer;
import callguide.store.DatabaseUnavailable;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place that turns a refusal into a response: JSON {"error", "detail"} with a 4xx status. */
public final class Errors {
    private static final Logger LOG = LoggerFactory.getLogger(Errors.class);

    private Errors() {}

    public static void register(JavalinConfig config) {
        config.routes.exception(ApiError.class, (e, ctx) -> {
            Object retryAfter = e.extra().get(ApiError.RETRY_AFTER);
            if (Number.class.isInstance(retryAfter)) ctx.header("Retry-After", String.valueOf(((Number) retryAfter).longValue()));
            send(ctx, e.status(), e.error(), e.getMessage(), e.extra());
        });
        config.routes.exception(InvalidAnswer.class, (e, ctx) ->
                send(ctx, 400, "invalid_answer", e.getMessage(), Map.of("question", e.question())));
        config.routes.exception(CallRefused.class, (e, ctx) -> send(ctx, status(e.reason()), e.reason().name(), e.getMessage(), Map.of()));
        config.routes.exception(HttpResponseException.class, (e, ctx) -> {
            if (e.getStatus() == 413) {
                ApiError tooLarge = Body.tooLarge();
                send(ctx, 413, tooLarge.error(), tooLarge.getMessage(), Map.of());
            } else {
                HttpStatus status = HttpStatus.forStatus(e.getStatus());
                send(ctx, e.getStatus(), status.getMessage().toLowerCase().replace(' ', '_'), e.getMessage(), Map.of());
            }
        });
        config.routes.exception(Exception.class, (e, ctx) -> {
            if (DatabaseUnavailable.is(e)) {
                databaseUnavailable(ctx, e);
                return;
            }
            String where;
            try {
                where = ctx.method() + " " + ctx.path();
            } catch (RuntimeException requestGone) {
                // A stream's request that Jetty has already recycled: there is no one left to answer.
                return;
            }
            // Not the exception's message: a failed statement's message quotes its values, notes included.
            LOG.error("unhandled error on {}: {} caused by {}", where, e.getClass().getName(), rootCause(e));
            send(ctx, 500, "internal_error", "something went wrong on our side; nothing was recorded", Map.of());
        });
    }

    /**
     * A feature's own refusal (a domain exception that knows no HTTP): the route table names its status and error code
     * here, so the feature stays free of the web and every refusal still becomes a response in this one class.
     */
    public static <E extends Exception> void refusal(JavalinConfig config, Class<E> type, ToIntFunction<E> status,
                                                     Function<E, String> error) {
        refusal(config, type, status, error, e -> Map.of());
    }

    /** As above, with fields the refusal adds to the JSON body (what to do instead, say). */
    public static <E extends Exception> void refusal(JavalinConfig config, Class<E> type, ToIntFunction<E> status,
                                                     Function<E, String> error, Function<E, Map<String, Object>> extra) {
        config.routes.exception(type, (e, ctx) -> send(ctx, status.applyAsInt(e), error.apply(e), e.getMessage(), extra.apply(e)));
    }

    /** The database could not be reached: nothing was recorded, and trying again shortly will work once it is back. */
    public static void databaseUnavailable(Context ctx, Throwable e) {
        LOG.warn("database unavailable on {} {}: {}", ctx.method(), ctx.path(), rootCause(e));
        ctx.header("Retry-After", "5");
        send(ctx, 503, "database_unavailable", "the database cannot be reached; nothing was recorded, try again shortly", Map.of());
    }

    private static void page(Context ctx, int status, String error, String detail) {
        switch (status) {
            case 403 -> {
                if (error.equals("form_expired")) Pages.error(ctx, 403, "This form has expired", detail);
                else Pages.error(ctx, 403, "You cannot see this page", detail + " Go back to your calls, or ask your team leader if you need access.");
            }
            case 404 -> Pages.error(ctx, 404, "Page not found", "There is nothing at this address, or it is not yours to see.");
            case 500 -> Pages.error(ctx, 500, "Sorry, there is a problem with the service", "Try again later. Nothing was recorded.");
            case 503 -> Pages.error(ctx, 503, "Sorry, there is a problem with the service",
                    "Try again in a few seconds. Nothing was recorded: anything you entered before this was saved.");
            default -> Pages.error(ctx, status, "This could not be done", detail);
        }
    }

    private static String rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        String state = java.sql.SQLException.class.isInstance(t)
                ? " (SQLState " + ((java.sql.SQLException) t).getSQLState() + ")" : "";
        return t.getClass().getName() + state + " at " + (t.getStackTrace().length > 0 ? t.getStackTrace()[0] : "?");
    }

    private static int status(CallRefused.Reason reason) {
        return switch (reason) {
            case unknown_flow, unknown_call -> 404;
            case unknown_question -> 400;
            case call_completed, call_sid_in_use, request_id_reused -> 409;
            case not_on_path, notes_not_allowed -> 422;
        };
    }

    public static void send(Context ctx, int status, String error, String detail, Map<String, Object> extra) {
        if (Pages.isPage(ctx)) {
            page(ctx, status, error, detail);
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("detail", detail);
        body.putAll(extra);
        ctx.status(status).json(body);
    }
}
