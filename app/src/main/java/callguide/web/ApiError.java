package callguide.web;

import java.util.Map;

/** A request the API refuses: the status, a stable error code, a sentence for people, and any extra fields. */
public final class ApiError extends RuntimeException {
    /** An extra field naming the seconds after which to try again; it becomes the Retry-After header as well. */
    public static final String RETRY_AFTER = "retryAfterSeconds";
    private final int status;
    private final String error;
    private final Map<String, Object> extra;

    public ApiError(int status, String error, String detail) {
        this(status, error, detail, Map.of());
    }

    public ApiError(int status, String error, String detail, Map<String, Object> extra) {
        super(detail);
        this.status = status;
        this.error = error;
        this.extra = extra;
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }

    public Map<String, Object> extra() {
        return extra;
    }
}
