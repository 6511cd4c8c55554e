package callguide.web;

import io.javalin.http.Context;
import java.util.UUID;
import java.util.function.Function;

/** The {id} in a path, read by Javalin's validator: an id that is not a UUID names nothing, so it is the feature's "unknown". */
public final class PathId {
    private PathId() {
    }

    public static UUID of(Context ctx, Function<String, ? extends RuntimeException> unknown) {
        return ctx.pathParamAsClass("id", UUID.class).getOrThrow(errors -> unknown.apply(ctx.pathParam("id")));
    }

    /** The id, or null when the path's id is no UUID. */
    public static UUID orNull(Context ctx) {
        var id = ctx.pathParamAsClass("id", UUID.class);
        return id.errors().isEmpty() ? id.get() : null;
    }
}
