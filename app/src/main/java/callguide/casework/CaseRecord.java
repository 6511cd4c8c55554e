package callguide.casework;

import callguide.resolution.CaseState;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A case as stored: who and where it is with, and its state as its events leave it. */
public record CaseRecord(UUID id, String team, String caseworker, UUID callId, String referredBy, LocalDate receivedOn,
                         boolean immediate, CaseState state, Instant createdAt, Instant updatedAt) {

    public int version() {
        return state.version();
    }

    CaseRecord with(CaseState next, String nextCaseworker, Instant at) {
        return new CaseRecord(id, team, nextCaseworker, callId, referredBy, receivedOn, immediate, next, createdAt, at);
    }
}
