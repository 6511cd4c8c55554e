package callguide.resolution;

import callguide.flow.FlowProblem;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a process flow before it may be used: every move goes somewhere, every stage is reachable, every
 * open stage can reach a closure, every move and stage cites a source, every letter, clock, role and
 * resolution code a move names is declared, and no letter carries an address.
 */
public final class ProcessValidator {
    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+");

    private ProcessValidator() {}

    public static List<FlowProblem> validate(ProcessFlow flow) {
        List<FlowProblem> problems = new ArrayList<>();
        Check c = new Check(flow, problems);
        if (flow.stage(flow.start()) == null) c.add(null, "start names no stage: " + flow.start());
        flow.stages().values().forEach(c::stage);
        flow.letters().values().forEach(c::letter);
        if (flow.stages().values().stream().noneMatch(Stage::closes)) c.add(null, "no stage closes the complaint");
        // Staff read each source by its document's name, so the flow must name every file it cites.
        if (!flow.documents().isEmpty()) flow.citations().stream().map(Citation::file).filter(f -> f != null && !flow.documents().containsKey(f)).distinct()
                .forEach(f -> c.add("documents", "cites " + f + ", which documents does not name"));
        if (problems.isEmpty()) c.reachability();
        return problems;
    }

    private record Check(ProcessFlow flow, List<FlowProblem> problems) {
        void add(String node, String message) {
            problems.add(new FlowProblem(flow.file(), node, message));
        }

        void stage(Stage s) {
            if (s.sources().isEmpty()) add(s.id(), "has no sources");
            s.moves().values().forEach(m -> move(s, m));
        }

        void move(Stage s, Move m) {
            String node = s.id() + "." + m.id();
            if (flow.stage(m.to()) == null) add(node, "moves to nowhere: no stage '" + m.to() + "'");
            if (m.sources().isEmpty()) add(node, "has no sources");
            if (m.roles().isEmpty()) add(node, "names no role");
            m.roles().stream().filter(r -> !flow.roles().containsKey(r)).forEach(r -> add(node, "unknown role " + r));
            m.letters().stream().filter(l -> !flow.letters().containsKey(l)).forEach(l -> add(node, "unknown letter " + l));
            List<String> clocks = new ArrayList<>(m.clock().start());
            clocks.addAll(m.clock().stop());
            if (m.after() != null) clocks.add(m.after());
            clocks.stream().filter(k -> !flow.clocks().containsKey(k)).forEach(k -> add(node, "unknown clock " + k));
            code(node, m.resolutionCode());
            code(node, m.sr().get("Resolution Code"));
            m.raises().forEach((fact, field) -> {
                if (m.field(field) == null) add(node, "raises " + fact + " from " + field + ", not a field of this move");
                if (!CaseEngine.FLAGS.contains(fact)) add(node, "raises " + fact + ", which is not one of the case's flags " + CaseEngine.FLAGS);
            });
            boolean chosen = m.fields().stream().anyMatch(f -> f.kind() == Field.Kind.code);
            if (chosen && m.caseworkerChooses() == null) add(node, "a code the caseworker chooses needs caseworker_chooses to say why");
            if (chosen && m.resolutionCode() != null) add(node, "has both a resolution code and a code to choose");
            for (String k : m.clock().start()) {
                ClockRule rule = flow.clocks().get(k);
                if (rule != null && rule.from() == ClockRule.From.field && m.field(rule.field()) == null) {
                    add(node, "starts clock " + k + " without its field " + rule.field());
                }
            }
        }

        void code(String node, String code) {
            if (code != null && !flow.resolutionCodes().contains(code)) add(node, "resolution code '" + code + "' is not one 002 gives");
        }

        void letter(Letter l) {
            String text = String.join(" ", l.title(), l.purpose(), String.valueOf(l.freeText()), l.choices().toString());
            if (EMAIL.matcher(text).find()) add("letters." + l.code(), "a letter must never carry an address");
            l.with().stream().filter(w -> !flow.letters().containsKey(w)).forEach(w -> add("letters." + l.code(), "unknown letter " + w));
        }

        void reachability() {
            Set<String> reached = walk(flow.start());
            flow.stages().keySet().stream().filter(s -> !reached.contains(s)).forEach(s -> add(s, "unreachable from " + flow.start()));
            for (Stage s : flow.stages().values()) {
                if (!s.closes() && walk(s.id()).stream().noneMatch(id -> flow.stage(id).closes())) {
                    add(s.id(), "cannot reach a closure");
                }
            }
        }

        Set<String> walk(String from) {
            Set<String> seen = new HashSet<>();
            Deque<String> todo = new ArrayDeque<>(List.of(from));
            while (!todo.isEmpty()) {
                String id = todo.pop();
                if (!seen.add(id)) continue;
                for (Move m : flow.stage(id).moves().values()) todo.push(m.to());
            }
            return seen;
        }
    }

}
