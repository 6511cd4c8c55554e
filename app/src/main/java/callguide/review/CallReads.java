package callguide.review;

import callguide.account.SignedIn;
import callguide.web.Gate;
import java.time.Clock;
import java.util.UUID;

/** The log of reviewers' reads of calls, written by the gate. */
public final class CallReads implements Gate.Reads {
    private final ReviewDao review;
    private final Clock clock;

    public CallReads(ReviewDao review, Clock clock) {
        this.review = review;
        this.clock = clock;
    }

    @Override
    public void audit(UUID callId, SignedIn who, String route) {
        String what = route.startsWith("/review/calls/") ? "timeline" : route;
        review.logAccess(callId, who.account().username(), who.account().role().name(), what, clock.instant());
    }
}
