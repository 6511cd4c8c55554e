package callguide.telephony;

import callguide.call.Call;
import callguide.call.CallService;
import callguide.flow.IntakeRules;
import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.TwilioException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executor;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static callguide.telephony.CallLog.detail;

/**
 * The warm transfer to the Complaints Resolution Team. Start: the handler's leg opens the briefing room,
 * the caller waits (on hold, or listening), the team is dialled in. Complete: the caller joins the team
 * and the handler's leg ends. Every state after the start follows Twilio's word: the team leg's progress
 * and the rooms' events arrive at /twilio/conference ({@link ConferenceWebhook}); an attempt waiting on
 * Twilio that hears nothing for TRANSFER_TIMEOUT_SECONDS fails when next looked at, or swept. The state is kept in
 * PostgreSQL and each change is made under the call's row lock, so any node may take any step.
 */
public final class WarmTransfer {
    private static final Logger LOG = LoggerFactory.getLogger(WarmTransfer.class);
    // 000 step 2 prescribes a warm transfer for an MP or MLA on the phone only; clients are called back by the team.
    static final String NONE_STARTED = "no warm transfer has been started on this call";
    /** How long a node trying to bring a caller back has before another may try. */
    static final Duration RETURN_CLAIMED_FOR = Duration.ofSeconds(15);
    /** After this, a caller Twilio would not bring back is recorded as such: the handler will long since have acted. */
    static final Duration RETURN_GIVEN_UP_AFTER = Duration.ofMinutes(5);
    /** How often {@link #sweep} runs. */
    public static final Duration SWEEP_EVERY = Duration.ofSeconds(5);

    private final CallService calls;
    private final PhoneCallDao phones;
    private final TransferDao transfers;
    private final CallLog log;
    private final PhoneLine line;
    private final Twiml twiml;
    private final TelephonySettings settings;
    static final String CALLER_HUNG_UP = "caller_hung_up";
    private final Executor afterResponse;
    private final Clock clock;

    WarmTransfer(CallService calls, PhoneCallDao phones, TransferDao transfers, CallLog log, PhoneLine line,
                 Twiml twiml, TelephonySettings settings, Executor afterResponse, Clock clock) {
        this.calls = calls;
        this.phones = phones;
        this.transfers = transfers;
        this.log = log;
        this.line = line;
        this.twiml = twiml;
        this.settings = settings;
        this.afterResponse = afterResponse;
        this.clock = clock;
    }

    public TransferStatus start(UUID callId, String teamKey) {
        Call call = transferable(callId);
        ResolutionTeam team = ResolutionTeam.forCall(call, teamKey, settings.teams());
        PhoneCall phone = phones.find(callId).orElse(null);
        Unavailable unavailable = unavailable(phone, team);
        if (unavailable != null) {
            // Kept on the call, so a reviewer sees the handler tried and was sent to the referral by hand.
            try {
                log.record(callId, clock.instant(), "warm_transfer_unavailable", detail("team", team.key(), "reason", unavailable.reason()));
            } catch (RuntimeException e) {
                LOG.warn("could not record that call {}'s transfer could not start: {}", callId, e.toString());
            }
            throw new TransferRefused(TransferRefused.Reason.transfer_unavailable, unavailable.text(), team.manual());
        }
        // An attempt Twilio went silent on fails, and its caller is back, before another may start.
        lapse(callId, Runnable::run);
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
        boolean handlerMoved = false;
        try {
            line.redirect(phone.handlerLegSid(), twiml.handlerBriefs(callId));
            handlerMoved = true;
            log.record(callId, clock.instant(), "warm_transfer_handler_joined", detail("conference", Twiml.briefingRoom(callId)));
            line.redirect(phone.callSid(), twiml.callerWaits(callId));
            log.record(callId, clock.instant(), settings.callerHearsBriefing() ? "warm_transfer_caller_listening" : "warm_transfer_caller_on_hold", Map.of());
            String teamLeg = line.dialIntoConference(Twiml.briefingRoom(callId), phone.dialledNumber(), team.number(),
                    settings.url("/twilio/conference?call=" + callId));
            boolean stillDialling = transfers.jdbi().inTransaction(h -> {
                log.record(h, callId, clock.instant(), "warm_transfer_team_dialled", detail("team", team.key(), "teamCallSid", teamLeg));
                return transfers.teamDialled(h, id, teamLeg, clock.instant());
            });
            // The attempt lapsed while Twilio was dialling: the team must not ring into a room the caller was brought back to.
            if (!stillDialling) hangUpTeam(callId, teamLeg);
        } catch (ApiConnectionException e) {
            // No answer in time: the step may have happened all the same, so both legs are brought back together.
            failStart(callId, id, "twilio_unreachable", e, phone, true, !handlerMoved);
        } catch (TwilioException e) {
            // Twilio answered that it did not do the step: before the handler's leg moved, nothing has changed on the line.
            failStart(callId, id, "twilio_refused: " + e.getMessage(), e, phone, handlerMoved, false);
        }
        return status(callId);
    }

