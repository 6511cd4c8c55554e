package callguide.call;

/**
 * Told when a call reaches its outcome, once the outcome is stored. It runs on the request's thread, so it
 * hands any slow work elsewhere; a failure is logged and never undoes the answer.
 */
public interface OutcomeListener {
    void reached(Call call);
}
