package callguide.call;

/** A request about a call that the procedure or the call's state does not allow; nothing was recorded. */
public final class CallRefused extends RuntimeException {
    public enum Reason {
        unknown_flow, unknown_call, unknown_question, not_on_path, call_completed, notes_not_allowed, call_sid_in_use,
        request_id_reused
    }

    private final Reason reason;

    public CallRefused(Reason reason, String detail) {
        super(detail);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
