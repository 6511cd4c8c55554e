package callguide.assist;

import callguide.call.Call;
import callguide.call.CallService;
import callguide.call.GivenAnswer;
import callguide.flow.Flow;
import callguide.flow.IntakeRules;
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

/**
 * A call's case note, built from its guided path: the one supervisors rely on, and the only text a chat model
 * is given to summarise. It never carries internal-only text, and a staff-conduct call gives its outcome code alone.
 */
final class GuidedPath {
    private static final ZoneId UK = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.UK);

    private final CallService calls;
    private final Renderer renderer;
    private final Terms.Contacts contacts;
    private final ObjectMapper json;

    GuidedPath(CallService calls, Renderer renderer, Terms.Contacts contacts, ObjectMapper json) {
        this.calls = calls;
        this.renderer = renderer;
        this.contacts = contacts;
        this.json = json;
    }

    /** The case note; on a staff-conduct call, a sentence with the outcome code and nothing else. */
    String caseNote(Call call) {
        if (call.confidential()) {
            return "Complaint about a member of staff's behaviour: no details may be recorded. Outcome: "
                    + (call.outcomeCode() == null ? "not reached" : call.outcomeCode()) + ".";
        }
        return withheld(text(call));
    }

    /** Questions and answers in the call's own terms, then the outcome: what to do, say, raise and by when. */
    private String text(Call call) {
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
        // Flags by their titles in the call's terms, each with its id for searching the case system.
        Terms terms = renderer.terms(call.answerMap());
        Map<String, String> flagTitles = new LinkedHashMap<>();
        flow.flags().forEach(f -> { if (f.title() != null) flagTitles.put(f.id(), terms.say(f.title()) + " (" + f.id() + ")"); });
        return outcome(out, read(call.outcome()), IntakeRules.written(call.answerMap()), flagTitles).toString().strip();
    }

    /** A written contact is answered in writing, so its words are what went in the reply, not what was said. */
    private static StringBuilder outcome(StringBuilder out, Outcome o, boolean written, Map<String, String> flagTitles) {
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
        if (!o.flags().isEmpty()) {
            out.append("\nFlags: ").append(String.join("; ", o.flags().stream().map(f -> flagTitles.getOrDefault(f, f)).toList())).append('\n');
        }
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
    String withheld(String text) {
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
