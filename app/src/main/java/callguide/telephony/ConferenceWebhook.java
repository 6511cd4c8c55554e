package callguide.telephony;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static callguide.telephony.CallLog.detail;

/**
 * POST /twilio/conference: the rooms' own events (start, end, join, leave), and the progress of the
 * resolution team's leg (posted with ?call=id). The team answering starts the briefing; a leg that is not
 * answered fails the transfer and brings the caller back to the handler, after the response; the caller
 * joining the team (or the handler leaving a caller who listened) completes it. Each delivery counts once.
 */
final class ConferenceWebhook {
    static final Set<String> UNANSWERED = Set.of("busy", "no-answer", "failed", "canceled");
    private static final Pattern ROOM = Pattern.compile("callguide-([0-9a-f-]{36})(-hold)?");

    private final PhoneCallDao phones;
    private final TransferDao transfers;
    private final WarmTransfer warmTransfer;
    private final CallLog log;
    private final Executor afterResponse;
    private final Clock clock;

    ConferenceWebhook(PhoneCallDao phones, TransferDao transfers, WarmTransfer warmTransfer, CallLog log,
                      Executor afterResponse, Clock clock) {
        this.phones = phones;
        this.transfers = transfers;
        this.warmTransfer = warmTransfer;
        this.log = log;
        this.afterResponse = afterResponse;
        this.clock = clock;
    }

    public void handle(Context ctx) {
        Map<String, String> p = WebhookSignature.params(ctx);
        String event = p.get("StatusCallbackEvent");
        if (event != null && !event.isBlank()) roomEvent(p, event);
        else teamLeg(ctx.queryParam("call"), p);
        ctx.status(204);
    }

    private void roomEvent(Map<String, String> p, String event) {
        Matcher m = ROOM.matcher(p.getOrDefault("FriendlyName", ""));
        UUID callId = m.matches() ? uuid(m.group(1)) : null;
        if (callId == null) return;
        Optional<PhoneCall> phone = phones.find(callId);
        if (phone.isEmpty()) return;
        String callSid = p.get("CallSid");
        Instant now = clock.instant();
        String key = "conference:" + p.get("ConferenceSid") + ":" + event + ":" + callSid + ":" + p.getOrDefault("SequenceNumber", "");
        String leg = leg(phone.get(), callSid, callId);
        transfers.jdbi().useTransaction(h -> {
            if (!phones.firstDelivery(h, key, now)) return;
            log.record(h, callId, now, "conference_" + event.replace('-', '_'), detail("conference", p.get("FriendlyName"),
                    "conferenceSid", p.get("ConferenceSid"), "leg", leg));
            warmTransfer.confirmHandOver(h, callId, event, leg, m.group(2) == null, now);
        });
    }

    private String leg(PhoneCall phone, String callSid, UUID callId) {
        if (callSid == null) return null;
        if (callSid.equals(phone.callSid())) return "caller";
        if (callSid.equals(phone.handlerLegSid())) return "handler";
        return transfers.latest(callId).filter(t -> callSid.equals(t.teamCallSid())).map(t -> "resolution_team").orElse("other");
    }

    private void teamLeg(String call, Map<String, String> p) {
        UUID callId = uuid(call);
        PhoneCall phone = callId == null ? null : phones.find(callId).orElse(null);
        String status = p.get("CallStatus");
        if (phone == null || status == null || p.get("CallSid") == null) return;
        Instant now = clock.instant();
        String key = "team-leg:" + p.get("CallSid") + ":" + status + ":" + p.getOrDefault("SequenceNumber", "");
        boolean failed = transfers.jdbi().inTransaction(h -> {
            if (!phones.firstDelivery(h, key, now)) return false;
            log.record(h, callId, now, "warm_transfer_team_" + status.replace('-', '_'), detail("teamCallSid", p.get("CallSid")));
            Transfer t = transfers.latest(h, callId).orElse(null);
            if (t == null || !t.active() || !p.get("CallSid").equals(t.teamCallSid()) && t.teamCallSid() != null) return false;
            if (UNANSWERED.contains(status)) return warmTransfer.markFailed(h, callId, status.replace('-', '_'));
            if (status.equals("completed")) return warmTransfer.markFailed(h, callId, "team_hung_up");
            if (status.equals("in-progress") && t.state() == Transfer.State.dialling) {
                transfers.move(h, t.id(), Transfer.State.briefing, null, now);
                log.record(h, callId, now, "warm_transfer_briefing", detail("team", t.team()));
            } else {
                transfers.heard(h, t.id(), now);
            }
            return false;
        });
        if (failed) afterResponse.execute(() -> warmTransfer.bringBack(callId));
    }

    private static UUID uuid(String s) {
        try {
            return s == null ? null : UUID.fromString(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
