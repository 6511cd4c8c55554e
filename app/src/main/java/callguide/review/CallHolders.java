package callguide.review;

import callguide.account.SignedIn;
import callguide.call.CallService;
import callguide.web.Gate;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/** Whose each call is, for the gate, and the log of reviewers' reads. */
public final class CallHolders implements Gate.Calls {
    private final CallService calls;
    private final ReviewDao review;
    private final Clock clock;

    public CallHolders(CallService calls, ReviewDao review, Clock clock) {
        this.calls = calls;
        this.review = review;
        this.clock = clock;
    }

    /** Asked on every request about one call: reads its handler and whether it came by phone, not the whole call. */
    @Override
    public Optional<Gate.Holder> holder(UUID callId) {
        return calls.holder(callId).map(h -> new Gate.Holder(h.handlerId(), h.phone()));
    }

    @Override
    public void audit(UUID callId, SignedIn who, String route) {
        String what = route.startsWith("/review/calls/") ? "timeline" : route;
        review.logAccess(callId, who.account().username(), who.account().role().name(), what, clock.instant());
    }
}
