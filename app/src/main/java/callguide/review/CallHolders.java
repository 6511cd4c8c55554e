package callguide.review;

import callguide.account.SignedIn;
import callguide.call.Call;
import callguide.call.CallRefused;
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

    @Override
    public Optional<Gate.Holder> holder(UUID callId) {
        try {
            Call call = calls.get(callId);
            return Optional.of(new Gate.Holder(call.handlerId(), call.callSid() != null));
        } catch (CallRefused e) {
            return Optional.empty();
        }
    }

    @Override
    public void audit(UUID callId, SignedIn who, String route) {
        String what = route.startsWith("/review/calls/") ? "timeline" : route;
        review.logAccess(callId, who.account().username(), who.account().role().name(), what, clock.instant());
    }
}
