package callguide.guide;

import callguide.call.Call;
import callguide.flow.IntakeRules;
import callguide.telephony.Telephony;
import callguide.telephony.TransferStatus;
import java.util.List;
import java.util.UUID;

/** What the handler's pages show of the phone call: the transcript so far, and the warm transfer. */
public final class PhonePanels {
    /** One line said on the call, as the handler reads it: {@code label} is "Caller" or "You". */
    public record Said(long sequence, String speaker, String label, String text, java.time.Instant at) {}

    public record TranscriptPanel(UUID callId, List<Said> lines) {
        /** The last line's sequence, or -1 before anything is said. */
        public long last() {
            return lines.isEmpty() ? -1 : lines.get(lines.size() - 1).sequence();
        }
    }

    /**
     * {@code failure}: why the last attempt failed, in words; {@code problem}: why the handler's request was refused;
     * {@code teams}: the regional GB teams the handler may pick from (empty when there is no choice, as in NI).
     */
    public record TransferPanel(UUID callId, TransferStatus status, String failure, String problem, List<String> teams) {}

    private final Telephony telephony;

    public PhonePanels(Telephony telephony) {
        this.telephony = telephony;
    }

    /** Null unless the call came in by phone; never on a staff-conduct complaint, which keeps no transcript. */
    TranscriptPanel transcript(Call call) {
        if (call.callSid() == null || call.confidential()) return null;
        return new TranscriptPanel(call.id(), telephony.lines(call.id()).stream()
                .map(l -> new Said(l.sequence(), l.speaker(), l.speaker().equals("handler") ? "You" : "Caller", l.text(), l.at())).toList());
    }

    /** Null unless the call is one for the Complaints Resolution Team. */
    TransferPanel transfer(Call call, String problem) {
        TransferStatus status = telephony.warmTransfer().status(call.id());
        if (!status.offered()) return null;
        var regional = telephony.settings().teams().byTeam();
        List<String> teams = IntakeRules.NI.equals(status.team()) || regional.isEmpty() ? List.of()
                : java.util.stream.Stream.concat(java.util.stream.Stream.of(IntakeRules.GB), new java.util.TreeSet<>(regional.keySet()).stream()).toList();
        return new TransferPanel(call.id(), status, failure(status.reason()), unavailable(problem), teams); // in plain words, never a setting's name
    }

    Telephony telephony() {
        return telephony;
    }

    /** Why the phone cannot transfer the call, in words a handler acts on (no setting names). */
    public static String unavailable(String reason) {
        if (reason == null) return null;
        if (reason.contains("Twilio is not configured")) return "this Callguide is not connected to the phone system";
        if (reason.contains("no number is configured")) return "no phone number is set up for the team";
        if (reason.contains("handler's phone leg")) return "your phone line cannot be moved from this screen";
        if (reason.contains("not one for")) return "this call is not one for the Complaints Resolution Team";
        return reason.replaceAll(": make the referral by hand$", "");
    }

    static String failure(String reason) {
        if (reason == null) return null;
        return switch (reason) {
            case "no_answer" -> "the team did not answer";
            case "busy" -> "the team's line was busy";
            case "failed" -> "the call to the team could not be connected";
            case "canceled" -> "the call to the team was cancelled";
            case "team_hung_up" -> "the team hung up before the transfer was completed";
            case "caller_hung_up" -> "the caller hung up before the transfer was completed";
            case "timed_out" -> "the phone system did not confirm the transfer in time";
            case "twilio_unreachable" -> "the phone system did not answer in time";
            default -> reason.startsWith("twilio_refused") ? "the phone system refused the transfer (" + reason.substring(reason.indexOf(':') + 1).strip() + ")" : reason;
        };
    }
}
