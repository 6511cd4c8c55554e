package callguide.casework;

import callguide.resolution.Letter;
import callguide.resolution.ProcessFlow;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** A draft of each letter a case has issued, with the case's fields filled in, for the letters system to send. */
public final class LetterDrafts {
    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+");

    public record Draft(String code, String title, LocalDate on, String move, List<String> lines) {}

    private LetterDrafts() {}

    public static List<Draft> of(ProcessFlow flow, CaseRecord c, List<CaseEvent> events) {
        List<Draft> out = new ArrayList<>();
        for (CaseEvent e : events) {
            if (!"moved".equals(e.type())) continue;
            for (String code : e.letters()) out.add(draft(flow.letters().get(code), c, e, e.fields()));
        }
        return out;
    }

    static Draft draft(Letter l, CaseRecord c, CaseEvent e, Map<String, String> fields) {
        List<String> lines = new ArrayList<>();
        lines.add("DRAFT for the letters system: Callguide does not send letters.");
        lines.add(l.code() + " " + l.title());
        lines.add("Why: " + l.purpose());
        l.choices().forEach((heading, paragraphs) -> paragraphs.keySet().stream().filter(fields::containsValue)
                .forEach(p -> lines.add("Paragraph (" + heading.replace('_', ' ') + "): " + p + ", " + paragraphs.get(p))));
        if (l.freeText() != null) lines.add("Free text to write: " + l.freeText());
        if (fields.containsKey("free_text")) lines.add("Free text: " + safe(fields.get("free_text")));
        if (!l.with().isEmpty()) lines.add("Send with: " + String.join(", ", l.with()));
        if (c.state().facts().containsKey("sr_number")) lines.add("Complaint Resolution SR: " + safe(c.state().facts().get("sr_number")));
        lines.add("Complaint received " + c.receivedOn() + "; letter issued " + e.on() + ".");
        return new Draft(l.code(), l.title(), e.on(), e.move(), List.copyOf(lines));
    }

    /** Never an address in a letter: the internal mailboxes must not reach a client. */
    static String safe(String text) {
        return EMAIL.matcher(text).replaceAll("[address removed: letters never carry an email address]");
    }
}
