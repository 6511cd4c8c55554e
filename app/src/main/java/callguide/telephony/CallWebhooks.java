package callguide.telephony;

import callguide.call.Call;
import callguide.call.CallDao;
import callguide.call.CallService;
import callguide.flow.IntakeRules;
import callguide.web.ApiError;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static callguide.telephony.CallLog.detail;

/** POST /twilio/voice, /twilio/status and /twilio/dial-ended: the caller's call and the handler's leg. */
final class CallWebhooks {
    static final Set<String> ENDED = Set.of("completed", "busy", "failed", "no-answer", "canceled");
    /** Whom a phone call belongs to until a handler takes it on their screen. */
    static final String HANDLER_LINE = "handler-line";

    private final CallService calls;
    private final CallDao callDao;
    private final PhoneCallDao phones;
    private final TransferDao transfers;
    private final CallLog log;
    private final Twiml twiml;
    private final TelephonySettings settings;
    private final WarmTransfer warmTransfer;
    private final Clock clock;

    CallWebhooks(CallService calls, CallDao callDao, PhoneCallDao phones, TransferDao transfers, CallLog log, Twiml twiml,
                 TelephonySettings settings, WarmTransfer warmTransfer, Clock clock) {
        this.calls = calls;
        this.callDao = callDao;
        this.phones = phones;
        this.transfers = transfers;
        this.log = log;
        this.twiml = twiml;
        this.settings = settings;
        this.warmTransfer = warmTransfer;
        this.clock = clock;
    }

    /** An inbound call: find or open its guided call, say how it reached us, transcribe it and ring the handlers. */
    public void voice(Context ctx) {
        Map<String, String> p = WebhookSignature.params(ctx);
        String callSid = required(p, "CallSid");
        String dialled = p.get("To");
        UUID id = callDao.idForCallSid(callSid).orElseGet(() -> open(callSid));
        phones.insert(id, callSid, dialled);
        boolean hotline = settings.mpHotlineNumber() != null
                && TelephonySettings.digits(settings.mpHotlineNumber()).equals(TelephonySettings.digits(dialled));
        // Only a call that has not said how it reached us yet: an answer already given is the handler's to change.
        var call = calls.get(id);
        if (call.status() == Call.Status.in_progress && !call.answerMap().containsKey(IntakeRules.CONTACT_ROUTE)) {
            UUID request = UUID.nameUUIDFromBytes((IntakeRules.CONTACT_ROUTE + ":" + callSid).getBytes(StandardCharsets.UTF_8));
            calls.answer(id, IntakeRules.CONTACT_ROUTE, hotline ? IntakeRules.MP_HOTLINE : IntakeRules.INBOUND_CALL, null, request);
        }
        ctx.header("X-Callguide-Call", id.toString()).contentType("application/xml").result(twiml.inbound());
    }

    private UUID open(String callSid) {
        try {
            return calls.start(IntakeRules.FLOW, handlerId(), callSid, null).id();
        } catch (RuntimeException e) {
            // Twilio retried while the first delivery was still opening the call: use the one it opened.
            return callDao.idForCallSid(callSid).orElseThrow(() -> e);
        }
    }

    private String handlerId() {
        return settings.handlerNumber() != null ? HANDLER_LINE : "queue:" + settings.handlerQueue();
    }

    /** Call progress, of the caller's call or of the handler's leg (which names its parent). */
    public void status(Context ctx) {
        Map<String, String> p = WebhookSignature.params(ctx);
        String callSid = required(p, "CallSid");
        String status = required(p, "CallStatus");
        String parent = p.get("ParentCallSid");
        boolean handlerLeg = parent != null && !parent.isBlank();
        PhoneCall phone = phones.bySid(handlerLeg ? parent : callSid).orElse(null);
        if (phone == null) {
            ctx.status(204);
            return;
        }
        Instant now = clock.instant();
        String key = "status:" + callSid + ":" + status + ":" + p.getOrDefault("SequenceNumber", "");
        callDao.jdbi().useTransaction(h -> {
            if (!phones.firstDelivery(h, key, now)) return;
            log.record(h, phone.callId(), now, "phone_status", detail("leg", handlerLeg ? "handler" : "caller",
                    "status", status, "callSid", callSid, "duration", p.get("CallDuration")));
            if (handlerLeg && status.equals("in-progress") && phone.handlerLegSid() == null) phones.handlerLeg(h, phone.callId(), callSid);
            if (!handlerLeg && ENDED.contains(status) && phones.ended(h, phone.callId(), now, status)) {
                log.record(h, phone.callId(), now, "phone_call_ended", detail("status", status, "duration", p.get("CallDuration")));
                warmTransfer.callerLeft(h, phone.callId());
            }
        });
        ctx.status(204);
    }

    /** The caller's Dial ended: the handler's leg was moved into a transfer, or the handler hung up. */
    public void dialEnded(Context ctx) {
        Map<String, String> p = WebhookSignature.params(ctx);
        PhoneCall phone = phones.bySid(required(p, "CallSid")).orElse(null);
        if (phone == null) {
            ctx.contentType("application/xml").result(twiml.hangup());
            return;
        }
        Instant now = clock.instant();
        String key = "dial-ended:" + phone.callSid() + ":" + p.getOrDefault("DialCallSid", "");
        callDao.jdbi().useTransaction(h -> {
            if (phones.firstDelivery(h, key, now)) log.record(h, phone.callId(), now, "handler_leg_ended", detail("status", p.get("DialCallStatus")));
        });
        ctx.contentType("application/xml").result(afterDial(phone.callId()));
    }

    /** The handler's leg left for a transfer: the caller waits for it, or, if it already failed, goes back to the handler. */
    private String afterDial(UUID callId) {
        Transfer last = transfers.latest(callId).orElse(null);
        if (last == null || !last.handlerMoved()) return twiml.hangup();
        if (last.active()) return twiml.callerWaits(callId);
        return last.state() == Transfer.State.failed ? twiml.callerReturns(callId) : twiml.hangup();
    }

    static String required(Map<String, String> p, String name) {
        String v = p.get(name);
        if (v == null || v.isBlank()) throw new ApiError(400, "missing_field", "the webhook has no " + name);
        return v;
    }

}
