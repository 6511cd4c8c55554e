package callguide.telephony;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * One attempt to warm-transfer a call to a Complaints Resolution Team. {@code updatedAt}: when it last moved or
 * last heard from Twilio; {@code handlerMoved}: the handler's leg may have left the caller's Dial for the briefing room.
 */
record Transfer(long id, UUID callId, State state, String team, String teamNumber, String conference,
                String teamCallSid, String reason, Instant startedAt, Instant updatedAt, boolean handlerMoved) {

    /** Handing over: the handler asked to complete, and Twilio has not yet reported the caller with the team. */
    enum State { dialling, briefing, handing_over, completed, failed }

    boolean active() {
        return state == State.dialling || state == State.briefing || state == State.handing_over;
    }

    /**
     * Waiting for Twilio to report the team's answer or the hand-over, and silent for longer than the limit.
     * A briefing is the handler's to end, so it never lapses.
     */
    boolean lapsed(Instant now, Duration limit) {
        return (state == State.dialling || state == State.handing_over) && !now.isBefore(updatedAt.plus(limit));
    }
}
