package callguide.telephony;

import callguide.call.Call;
import callguide.call.CallService;
import callguide.web.ApiError;
import com.twilio.exception.TwilioException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

import static callguide.telephony.CallLog.detail;

/**
 * The warm transfer to the Complaints Resolution Team. Start: the handler's leg opens the briefing room,
 * the caller waits (on hold, or listening), the team is dialled in. Complete: the caller joins the team
 * and the handler's leg ends. The team leg's progress arrives at /twilio/conference ({@link TeamLeg}).
 */
public final class WarmTransfer {
    // 000 step 2 prescribes a warm transfer for an MP or MLA on the phone only; clients are called back by the team.
    static final Set<String> TRANSFER_OUTCOMES = Set.of("WARM_TRANSFER_RESOLUTION_TEAM", "STAFF_CONDUCT_CONFIDENTIAL");
    static final Set<String> PHONE_ROUTES = Set.of("inbound_call", "mp_hotline");

    private final CallService calls;
    private final PhoneCallDao phones;
    private final TransferDao transfers;
    private final CallLog log;
    private final PhoneLine line;
    private final Twiml twiml;
    private final TelephonySettings settings;
    private final Clock clock;

    WarmTransfer(CallService calls, PhoneCallDao phones, TransferDao transfers, CallLog log, PhoneLine line,
                 Twiml twiml, TelephonySettings settings, Clock clock) {
        this.calls = calls;
        this.phones = phones;
        this.transfers = transfers;
        this.log = log;
        this.line = line;
        this.twiml = twiml;
        this.settings = settings;
        this.clock = clock;
    }

    public Map<String, Object> start(UUID callId, String teamKey) {
        Call call = transferable(callId);
        ResolutionTeam team = ResolutionTeam.forCall(call, teamKey, settings.teams());
        PhoneCall phone = phones.find(callId).orElse(null);
        String unavailable = unavailable(phone, team);
        if (unavailable != null) throw new ApiError(409, "transfer_unavailable", unavailable, Map.of("manual", team.manual()));
        Instant now = clock.instant();
        long id = transfers.jdbi().inTransaction(h -> {
            transfers.lockCall(h, callId);
            Transfer last = transfers.latest(h, callId).orElse(null);
            if (last != null && last.active()) throw wrongState("a warm transfer is already under way (" + last.state() + ")");
            if (last != null && last.state() == Transfer.State.completed) throw wrongState("this call has already been transferred");
            long transfer = transfers.insert(h, callId, team.key(), team.number(), Twiml.briefingRoom(callId), now);
            log.record(h, callId, now, "warm_transfer_started", detail("team", team.key(), "conference", Twiml.briefingRoom(callId),
                    "callerHearsBriefing", settings.callerHearsBriefing()));
            return transfer;
        });
        try {
            line.redirect(phone.handlerLegSid(), twiml.handlerBriefs(callId));
            log.record(callId, clock.instant(), "warm_transfer_handler_joined", detail("conference", Twiml.briefingRoom(callId)));
            line.redirect(phone.callSid(), twiml.callerWaits(callId));
            log.record(callId, clock.instant(), settings.callerHearsBriefing() ? "warm_transfer_caller_listening" : "warm_transfer_caller_on_hold", Map.of());
            String teamLeg = line.dialIntoConference(Twiml.briefingRoom(callId), phone.dialledNumber(), team.number(),
                    settings.url("/twilio/conference?call=" + callId));
            transfers.jdbi().useTransaction(h -> {
                transfers.teamDialled(h, id, teamLeg, clock.instant());
                log.record(h, callId, clock.instant(), "warm_transfer_team_dialled", detail("team", team.key(), "teamCallSid", teamLeg));
            });
        } catch (TwilioException e) {
            fail(callId, "twilio_refused: " + e.getMessage(), phone);
        }
        return view(callId);
    }

    public Map<String, Object> complete(UUID callId) {
        calls.get(callId);
        PhoneCall phone = phones.find(callId).orElseThrow(() -> wrongState("no warm transfer has been started on this call"));
        transfers.jdbi().useTransaction(h -> {
            Transfer t = transfers.latest(h, callId).orElseThrow(() -> wrongState("no warm transfer has been started on this call"));
            if (t.state() != Transfer.State.briefing) {
                throw wrongState("the transfer is " + t.state() + "; the handler can leave only once the team has answered and been briefed");
            }
            transfers.move(h, t.id(), Transfer.State.completed, null, clock.instant());
        });
        try {
            if (!settings.callerHearsBriefing()) line.redirect(phone.callSid(), twiml.callerJoinsTeam(callId));
            log.record(callId, clock.instant(), "warm_transfer_caller_handed_over", Map.of());
            line.hangUp(phone.handlerLegSid());
            log.record(callId, clock.instant(), "warm_transfer_handler_left", Map.of());
        } catch (TwilioException e) {
            log.record(callId, clock.instant(), "warm_transfer_step_failed", detail("step", "complete", "error", e.getMessage()));
        }
        log.record(callId, clock.instant(), "warm_transfer_completed", Map.of());
        return view(callId);
    }

