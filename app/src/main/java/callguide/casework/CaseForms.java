package callguide.casework;

import callguide.resolution.CaseEngine;
import callguide.resolution.CaseState;
import callguide.resolution.ClockRule;
import callguide.resolution.Field;
import callguide.resolution.Move;
import callguide.resolution.ProcessFlow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Each move the case offers, as a form: its fields, the SR values and tasks to confirm, letters, clocks and sources. */
public final class CaseForms {
    public record Input(String id, String name, String label, String kind, List<String> options, List<String> optionLabels, List<String> suggestions,
                        boolean optional, String value, String error) {}

    /** {@code leadsTo}: the title of the stage the move takes the case to, so the caseworker knows where it goes next. */
    public record MoveForm(String id, String title, String leadsTo, String recordedFor, boolean teamLeaderOnly, List<Input> inputs,
                           List<String> checks, List<String> letters, String clock, String resolutionCode, String chooses,
                           String sources, boolean open, String checksError) {}

    private CaseForms() {}

    public static List<MoveForm> forms(CaseEngine engine, CaseState s, String openMove, Map<String, String> typed,
                                       Map<String, String> errors) {
        List<MoveForm> out = new ArrayList<>();
        for (Move m : engine.offered(s)) {
            boolean open = m.id().equals(openMove);
            List<Input> inputs = engine.fields(s, m).stream().map(f -> input(engine.flow(), f,
                    open ? typed.get(f.id()) : null, open ? errors.get(f.id()) : null)).toList();
            out.add(new MoveForm(m.id(), m.title(), engine.flow().stage(m.to()).title(), m.recordedFor(), m.roles().equals(List.of("resolution_team_leader")),
                    inputs, checks(engine, s, m), m.letters().stream().map(l -> l + " " + engine.flow().letters().get(l).title()).toList(),
                    clock(engine.flow(), m), m.resolutionCode(), m.caseworkerChooses(), sources(m), open,
                    open ? errors.get("done") : null));
        }
        return out;
    }

    /** What the caseworker confirms: each SR value to set in the 2012 system, and each task elsewhere. */
    static List<String> checks(CaseEngine engine, CaseState s, Move m) {
        List<String> out = new ArrayList<>();
        m.sr().forEach((k, v) -> out.add("SR " + k + ": " + v));
        out.addAll(m.tasks());
        if (s.fact("parliamentary")) out.addAll(engine.flow().parliamentaryTasks());
        if (engine.raisesNotice(s, m)) out.add(engine.flow().closureNotice().task());
        return out;
    }

    static Input input(ProcessFlow flow, Field f, String value, String error) {
        List<String> options = f.kind() == Field.Kind.code ? flow.resolutionCodes() : f.options();
        List<String> labels = f.kind() == Field.Kind.code ? flow.resolutionCodes() : f.optionLabels();
        // A field needed in some cases says when in its label, so it is not marked "(optional)".
        return new Input(f.id(), "f_" + f.id(), f.label(), f.kind().name(), options, labels, f.suggestions(),
                f.optional() && f.requiredWhen().isEmpty(), value, error);
    }

    static String clock(ProcessFlow flow, Move m) {
        List<String> parts = new ArrayList<>();
        m.clock().start().forEach(k -> parts.add("starts: " + title(flow, k)));
        m.clock().stop().forEach(k -> parts.add("stops: " + title(flow, k)));
        if (m.after() != null) parts.add("only once this has run out: " + title(flow, m.after()));
        return parts.isEmpty() ? null : String.join("; ", parts);
    }

    private static String title(ProcessFlow flow, String clock) {
        ClockRule r = flow.clocks().get(clock);
        return r == null ? clock : r.title();
    }

    /** By document: its name, then each heading and step cited in it. */
    static String sources(Move m) {
        Map<String, List<String>> byDocument = new LinkedHashMap<>();
        m.sources().forEach(c -> byDocument.computeIfAbsent(c.name(), k -> new ArrayList<>()).add("\"" + c.heading() + "\""
                + (c.step() == null ? "" : " step " + c.step()) + (c.note() == null ? "" : " (" + c.note() + ")")));
        return String.join(". ", byDocument.entrySet().stream().map(e -> e.getKey() + ", " + String.join("; ", e.getValue())).toList());
    }
}
