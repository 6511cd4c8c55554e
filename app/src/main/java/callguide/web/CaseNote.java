package callguide.web;

import callguide.call.Call;
import callguide.flow.Outcome;
import callguide.flow.Outcomes;
import java.util.List;

/**
 * The plain-text note a handler pastes into the case: the answers and what was done. Internal-only
 * text is never in it, since a case note can reach the client.
 */
final class CaseNote {
    private CaseNote() {}

    static String of(Call call, Outcome o, List<CallViews.AnswerRow> answers) {
        StringBuilder b = new StringBuilder();
        b.append("Complaint intake (Callguide): ").append(o.title()).append(" [").append(o.code()).append("]\n");
        b.append("Call on ").append(CallViews.time(call.startedAt())).append(", handled by ").append(call.handlerId()).append("\n\n");
        b.append("Answers\n");
        answers.forEach(a -> b.append("- ").append(a.prompt()).append(" ").append(a.answer()).append("\n"));
        b.append("\nActions\n");
        o.actions().forEach(a -> b.append("- ").append(a).append("\n"));
        Outcomes.ServiceRequest sr = o.serviceRequest();
        if (sr != null) {
            b.append("\nService request: ").append(sr.name());
            if (sr.process() != null) b.append("; process ").append(sr.process());
            if (sr.area() != null) b.append("; area ").append(sr.area());
            if (sr.subArea() != null) b.append("; sub-area ").append(sr.subArea());
            b.append("\n");
        }
        if (!o.deadlines().isEmpty()) {
            b.append("\nDeadlines\n");
            o.deadlines().forEach(d -> b.append("- ").append(d.name()).append(": ").append(CallViews.day(d.due())).append("\n"));
        }
        if (!o.letters().isEmpty()) {
            b.append("\nLetters\n");
            o.letters().forEach(l -> b.append("- ").append(l.code()).append(" ").append(l.title()).append("\n"));
        }
        if (!o.flags().isEmpty()) b.append("\nFlags: ").append(String.join(", ", o.flags())).append("\n");
        return b.toString().strip();
    }
}