    /** Marks the attempt failed with its reason and brings the caller back to the handler. */
    void fail(UUID callId, String reason, PhoneCall phone) {
        if (transfers.jdbi().inTransaction(h -> markFailed(h, callId, reason))) returnCaller(callId, phone);
    }

    /** In the caller's transaction; false when no attempt is under way (already failed, or done). */
    boolean markFailed(Handle h, UUID callId, String reason) {
        Transfer t = transfers.latest(h, callId).orElse(null);
        if (t == null || !t.active()) return false;
        transfers.move(h, t.id(), Transfer.State.failed, reason, clock.instant());
        log.record(h, callId, clock.instant(), "warm_transfer_failed", detail("reason", reason, "team", t.team()));
        return true;
    }

    /** Slow (a REST call), so webhooks run it after their response. */
    void returnCaller(UUID callId, PhoneCall phone) {
        try {
            if (!settings.callerHearsBriefing()) line.redirect(phone.callSid(), twiml.callerReturns(callId));
            log.record(callId, clock.instant(), "warm_transfer_caller_returned", Map.of());
        } catch (TwilioException e) {
            log.record(callId, clock.instant(), "warm_transfer_step_failed", detail("step", "return_caller", "error", e.getMessage()));
        }
    }

    public Map<String, Object> view(UUID callId) {
        TransferStatus s = status(callId);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("state", s.state());
        out.put("offered", s.offered());
        out.put("available", s.available());
        out.put("team", s.team());
        out.put("teamNumber", s.teamNumber());
        out.put("callerHearsBriefing", s.callerHearsBriefing());
        out.put("reason", s.reason());
        out.put("startedAt", s.startedAt());
        out.put("manual", s.manual());
        return out;
    }

    /** Where the call's transfer stands, and whether one can be made at all (and if not, why). */
    public TransferStatus status(UUID callId) {
        Call call = calls.get(callId);
        Transfer t = transfers.latest(callId).orElse(null);
        ResolutionTeam team = ResolutionTeam.forCall(call, t == null ? null : t.team(), settings.teams());
        boolean offered = transferableCall(call);
        String unavailable = offered ? unavailable(phones.find(callId).orElse(null), team) : "only an MP or MLA on the phone is warm-transferred";
        return new TransferStatus(offered, t == null ? "not_started" : t.state().name(), unavailable, team.key(), team.number(),
                settings.callerHearsBriefing(), t == null ? null : t.reason(), t == null ? null : t.startedAt(), team.manual());
    }

    private Call transferable(UUID callId) {
        Call call = calls.get(callId);
        if (!transferableCall(call)) {
            throw new ApiError(422, "not_transferable", "only an MP or MLA on the phone is warm-transferred to the Complaints "
                    + "Resolution Team, once the call reaches WARM_TRANSFER_RESOLUTION_TEAM or STAFF_CONDUCT_CONFIDENTIAL; a client "
                    + "referred to the team is contacted by them, not transferred"
                    + (call.outcomeCode() == null ? "; this call has no outcome yet" : "; this call's outcome is " + call.outcomeCode()));
        }
        return call;
    }

    static boolean transferableCall(Call call) {
        Map<String, String> answers = call.answerMap();
        return call.outcomeCode() != null && TRANSFER_OUTCOMES.contains(call.outcomeCode())
                && "mp_mla".equals(answers.get("caller")) && PHONE_ROUTES.contains(answers.get("contact_route"));
    }

    private String unavailable(PhoneCall phone, ResolutionTeam team) {
        if (line == null) return "Twilio is not configured here (TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN): make the referral by hand";
        if (team.number() == null) return "no number is configured for the " + team.name() + ": make the referral by hand";
        if (phone == null) return "this call did not come in by phone, so there is no line to transfer";
        if (phone.endedAt() != null) return "the phone call has ended (" + phone.endStatus() + ")";
        if (phone.handlerLegSid() == null) return "the handler's phone leg is not known (calls queued with HANDLER_QUEUE cannot be moved): make the referral by hand";
        return null;
    }

    private static ApiError wrongState(String detail) {
        return new ApiError(409, "transfer_wrong_state", detail);
    }
}
