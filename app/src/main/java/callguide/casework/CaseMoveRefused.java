package callguide.casework;

import callguide.resolution.MoveRefused;

/** The engine refused a move on the case as it was when checked: the refusal, and that case. */
public final class CaseMoveRefused extends RuntimeException {
    private final MoveRefused refusal;
    private final CaseRecord current;

    CaseMoveRefused(MoveRefused refusal, CaseRecord current) {
        super(refusal.getMessage(), refusal);
        this.refusal = refusal;
        this.current = current;
    }

    public MoveRefused refusal() {
        return refusal;
    }

    public CaseRecord current() {
        return current;
    }
}
