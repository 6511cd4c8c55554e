package callguide.resolution;

import callguide.resolution.MoveRefused.Reason;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Opens cases and makes moves on them, by the flow's rules alone: no clock reading, no I/O. */
public final class CaseEngine {
    /** Facts every case starts with, so a `when` on them always has something to test. */
    public static final List<String> FLAGS = List.of("parliamentary", "mp_authenticated", "consolatory_only", "notify_ice_on_closure", "mp_case_query");
    public static final String PLACEHOLDER_STAGE = "placeholder";

    private final ProcessFlow flow;

    public CaseEngine(ProcessFlow flow) {
        this.flow = flow;
    }

    public ProcessFlow flow() {
        return flow;
    }

    /** A new case: a complaint runs both clocks from the date received, an MP's query only the two-day one. */
    public CaseState open(CaseKind kind, LocalDate receivedOn, Map<String, String> facts) {
        if (kind == CaseKind.placeholder) {
            return new CaseState(kind, PLACEHOLDER_STAGE, 1, receivedOn, Map.of(), List.of(), null, List.of(), false);
        }
        Map<String, String> all = new LinkedHashMap<>();
        FLAGS.forEach(f -> all.put(f, "no"));
        all.putAll(facts);
        List<CaseClock> clocks = new ArrayList<>();
        for (String name : kind == CaseKind.complaint ? List.of("acknowledge", "resolve") : List.of("acknowledge")) {
            ClockRule rule = flow.clocks().get(name);
            clocks.add(new CaseClock(name, receivedOn.plusDays(rule.days()), null));
        }
        return new CaseState(kind, flow.start(), 1, receivedOn, Map.copyOf(all), List.copyOf(clocks), null, List.of(), false);
    }

    /** The moves the case's stage offers whose conditions its facts (and the move's own fields) can meet. */
    public List<Move> offered(CaseState s) {
        Stage stage = flow.stage(s.stage());
        if (stage == null) return List.of();
        Map<String, String> known = testable(s, s.facts());
        return stage.moves().values().stream().filter(m -> possible(m, known)).toList();
    }

    /** The fields the move needs on this case: its own, and step 47's on a closure when the case carries the notice. */
    public List<Field> fields(CaseState s, Move m) {
        List<Field> out = new ArrayList<>(m.fields());
        if (raisesNotice(s, m)) {
            flow.closureNotice().fields().stream().filter(f -> m.field(f.id()) == null).forEach(out::add);
        }
        return out;
    }

    public boolean raisesNotice(CaseState s, Move m) {
        ClosureNotice n = flow.closureNotice();
        Stage from = flow.stage(s.stage());
        return n != null && s.fact(n.flag()) && from != null && !from.closes() && flow.stage(m.to()).closes();
    }

    public Moved apply(CaseState s, String moveId, String role, Map<String, String> given, LocalDate on) {
        Stage stage = flow.stage(s.stage());
        Move move = stage == null ? null : stage.moves().get(moveId);
        if (move == null || !possible(move, testable(s, s.facts()))) {
            throw new MoveRefused(Reason.move_not_allowed, "'" + moveId + "' cannot be made from stage '" + s.stage()
                    + "'; the moves now are " + offered(s).stream().map(Move::id).toList());
        }
        if (!move.roles().contains(role)) {
            throw new MoveRefused(Reason.forbidden, "'" + moveId + "' is made by " + move.roles() + ", not " + role);
        }
        Map<String, String> fields = checkFields(s, move, given);
        Map<String, String> facts = new LinkedHashMap<>(s.facts());
        facts.putAll(fields);
        Map<String, String> known = testable(s, facts);
        if (!move.when().isEmpty() && move.when().stream().noneMatch(alt -> holds(alt, known))) {
            throw new MoveRefused(Reason.refused_by_procedure, "the procedure allows '" + moveId + "' only when "
                    + move.when() + " (" + cited(move) + ")");
        }
        facts.putAll(move.sets());
        move.raises().forEach((fact, field) -> {
            if ("yes".equals(fields.get(field))) facts.put(fact, "yes");
        });
        if (move.after() != null) {
            s.clock(move.after()).filter(c -> c.running() && on.isBefore(c.due())).ifPresent(c -> {
                throw new MoveRefused(Reason.too_early, "'" + moveId + "' waits until the " + c.name() + " clock runs out on " + c.due());
            });
        }
        return made(s, move, fields, facts, on);
    }

    private Moved made(CaseState s, Move move, Map<String, String> fields, Map<String, String> facts, LocalDate on) {
        Stage to = flow.stage(move.to());
        boolean notice = raisesNotice(s, move);
        String code = s.resolutionCode();
        if (to.closes() && !flow.stage(s.stage()).closes()) code = move.resolutionCode() != null ? move.resolutionCode() : fields.get("resolution_code");
        List<IssuedLetter> letters = new ArrayList<>(s.letters());
        List<IssuedLetter> issued = move.letters().stream().map(l -> new IssuedLetter(l, on, move.id())).toList();
        letters.addAll(issued);
        List<String> tasks = new ArrayList<>(move.tasks());
        if ("yes".equals(facts.get("parliamentary"))) tasks.addAll(flow.parliamentaryTasks()); // as the move leaves it: step 11 may raise it
        if (notice) tasks.add(flow.closureNotice().task());
        CaseState next = new CaseState(s.kind(), to.id(), s.version() + 1, s.receivedOn(), Map.copyOf(facts),
                clocks(s.clocks(), move, fields, on), code, List.copyOf(letters), s.noticeRaised() || notice);
        return new Moved(next, move, issued, notice, List.copyOf(tasks));
    }

