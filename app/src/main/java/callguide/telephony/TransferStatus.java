package callguide.telephony;

import java.time.Instant;

/**
 * A call's warm transfer as the handler's screen shows it. {@code offered}: the call is one for the
 * resolution team; {@code unavailable}: why the phone cannot do it here (null when it can);
 * {@code manual}: the team, its number and the referral to make by hand.
 */
public record TransferStatus(boolean offered, String state, String unavailable, String team, String teamNumber,
                             boolean callerHearsBriefing, String reason, Instant startedAt, ManualReferral manual) {

    public boolean available() {
        return offered && unavailable == null;
    }

    /** Dialling, briefing or handing over: the screen keeps checking for Twilio's word. */
    public boolean underWay() {
        return state.equals("dialling") || state.equals("briefing") || state.equals("handing_over");
    }

    /** Null on a call that is not transferred. */
    public String referral() {
        return manual == null ? null : manual.referral();
    }

    public String teamName() {
        return manual == null ? null : manual.team();
    }
}
