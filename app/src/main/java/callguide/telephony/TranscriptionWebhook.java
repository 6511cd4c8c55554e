package callguide.telephony;

import callguide.call.CallDao;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.UUID;

import static callguide.telephony.CallLog.detail;

/**
 * POST /twilio/transcription: Twilio's real-time transcription events. Final utterances become transcript
 * lines, once each by sequence; nothing is kept for a staff-conduct call. Screens on any node hear of each new line
 * from the database as it commits (see {@link TranscriptFeed}).
 */
final class TranscriptionWebhook {
    private final CallDao calls;
    private final PhoneCallDao phones;
    private final TranscriptDao transcripts;
    private final CallLog log;
    private final ObjectMapper json;
    private final Clock clock;

    TranscriptionWebhook(CallDao calls, PhoneCallDao phones, TranscriptDao transcripts, CallLog log,
                         ObjectMapper json, Clock clock) {
        this.calls = calls;
        this.phones = phones;
        this.transcripts = transcripts;
        this.log = log;
        this.json = json;
        this.clock = clock;
    }

    public void handle(Context ctx) {
        Map<String, String> p = WebhookSignature.params(ctx);
        String event = p.getOrDefault("TranscriptionEvent", "");
        PhoneCall phone = phones.bySid(CallWebhooks.required(p, "CallSid")).orElse(null);
        ctx.status(204);
        if (phone == null) return;
        if (event.equals("transcription-content")) {
            if ("true".equalsIgnoreCase(p.get("Final"))) line(phone.callId(), p);
        } else if (!event.isBlank()) {
            Instant now = clock.instant();
            String key = "transcription:" + phone.callSid() + ":" + event + ":" + p.getOrDefault("SequenceId", "");
            calls.jdbi().useTransaction(h -> {
                if (phones.firstDelivery(h, key, now)) log.record(h, phone.callId(), now, event.replace('-', '_'),
                        detail("transcriptionSid", p.get("TranscriptionSid")));
            });
        }
    }

    private void line(UUID callId, Map<String, String> p) {
        TranscriptLine line = new TranscriptLine(sequence(p), speaker(p.get("Track")), text(p.get("TranscriptionData")), at(p.get("Timestamp")));
        if (line.text().isBlank()) return;
        // A new line's notice goes out as this commits (a trigger); every node's screens on the call read it from there.
        calls.jdbi().useTransaction(h -> {
            // Locked so a staff-conduct answer committing now cannot miss a line being added.
            CallDao.Locked locked = calls.lock(h, callId, null).orElse(null);
            if (locked != null && !locked.call().confidential() && !calls.withheld(h, callId)) transcripts.append(h, callId, line);
        });
    }

    private static long sequence(Map<String, String> p) {
        try {
            return Long.parseLong(CallWebhooks.required(p, "SequenceId").strip());
        } catch (NumberFormatException e) {
            throw new callguide.web.ApiError(400, "invalid_field", "SequenceId must be a whole number");
        }
    }

    /** The caller's audio is the inbound track; what the handler says comes back on the outbound one. */
    private static String speaker(String track) {
        return track != null && (track.startsWith("outbound") || track.equals("handler")) ? "handler" : "caller";
    }

    private String text(String data) {
        if (data == null) return "";
        try {
            JsonNode node = json.readTree(data);
            String said = node == null ? "" : node.path("transcript").asText("").strip();
            // Checked once decoded: an escaped control character passes the form field's own check.
            if (callguide.web.InputCheck.bad(said)) throw new callguide.web.ApiError(400, "invalid_field", "the transcript contains characters that cannot be used");
            return said;
        } catch (java.io.IOException e) {
            throw new callguide.web.ApiError(400, "invalid_field", "TranscriptionData is not JSON");
        }
    }

    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");

    private Instant at(String timestamp) {
        if (timestamp == null || timestamp.isBlank()) return clock.instant();
        Instant now = clock.instant();
        try {
            Instant said = Instant.parse(timestamp.strip());
            // A time no phone call could have (and PostgreSQL could not store): the line was said about now.
            return said.isBefore(EARLIEST) || said.isAfter(LATEST) ? now : said;
        } catch (DateTimeParseException e) {
            return now;
        }
    }
}