    private List<CaseClock> clocks(List<CaseClock> before, Move move, Map<String, String> fields, LocalDate on) {
        Map<String, CaseClock> clocks = new LinkedHashMap<>();
        before.forEach(c -> clocks.put(c.name(), c));
        for (String name : move.clock().stop()) {
            CaseClock c = clocks.get(name);
            if (c != null && c.running()) clocks.put(name, new CaseClock(name, c.due(), on));
        }
        for (String name : move.clock().start()) {
            ClockRule rule = flow.clocks().get(name);
            LocalDate due = switch (rule.from()) {
                case received -> clocks.containsKey(name) ? clocks.get(name).due() : on.plusDays(rule.days());
                case move -> on.plusDays(rule.days());
                case field -> LocalDate.parse(fields.get(rule.field()));
            };
            clocks.put(name, new CaseClock(name, due, null));
        }
        return List.copyOf(clocks.values());
    }

    private Map<String, String> checkFields(CaseState s, Move move, Map<String, String> given) {
        List<Field> wanted = fields(s, move);
        List<String> missing = new ArrayList<>();
        Map<String, String> out = new LinkedHashMap<>();
        List<String> invalid = new ArrayList<>();
        for (Field f : wanted) {
            String v = given.get(f.id());
            v = v == null ? null : v.strip();
            if (v == null || v.isEmpty()) {
                if (!f.optional() || neededNow(f, given)) missing.add(f.id());
                continue;
            }
            if (f.kind() == Field.Kind.code) v = codeAsWritten(v);
            String problem = problem(f, v);
            if (problem != null) invalid.add(f.id() + " " + problem);
            out.put(f.id(), v);
        }
        if (!missing.isEmpty()) throw new MoveRefused(Reason.fields_missing, "'" + move.id() + "' needs " + missing, missing);
        // After the missing ones: the contract names fields_missing as the last check, so a client fixes those first.
        List<String> unknown = given.keySet().stream().filter(k -> wanted.stream().noneMatch(f -> f.id().equals(k))).toList();
        if (!unknown.isEmpty()) throw new MoveRefused(Reason.fields_invalid, "'" + move.id() + "' takes no fields " + unknown, unknown);
        if (!invalid.isEmpty()) throw new MoveRefused(Reason.fields_invalid, String.join("; ", invalid),
                invalid.stream().map(i -> i.substring(0, i.indexOf(' '))).toList());
        return out;
    }

    /** 002 writes its codes with an en dash ("Actions Complete – Client Ok"); one typed with a hyphen is the same code. */
    private String codeAsWritten(String v) {
        String plain = v.replace('\u2013', '-');
        return flow.resolutionCodes().stream().filter(c -> c.replace('\u2013', '-').equals(plain)).findFirst().orElse(v);
    }

    private String problem(Field f, String v) {
        return switch (f.kind()) {
            case choice -> f.options().contains(v) ? null : "must be one of " + f.options();
            case code -> flow.resolutionCodes().contains(v) ? null : "must be a Resolution Code 002 gives: " + flow.resolutionCodes();
            case date -> {
                try {
                    LocalDate.parse(v);
                    yield null;
                } catch (DateTimeParseException e) {
                    yield "must be a date, YYYY-MM-DD";
                }
            }
            case text, open -> v.length() > 4000 ? "is longer than 4000 characters" : null;
        };
    }

    /** Could a `when` hold: each fact either already holds or is one of the move's own fields, still to be given. */
    private static boolean possible(Move m, Map<String, String> facts) {
        return m.when().isEmpty() || m.when().stream().anyMatch(alt -> alt.entrySet().stream()
                .allMatch(e -> m.field(e.getKey()) != null || e.getValue().equals(facts.get(e.getKey()))));
    }

    /** An optional field the move's other answers make necessary, e.g. the MP's name once an MP is involved (002 step 11). */
    private static boolean neededNow(Field f, Map<String, String> given) {
        return !f.requiredWhen().isEmpty() && f.requiredWhen().entrySet().stream()
                .allMatch(e -> given.get(e.getKey()) != null && e.getValue().equals(given.get(e.getKey()).strip()));
    }

    /** What a `when` can test: the facts, and the case's kind, so a complaint and an MP's query keep to their own tracks. */
    private static Map<String, String> testable(CaseState s, Map<String, String> facts) {
        Map<String, String> all = new LinkedHashMap<>(facts);
        FLAGS.forEach(f -> all.putIfAbsent(f, "no")); // a case opened before a flag was added has never had it
        all.put("kind", s.kind().name());
        return all;
    }

    private static boolean holds(Map<String, String> alt, Map<String, String> facts) {
        return alt.entrySet().stream().allMatch(e -> e.getValue().equals(facts.get(e.getKey())));
    }

    private static String cited(Move m) {
        return m.sources().stream().map(c -> c.file() + " \"" + c.heading() + "\"" + (c.step() == null ? "" : " step " + c.step()))
                .reduce((a, b) -> a + ", " + b).orElse("");
    }

    /** A move made: the case after it, and what it issued and asks the caseworker to do. */
    public record Moved(CaseState state, Move move, List<IssuedLetter> letters, boolean notice, List<String> tasks) {}
}
