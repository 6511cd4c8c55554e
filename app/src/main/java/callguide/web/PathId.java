package callguide.web;

import io.javalin.http.Context;
import java.util.UUID;
import java.util.function.Function;

/**
 * The {id} in a path, read as a UUID (as the validator registered in Routes reads one, without its machinery on
 * every request): an id that is not a UUID names nothing, so it is the feature's "unknown".
 */
public final class PathId {
    private PathId() {
    }

    public static UUID of(Context ctx, Function<String, ? extends RuntimeException> unknown) {
        String id = ctx.pathParam("id");
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException notUuid) {
            throw unknown.apply(id);
        }
    }
}
