package callguide.telephony;

import java.time.Instant;
import java.util.Map;

/**
 * A call's warm transfer as the handler's screen shows it. {@code offered}: the call is one for the
 * resolution team; {@code unavailable}: why the phone cannot do it here (null when it can);
 * {@code manual}: the team, its number and the referral to make by hand.
 */
public record TransferStatus(boolean offered, String state, String unavailable, String team, String teamNumber,
                             boolean callerHearsBriefing, String reason, Instant startedAt, Map<String, Object> manual) {

    public boolean available() {
        return offered && unavailable == null;
    }

    /** Dialling or briefing: the screen keeps checking for the team's answer. */
    public boolean underWay() {
        return state.equals("dialling") || state.equals("briefing");
    }

    public String referral() {
        return (String) manual.get("referral");
    }

    public String teamName() {
        return (String) manual.get("team");
    }
}
