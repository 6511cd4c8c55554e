package callguide.telephony;

import java.time.Instant;
import java.util.UUID;

/** The phone side of a guided call: the caller's Twilio call, the number dialled, the handler's leg, the end. */
record PhoneCall(UUID callId, String callSid, String dialledNumber, String handlerLegSid, Instant endedAt, String endStatus) {}