    /**
     * Puts the caller through to the team and ends the handler's leg. The transfer is handing over until Twilio
     * reports it done ({@link #confirmHandOver}); if Twilio will not take the step, the handler is back to briefing.
     */
    public TransferStatus complete(UUID callId) {
        calls.get(callId);
        lapse(callId, afterResponse);
        PhoneCall phone = phones.find(callId).orElseThrow(() -> wrongState(NONE_STARTED));
        long id = transfers.jdbi().inTransaction(h -> {
            Transfer t = transfers.latest(h, callId).orElseThrow(() -> wrongState(NONE_STARTED));
            if (t.state() != Transfer.State.briefing) {
                throw wrongState("the transfer is " + t.state() + "; the handler can leave only once the team has answered and been briefed");
            }
            transfers.move(h, t.id(), Transfer.State.handing_over, null, clock.instant());
            return t.id();
        });
        try {
            if (!settings.callerHearsBriefing()) line.redirect(phone.callSid(), twiml.callerJoinsTeam(callId));
            log.record(callId, clock.instant(), "warm_transfer_caller_handed_over", Map.of());
        } catch (TwilioException e) {
            backToBriefing(callId, id, "caller_handed_over", e);
            return status(callId);
        }
        try {
            line.hangUp(phone.handlerLegSid());
            log.record(callId, clock.instant(), "warm_transfer_handler_left", Map.of());
        } catch (TwilioException e) {
            // With the caller on hold, the caller joining the team is the hand-over, and the handler can hang up themselves.
            if (settings.callerHearsBriefing()) backToBriefing(callId, id, "handler_left", e);
            else log.record(callId, clock.instant(), "warm_transfer_step_failed", detail("step", "handler_left", "error", e.getMessage()));
        }
        return status(callId);
    }

    /**
     * Twilio's word that the hand-over happened, in the room event's transaction: the caller joined the briefing room
     * (they waited on hold), or the handler left it (the caller was already listening). Only an attempt handing over
     * is completed, so a repeated or late event changes nothing.
     */
    void confirmHandOver(Handle h, UUID callId, String event, String leg, boolean briefingRoom, Instant at) {
        if (!briefingRoom) return;
        boolean handedOver = settings.callerHearsBriefing()
                ? event.equals("participant-leave") && "handler".equals(leg)
                : event.equals("participant-join") && "caller".equals(leg);
        if (!handedOver) return;
        Transfer t = transfers.latest(h, callId).orElse(null);
        if (t == null || t.state() != Transfer.State.handing_over) return;
        transfers.move(h, t.id(), Transfer.State.completed, null, at);
        log.record(h, callId, at, "warm_transfer_completed", detail("team", t.team()));
    }

    /**
     * The caller hung up, in the status webhook's transaction: a transfer still under way can no longer be
     * made, so it fails and the handler is shown the referral to make by hand (000 step 2). There is no caller to bring
     * back; a team leg still ringing is released after the response.
     */
    void callerLeft(Handle h, UUID callId) {
        Transfer t = transfers.latest(h, callId).orElse(null);
        if (t == null) return;
        transfers.callerReturnEnded(h, t.id()); // a caller who has gone is not brought back
        if (!t.active()) return;
        fail(h, callId, t, CALLER_HUNG_UP, null, clock.instant());
        if (t.state() == Transfer.State.dialling && t.teamCallSid() != null) afterResponse.execute(() -> hangUpTeam(callId, t.teamCallSid()));
    }

