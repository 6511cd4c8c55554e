package callguide.telephony;

import java.time.Instant;

/** A call's warm transfer as the API shows it (GET, and the answer to a start or a complete). */
record TransferView(String state, boolean offered, boolean available, String team, String teamNumber,
                    boolean callerHearsBriefing, String reason, Instant startedAt, ManualReferral manual) {

    static TransferView of(TransferStatus s) {
        return new TransferView(s.state(), s.offered(), s.available(), s.team(), s.teamNumber(), s.callerHearsBriefing(),
                s.reason(), s.startedAt(), s.manual());
    }
}
