package callguide.assist;

import callguide.call.Call;
import callguide.call.CallService;
import callguide.call.GivenAnswer;
import callguide.flow.Flow;
import callguide.flow.Option;
import callguide.flow.Question;
import callguide.flow.Renderer;
import callguide.flow.Terms;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The case note for a call. The note built from the guided path is always there and is the one
 * supervisors rely on; a chat model, when configured, adds a summary of that same note. Neither carries
 * internal-only text, and a staff-conduct call gives nothing beyond its outcome code.
 */
public final class CaseNotes {
    private static final Logger LOG = LoggerFactory.getLogger(CaseNotes.class);

    /** The note from the guided path, the model's summary of it (or null), and how it was written. */
    public record Note(UUID call, String caseNote, String summary, String summarisedBy, String detail) {}

    private final CallService calls;
    private final Renderer renderer;
    private final Terms.Contacts contacts;
    private final ObjectMapper json;
    private final ProcedureAdvisor advisor;

    public CaseNotes(CallService calls, Renderer renderer, Terms.Contacts contacts, ObjectMapper json, ProcedureAdvisor advisor) {
        this.calls = calls;
        this.renderer = renderer;
        this.contacts = contacts;
        this.json = json;
        this.advisor = advisor;
    }

    public Note note(UUID id) {
        Call call = calls.get(id);
        if (call.confidential()) {
            String note = "Complaint about a member of staff's behaviour: no details may be recorded. Outcome: "
                    + (call.outcomeCode() == null ? "not reached" : call.outcomeCode()) + ".";
            return new Note(id, note, null, "guided_path", "A staff-conduct call: nothing beyond the outcome code is written, and no model is asked.");
        }
        String note = withheld(guidedPath(call));
        if (advisor == null) return new Note(id, note, null, "guided_path", "No chat model is configured; the note is built from the guided path.");
        try {
            ProcedureAdvisor.CaseSummary s = advisor.summarise(note);
            if (s == null || s.summary() == null || s.summary().isBlank()) {
                return new Note(id, note, null, "guided_path", "The chat model gave no summary; the note is built from the guided path.");
            }
            return new Note(id, note, withheld(SafeText.of(s.summary())), "model", "The summary was written by the chat model from the guided path alone.");
        } catch (RuntimeException e) {
            LOG.warn("the chat model did not summarise call {}: {}", id, e.toString());
            return new Note(id, note, null, "guided_path", "The chat model did not answer; the note is built from the guided path.");
        }
    }

    /** Questions and answers in the call's own terms, then the outcome: what to do, say, raise and by when. */
    String guidedPath(Call call) {
        Flow flow = calls.flowOf(call);
        Terms terms = renderer.terms(call.answerMap());
        StringBuilder out = new StringBuilder("Guided call: ").append(flow.title()).append(" (version ").append(call.flowVersion())
                .append("), started ").append(call.startedAt()).append(", handler ").append(call.handlerId()).append(".\n");
        for (GivenAnswer a : call.answers()) {
            Question q = flow.questions().get(a.question());
            if (q == null) continue;
            out.append("- ").append(terms.say(q.prompt())).append(' ').append(answerText(q, a.answer(), terms)).append('\n');
        }
        if (call.outcome() == null) return out.append("No outcome yet: the call is on '").append(call.currentQuestion()).append("'.").toString();
        JsonNode o = read(call.outcome());
        out.append("Outcome: ").append(o.path("code").asText()).append(", ").append(o.path("title").asText()).append(".\n");
        lines(out, "Actions", o.path("actions"));
        if (!o.path("say").asText("").isBlank()) out.append("Told the caller: ").append(o.path("say").asText()).append('\n');
        JsonNode sr = o.path("serviceRequest");
        if (sr.isObject()) out.append("Service request: ").append(sr.path("name").asText()).append('\n');
        for (JsonNode d : o.path("deadlines")) out.append("Deadline: ").append(d.path("name").asText()).append(" by ").append(d.path("due").asText()).append('\n');
        for (JsonNode l : o.path("letters")) out.append("Letter: ").append(l.path("code").asText()).append(' ').append(l.path("title").asText()).append('\n');
        if (o.path("flags").size() > 0) out.append("Flags: ").append(o.path("flags").toString().replaceAll("[\\[\\]\"]", "")).append('\n');
        return out.toString().strip();
    }

    private static String answerText(Question q, String answer, Terms terms) {
        if (q.kind() == Question.Kind.date) return answer == null || answer.isEmpty() ? (q.emptyLabel() == null ? "None given." : q.emptyLabel() + ".") : answer + ".";
        Option option = q.option(answer);
        return (option == null ? answer : terms.say(option.label())) + ".";
    }

    private static void lines(StringBuilder out, String title, JsonNode items) {
        if (items.size() == 0) return;
        out.append(title).append(":\n");
        items.forEach(i -> out.append("  ").append(i.asText()).append('\n'));
    }

    /** Belt and braces: no configured internal contact survives, whatever wrote the text. */
    private String withheld(String text) {
        String s = SafeText.of(text);
        for (String internal : List.of(contacts.optionsMailbox(), contacts.iceTeamMailbox())) {
            if (internal != null && !internal.isBlank()) s = s.replace(internal, ProcedureDocuments.WITHHELD);
        }
        return s;
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException("stored outcome is not JSON", e);
        }
    }
}
