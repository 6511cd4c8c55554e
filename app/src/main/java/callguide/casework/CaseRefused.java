package callguide.casework;

/** A request on cases that is refused before the engine is asked; {@code current} is the case as it is, if any. */
public final class CaseRefused extends RuntimeException {
    public enum Reason { unknown_case, unknown_call, call_in_progress, not_for_crt, stale_version, invalid_case, forbidden }

    private final Reason reason;
    private final CaseRecord current;

    public CaseRefused(Reason reason, String detail) {
        this(reason, detail, null);
    }

    public CaseRefused(Reason reason, String detail, CaseRecord current) {
        super(detail);
        this.reason = reason;
        this.current = current;
    }

    public Reason reason() {
        return reason;
    }

    public CaseRecord current() {
        return current;
    }
}
