package callguide.telephony;

import java.time.Instant;
import java.util.UUID;

/** A phone call on the line that no handler has taken on their screen yet. */
public record WaitingCall(UUID id, Instant startedAt, boolean mpHotline) {}
