package callguide.assist;

import callguide.call.Call;
import callguide.call.CallService;
import java.util.UUID;

/**
 * The case note for a call. The note built from the guided path is always there and is the one supervisors
 * rely on; a chat model, when configured, adds a summary of that same note, written once when the call
 * reaches its outcome and read from the database here. Neither carries internal-only text, and a
 * staff-conduct call gives nothing beyond its outcome code.
 */
public final class CaseNotes {

    /**
     * The note from the guided path, the model's summary of it (or null), and how it was written;
     * {@code summaryState} is {@code written}, {@code pending} (being written) or {@code none}.
     */
    public record Note(UUID call, String caseNote, String summary, String summarisedBy, String detail, String summaryState) {}

    private final CallService calls;
    private final GuidedPath path;
    private final CaseSummaries summaries;

    /** {@code summaries} is null when no chat model is configured. */
    CaseNotes(CallService calls, GuidedPath path, CaseSummaries summaries) {
        this.calls = calls;
        this.path = path;
        this.summaries = summaries;
    }

    public String caseNote(Call call) {
        return path.caseNote(call);
    }

    /** The model's summary as kept, never waiting for the model; null without a model or on a staff-conduct call. */
    public CaseSummaries.Summary summary(Call call) {
        return summaries == null ? null : summaries.of(call);
    }

    public Note note(UUID id) {
        Call call = calls.get(id);
        String note = path.caseNote(call);
        if (call.confidential()) {
            return none(id, note, "A staff-conduct call: nothing beyond the outcome code is written, and no model is asked.");
        }
        if (summaries == null) return none(id, note, "No chat model is configured; the note is built from the guided path.");
        CaseSummaries.Summary s = summaries.of(call);
        if (s == null) return none(id, note, "The call has no outcome yet; the chat model summarises it once it has one.");
        return switch (s.state()) {
            case written -> new Note(id, note, s.text(), "model", "The summary was written by the chat model from the guided path alone.", "written");
            case pending -> new Note(id, note, null, "guided_path", "The chat model is still writing its summary; ask again shortly.", "pending");
            case none -> none(id, note, s.reason() + " The note is built from the guided path.");
        };
    }

    private static Note none(UUID id, String note, String detail) {
        return new Note(id, note, null, "guided_path", detail, "none");
    }
}