    /** In the caller's transaction; false when no attempt is under way (already failed, or done). */
    boolean markFailed(Handle h, UUID callId, String reason) {
        return markFailed(h, callId, reason, null, false);
    }

    /** The caller is then due back with the handler, unless the handler's leg never left them ({@code handlerToo}: it may have). */
    private boolean markFailed(Handle h, UUID callId, String reason, String error, boolean handlerToo) {
        Transfer t = transfers.latest(h, callId).orElse(null);
        if (t == null || !t.active()) return false;
        Instant now = clock.instant();
        fail(h, callId, t, reason, error, now);
        if (t.handlerMoved()) transfers.callerReturnDue(h, t.id(), handlerToo, now);
        return true;
    }

    private void fail(Handle h, UUID callId, Transfer t, String reason, String error, Instant now) {
        transfers.move(h, t.id(), Transfer.State.failed, reason, now);
        log.record(h, callId, now, "warm_transfer_failed", detail("reason", reason, "team", t.team(), "error", error));
    }

    /**
     * Brings the caller back to the handler in the briefing room, if due and not being done by another node. Slow (a
     * REST call), so webhooks run it after their response. If Twilio fails it, it stays due for {@link #sweep}.
     */
    void bringBack(UUID callId) {
        if (line == null) return;
        Transfer t = transfers.latest(callId).orElse(null);
        Instant now = clock.instant();
        Boolean handlerToo = t == null ? null : transfers.claimCallerReturn(t.id(), now, now.plus(RETURN_CLAIMED_FOR)).orElse(null);
        if (handlerToo == null) return;
        PhoneCall phone = phones.find(callId).orElseThrow();
        try {
            if (handlerToo) line.redirect(phone.handlerLegSid(), twiml.handlerBriefs(callId));
            if (handlerToo || !settings.callerHearsBriefing()) line.redirect(phone.callSid(), twiml.callerReturns(callId));
            transfers.callerReturnEnded(t.id());
            log.record(callId, clock.instant(), "warm_transfer_caller_returned", Map.of());
        } catch (TwilioException e) {
            log.record(callId, clock.instant(), "warm_transfer_step_failed", detail("step", "return_caller", "error", e.getMessage()));
        }
    }

    /**
     * The transfers' clocks and retries, run by one node at a time ({@code store.Jobs}): an attempt Twilio went silent
     * on fails even when nobody is looking, and a caller still due back is brought back, or, after
     * {@link #RETURN_GIVEN_UP_AFTER}, recorded as not brought back.
     */
    public void sweep() {
        transfers.callsTransferring().forEach(callId -> lapse(callId, Runnable::run));
        Instant now = clock.instant();
        for (Transfer t : transfers.callerReturnsDue(now)) {
            if (now.isBefore(t.updatedAt().plus(RETURN_GIVEN_UP_AFTER))) {
                bringBack(t.callId());
            } else {
                transfers.callerReturnEnded(t.id());
                log.record(t.callId(), now, "warm_transfer_caller_not_returned", detail("failedAt", t.updatedAt().toString()));
            }
        }
    }

    private void failStart(UUID callId, long id, String reason, TwilioException e, PhoneCall phone, boolean anyoneMoved, boolean handlerUnsure) {
        transfers.jdbi().useTransaction(h -> {
            if (!anyoneMoved) transfers.handlerStayed(h, id);
            markFailed(h, callId, reason, e.getMessage(), handlerUnsure);
        });
        bringBack(callId);
    }

    private void backToBriefing(UUID callId, long id, String step, TwilioException e) {
        String reason = e.getClass() == ApiConnectionException.class ? "twilio_unreachable" : "twilio_refused: " + e.getMessage();
        transfers.jdbi().useTransaction(h -> {
            Transfer t = transfers.latest(h, callId).orElse(null);
            if (t == null || t.id() != id || t.state() != Transfer.State.handing_over) return;
            transfers.move(h, id, Transfer.State.briefing, reason, clock.instant());
            log.record(h, callId, clock.instant(), "warm_transfer_step_failed", detail("step", step, "reason", reason, "error", e.getMessage()));
        });
    }

