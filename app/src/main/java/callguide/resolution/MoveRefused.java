package callguide.resolution;

import java.util.List;

/** A move the engine will not make, and why; {@code missing} names the fields still needed. */
public final class MoveRefused extends RuntimeException {
    public enum Reason { move_not_allowed, forbidden, fields_missing, fields_invalid, refused_by_procedure, too_early }

    private final Reason reason;
    private final List<String> missing;

    public MoveRefused(Reason reason, String detail) {
        this(reason, detail, List.of());
    }

    public MoveRefused(Reason reason, String detail, List<String> missing) {
        super(detail);
        this.reason = reason;
        this.missing = List.copyOf(missing);
    }

    public Reason reason() {
        return reason;
    }

    public List<String> missing() {
        return missing;
    }
}
