package callguide.telephony;

import java.time.Instant;
import java.util.UUID;

/** One attempt to warm-transfer a call to a Complaints Resolution Team. */
record Transfer(long id, UUID callId, State state, String team, String teamNumber, String conference,
                String teamCallSid, String reason, Instant startedAt, Instant updatedAt) {

    enum State { dialling, briefing, completed, failed }

    boolean active() {
        return state == State.dialling || state == State.briefing;
    }
}