    /**
     * An attempt waiting on Twilio that has heard nothing for the configured time fails as timed_out; then the
     * team's leg, if still ringing, is ended and the caller brought back (by {@code returning}, a REST call).
     */
    private void lapse(UUID callId, Executor returning) {
        Transfer seen = transfers.latest(callId).orElse(null);
        if (seen == null || !seen.lapsed(clock.instant(), settings.transferTimeout())) return;
        Transfer lapsed = transfers.jdbi().inTransaction(h -> {
            Transfer t = transfers.latest(h, callId).orElse(null);
            if (t == null || t.id() != seen.id() || !t.lapsed(clock.instant(), settings.transferTimeout())) return null;
            markFailed(h, callId, "timed_out", "no word from Twilio for " + settings.transferTimeout().toSeconds() + " seconds while "
                    + t.state(), false);
            return t;
        });
        if (lapsed == null) return;
        returning.execute(() -> {
            if (lapsed.state() == Transfer.State.dialling && lapsed.teamCallSid() != null) hangUpTeam(callId, lapsed.teamCallSid());
            bringBack(callId);
        });
    }

    private void hangUpTeam(UUID callId, String teamLeg) {
        if (line == null) return;
        try {
            line.hangUp(teamLeg);
            log.record(callId, clock.instant(), "warm_transfer_team_released", detail("teamCallSid", teamLeg));
        } catch (TwilioException e) {
            log.record(callId, clock.instant(), "warm_transfer_step_failed", detail("step", "team_released", "error", e.getMessage()));
        }
    }

    /** Where the call's transfer stands, and whether one can be made at all (and if not, why). */
    public TransferStatus status(UUID callId) {
        Call call = calls.get(callId);
        lapse(callId, afterResponse);
        Transfer t = transfers.latest(callId).orElse(null);
        ResolutionTeam team = ResolutionTeam.forCall(call, t == null ? null : t.team(), settings.teams());
        boolean offered = transferableCall(call);
        String unavailable = !offered ? "only an MP or MLA on the phone is warm-transferred"
                : java.util.Optional.ofNullable(unavailable(phones.find(callId).orElse(null), team)).map(Unavailable::text).orElse(null);
        // A call that is not transferred gets no team and no referral to make: a client's referral goes through BAU.
        return new TransferStatus(offered, t == null ? "not_started" : t.state().name(), unavailable, offered ? team.key() : null,
                offered ? team.number() : null, settings.callerHearsBriefing(), t == null ? null : t.reason(),
                t == null ? null : t.startedAt(), offered ? team.manual() : null);
    }

    private Call transferable(UUID callId) {
        Call call = calls.get(callId);
        if (!transferableCall(call)) {
            throw new TransferRefused(TransferRefused.Reason.not_transferable, "only an MP or MLA on the phone is warm-transferred to the Complaints "
                    + "Resolution Team, once the call reaches WARM_TRANSFER_RESOLUTION_TEAM or STAFF_CONDUCT_CONFIDENTIAL; a client "
                    + "referred to the team is contacted by them, not transferred"
                    + (call.outcomeCode() == null ? "; this call has no outcome yet" : "; this call's outcome is " + call.outcomeCode()));
        }
        return call;
    }

    static boolean transferableCall(Call call) {
        return IntakeRules.warmTransferable(call.outcomeCode(), call.answerMap());
    }

    /** Why the phone cannot transfer this call: a code for the call's record and the words for the handler. */
    private record Unavailable(String reason, String text) {}

    private Unavailable unavailable(PhoneCall phone, ResolutionTeam team) {
        if (line == null) return new Unavailable("phone_system_not_connected",
                "Twilio is not configured here (TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN): make the referral by hand");
        if (team.number() == null) return new Unavailable("no_team_number", "no number is configured for the " + team.name() + ": make the referral by hand");
        if (phone == null) return new Unavailable("not_by_phone", "this call did not come in by phone, so there is no line to transfer");
        if (phone.endedAt() != null) return new Unavailable("phone_call_ended", "the phone call has ended (" + phone.endStatus() + ")");
        if (phone.handlerLegSid() == null) return new Unavailable("handler_leg_unknown",
                "the handler's phone leg is not known (calls queued with HANDLER_QUEUE cannot be moved): make the referral by hand");
        return null;
    }

    private static TransferRefused wrongState(String detail) {
        return new TransferRefused(TransferRefused.Reason.transfer_wrong_state, detail);
    }
}
