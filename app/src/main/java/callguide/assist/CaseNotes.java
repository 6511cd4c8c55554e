package callguide.assist;

import callguide.call.Call;
import callguide.call.CallService;
import callguide.call.GivenAnswer;
import callguide.flow.Flow;
import callguide.flow.Option;
import callguide.flow.Outcome;
import callguide.flow.Outcomes;
import callguide.flow.Question;
import callguide.flow.Renderer;
import callguide.flow.Step;
import callguide.flow.Terms;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
    private static final ZoneId UK = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.UK);

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
        StringBuilder out = new StringBuilder("Guided call: ").append(flow.title()).append(" (version ").append(call.flowVersion())
                .append("), started ").append(TIME.format(call.startedAt().atZone(UK))).append(", handled by ").append(call.handlerId()).append(".\n\nAnswers\n");
        Map<String, String> before = new LinkedHashMap<>();
        for (GivenAnswer a : call.answers()) {
            Question q = flow.questions().get(a.question());
            if (q == null) continue;
            Step seen = renderer.step(q, before);
            out.append("- ").append(seen.prompt()).append(' ').append(answerText(q, seen, a.answer())).append('\n');
            before.put(a.question(), a.answer());
        }
        if (call.outcome() == null) return out.append("\nNo outcome yet: the call is on '").append(call.currentQuestion()).append("'.").toString();
        return outcome(out, read(call.outcome()), "written".equals(call.answerMap().get("contact_route"))).toString().strip();
    }

    /** A written contact is answered in writing, so its words are what went in the reply, not what was said. */
    private static StringBuilder outcome(StringBuilder out, Outcome o, boolean written) {
        out.append("\nOutcome: ").append(o.code()).append(", ").append(o.title()).append(".\n");
        list(out, "Actions", o.actions());
        if (o.say() != null && !o.say().isBlank()) out.append(written ? "\nPut in the reply: " : "\nTold the caller: ").append(o.say().strip()).append('\n');
        Outcomes.ServiceRequest sr = o.serviceRequest();
        if (sr != null) {
            out.append("\nService request: ").append(sr.name());
            if (sr.process() != null) out.append("; process ").append(sr.process());
            if (sr.area() != null) out.append("; area ").append(sr.area());
            if (sr.subArea() != null) out.append("; sub-area ").append(sr.subArea());
            out.append('\n');
        }
        list(out, "Deadlines", o.deadlines().stream().map(d -> d.name() + ": " + (d.approximate() ? "approximately " : "") + DAY.format(d.due())).toList());
        list(out, "Letters", o.letters().stream().map(l -> l.title() == null ? l.code() : l.code() + " " + l.title()).toList());
        if (!o.flags().isEmpty()) out.append("\nFlags: ").append(String.join(", ", o.flags())).append('\n');
        return out;
    }

    private static String answerText(Question q, Step seen, String answer) {
        if (q.kind() == Question.Kind.date) {
            return (answer == null || answer.isEmpty() ? (q.emptyLabel() == null ? "None given" : q.emptyLabel()) : DAY.format(LocalDate.parse(answer))) + ".";
        }
        return seen.options().stream().filter(o -> o.id().equals(answer)).map(Option::label).findFirst().orElse(answer) + ".";
    }

    private static void list(StringBuilder out, String title, List<String> items) {
        if (items.isEmpty()) return;
        out.append('\n').append(title).append('\n');
        items.forEach(i -> out.append("- ").append(i).append('\n'));
    }

    /** Belt and braces: no configured internal contact survives, whatever wrote the text. */
    private String withheld(String text) {
        String s = SafeText.of(text);
        for (String internal : List.of(contacts.optionsMailbox(), contacts.iceTeamMailbox())) {
            if (internal != null && !internal.isBlank()) s = s.replace(internal, ProcedureDocuments.WITHHELD);
        }
        return s;
    }

    private Outcome read(String text) {
        try {
            return json.readValue(text, Outcome.class);
        } catch (IOException e) {
            throw new IllegalStateException("stored outcome is not JSON", e);
        }
    }
}
