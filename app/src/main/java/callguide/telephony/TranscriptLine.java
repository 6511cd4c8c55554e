package callguide.telephony;

import java.time.Instant;

/** One final utterance: who said it (caller or handler), what, when, and Twilio's sequence number. */
public record TranscriptLine(long sequence, String speaker, String text, Instant at) {}
