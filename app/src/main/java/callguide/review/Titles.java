package callguide.review;

import callguide.flow.Flow;
import callguide.flow.Outcomes;
import callguide.flow.Question;
import callguide.flow.Renderer;
import callguide.flow.Terms;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Outcome codes, flags and question ids in the words people read, from the current flow, in both regions' words. */
public final class Titles {
    /**
     * A name for each outcome code whose outcomes have different titles, true of every one of them (the meaning the
     * intake vocabulary gives the code): one outcome's title would mislabel the calls that reached the others.
     */
    static final Map<String, String> SHARED_CODES = Map.of(
            "REFER_RESOLUTION_TEAM", "Refer to the Complaints Resolution Team",
            "STAFF_CONDUCT_CONFIDENTIAL", "Staff conduct complaint - record nothing on the system");

    private final Flow flow;
    private final Renderer renderer;
    private final Map<String, String> codes = new HashMap<>();
    private final Map<String, String> flags = new HashMap<>();

    public Titles(Flow flow, Renderer renderer) {
        this.flow = flow;
        this.renderer = renderer;
        if (flow == null) return;
        // A list by code covers calls from both regions, so its names use both regions' words.
        Terms terms = renderer.bothRegions();
        Map<String, Set<String>> byCode = new HashMap<>();
        for (Outcomes.Node n : flow.outcomes().values()) {
            byCode.computeIfAbsent(n.code(), c -> new LinkedHashSet<>()).add(terms.say(n.title()));
        }
        byCode.forEach((code, titles) -> codes.put(code, titles.size() == 1 ? titles.iterator().next()
                : SHARED_CODES.getOrDefault(code, words(code))));
        for (Outcomes.FlagRule f : flow.flags()) {
            if (f.title() != null) flags.put(f.id(), terms.say(f.title()));
        }
    }

    /**
     * What every call with this outcome code was told to do, for lists that group or filter by code: the title its
     * outcomes share, else the code's own name; the code in words if unknown.
     */
    public String outcome(String code) {
        if (code == null) return "";
        return codes.getOrDefault(code, words(code));
    }

    /** The outcome's title as the handler saw it on this call, in its region's terms; by its code if it was kept without one. */
    public String outcomeOf(CallRow call) {
        if (call.outcomeTitle() != null && !call.outcomeTitle().isBlank()) return call.outcomeTitle();
        return outcome(call.outcome());
    }

    /** The flag's title, e.g. "Northern Ireland terms" for ni_terms; the id in words if the flow gives none. */
    public String flag(String id) {
        if (id == null) return "";
        return flags.getOrDefault(id, words(id));
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
