package callguide.web;

import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * A server-sent event stream. Javalin's {@code SseHandler} streams only to a client whose Accept header names
 * text/event-stream and answers any other an empty 200, so a client that names no type, or any, got nothing.
 * Here the client is first refused (406) only if it asks for something else, then streamed to as SseHandler would.
 */
public final class EventStream {
    private EventStream() {}

    /** Refuses a client that asks for a type other than an event stream; call it before taking a stream's place. */
    public static void requireAcceptable(Context ctx) {
        String accept = ctx.header("Accept");
        if (accept != null && !accept.isBlank() && !accept.contains("text/event-stream") && !accept.contains("*/*") && !accept.contains("text/*")) {
            throw new ApiError(406, "not_acceptable", "this is an event stream: send Accept: text/event-stream");
        }
    }

    public static void open(Context ctx, Consumer<SseClient> client) throws IOException {
        HttpServletResponse res = ctx.res();
        res.setStatus(200);
        res.setCharacterEncoding("UTF-8");
        res.setContentType("text/event-stream");
        res.addHeader("Connection", "close");
        res.addHeader("Cache-Control", "no-cache");
        res.addHeader("X-Accel-Buffering", "no");
        res.flushBuffer();
        ctx.async(config -> config.timeout = 0, () -> client.accept(new SseClient(ctx)));
    }
}
