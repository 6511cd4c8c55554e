package callguide.review;

import callguide.flow.Flow;
import callguide.flow.Outcomes;
import callguide.flow.Question;
import callguide.flow.Renderer;
import java.util.Locale;
import java.util.Map;

/** Outcome codes and question ids in the words people read, from the current flow (Great Britain terms). */
public final class Titles {
    private final Flow flow;
    private final Renderer renderer;

    public Titles(Flow flow, Renderer renderer) {
        this.flow = flow;
        this.renderer = renderer;
    }

    /** The outcome's title, e.g. "Raise a formal complaint" for RAISE_COMPLAINT; the code in words if unknown. */
    public String outcome(String code) {
        if (code == null) return "";
        if (flow != null) {
            for (Outcomes.Node n : flow.outcomes().values()) {
                if (n.code().equals(code)) return renderer.terms(Map.of()).say(n.title());
            }
        }
        return words(code);
    }

    /** The question as asked, e.g. "Who is complaining?" for caller. */
    public String question(String id) {
        if (id == null) return "";
        Question q = flow == null ? null : flow.questions().get(id);
        return q == null ? words(id) : renderer.step(q, Map.of()).prompt();
    }

    /** A code or id in words, e.g. PARLIAMENTARY_CONTACT as "Parliamentary contact". */
    public static String words(String code) {
        if (code == null || code.isBlank()) return "";
        String w = code.replace('_', ' ').replace('-', ' ').toLowerCase(Locale.UK).strip();
        return Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }
}
