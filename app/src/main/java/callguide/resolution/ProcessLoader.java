package callguide.resolution;

import callguide.flow.FlowLoader;
import callguide.flow.FlowProblem;
import callguide.flow.InvalidFlow;
import callguide.flow.Terms;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns a process flow file (`kind: process`) into a {@link ProcessFlow}, then validates it. */
public final class ProcessLoader {
    public static final String KIND = "process";
    private static final ObjectReader YAML = new ObjectMapper(new YAMLFactory()).reader()
            .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .with(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS);
    /** Moves that name no roles are the CRT's: caseworkers and team leaders alike. */
    static final List<String> CRT = List.of("resolution_caseworker", "resolution_team_leader");
    private static final Terms VALUES = Terms.regional(false);
    /** What the engine compares or follows rather than shows: never in a region's words. */
    private static final java.util.Set<String> COMPARED = java.util.Set.of("id", "kind", "start", "to", "when", "sets", "raises", "required_when",
            "roles", "after", "clock", "flag", "resolution_code", "resolution_codes", "file", "heading", "step");
    private static final java.util.Set<String> FIELD_KEYS = java.util.Set.of("label", "kind", "options", "suggestions", "optional", "required_when");

    private ProcessLoader() {}

    /** The flow file's kind: "process", or "intake" when it names none (intake files came first). */
    public static String kind(String text) {
        try {
            JsonNode root = YAML.readTree(text);
            return root != null && root.hasNonNull("kind") ? root.get("kind").asText() : "intake";
        } catch (Exception e) {
            return "intake"; // the intake loader reports what is wrong with it
        }
    }

    /** The flow in Great Britain's terms. */
    public static ProcessFlow load(String file, String text) {
        return load(file, text, Terms.regional(false));
    }

    /** The flow with its words in braces ({MP}, {CMG}, ...) in the given terms: Northern Ireland's for an NI team's cases. */
    public static ProcessFlow load(String file, String text, Terms terms) {
        Reader r = new Reader(file, terms);
        ProcessFlow flow = r.flow(text);
        List<FlowProblem> problems = new ArrayList<>(r.problems);
        if (problems.isEmpty()) problems.addAll(ProcessValidator.validate(flow));
        if (!problems.isEmpty()) throw new InvalidFlow(problems);
        return flow;
    }

    private static final class Reader {
        final String file;
        final Terms terms;
        final List<FlowProblem> problems = new ArrayList<>();
        final Map<String, String> documents = new LinkedHashMap<>();
        String node;

        Reader(String file, Terms terms) {
            this.file = file;
            this.terms = terms;
        }

        ProcessFlow flow(String text) {
            JsonNode root;
            try {
                root = YAML.readTree(text);
            } catch (Exception e) {
                problem("not valid YAML: " + e.getMessage());
                return null;
            }
            if (root == null || !root.isObject()) {
                problem("a flow file must be a YAML mapping");
                return null;
            }
            fill(root);
            if (!KIND.equals(text(root, "kind"))) problem("a process flow says kind: process");
            node = "documents";
            // Read first, so every citation below carries its document's name.
            if (root.has("documents") && !root.get("documents").isObject()) problem("documents must map each procedure file name to the document's name");
            root.path("documents").fields().forEachRemaining(e -> {
                if (e.getValue().isTextual() && !e.getValue().asText().isBlank()) documents.put(e.getKey(), e.getValue().asText().strip());
                else problem("the name of " + e.getKey() + " must be words");
            });
            node = null;
            Map<String, ClockRule> clocks = new LinkedHashMap<>();
            root.path("clocks").fields().forEachRemaining(e -> clocks.put(e.getKey(), clock(e.getKey(), e.getValue())));
            Map<String, Letter> letters = new LinkedHashMap<>();
            root.path("letters").fields().forEachRemaining(e -> letters.put(e.getKey(), letter(e.getKey(), e.getValue())));
            node = "closure_notice";
            JsonNode cn = root.path("closure_notice");
            ClosureNotice notice = cn.isMissingNode() ? null
                    : new ClosureNotice(required(cn, "flag"), fields(cn.path("fields")), required(cn, "task"), sources(cn));
            Map<String, JsonNode> common = new LinkedHashMap<>();
            root.path("common_moves").fields().forEachRemaining(e -> common.put(e.getKey(), e.getValue()));
            Map<String, Stage> stages = new LinkedHashMap<>();
            root.path("stages").fields().forEachRemaining(e -> stages.put(e.getKey(), stage(e.getKey(), e.getValue(), common)));
            node = null;
            Map<String, String> roles = new LinkedHashMap<>();
            root.path("roles").fields().forEachRemaining(e -> roles.put(e.getKey(), e.getValue().asText()));
            return new ProcessFlow(required(root, "id"), FlowLoader.version(text), required(root, "title"),
                    text(root, "description"), required(root, "start"), Collections.unmodifiableMap(roles),
                    Collections.unmodifiableMap(clocks), strings(root, "resolution_codes"), Collections.unmodifiableMap(letters),
                    strings(root, "parliamentary_tasks"), sources(root.path("parliamentary_sources")), notice,
                    Collections.unmodifiableMap(stages), file, Collections.unmodifiableMap(documents));
        }

        /**
         * Every text in the flow's terms. What the engine compares (conditions, facts set, stage ids, keys) is never
         * filled, and words in braces there are refused, so both regions' flows match move for move; a choice's values
         * stay in Great Britain's terms (see fields()), so the API takes the same values for every case.
         */
        void fill(JsonNode n) {
            if (n.isObject()) {
                ObjectNode o = (ObjectNode) n;
                o.fields().forEachRemaining(e -> {
                    String key = e.getKey();
                    if (Terms.PLACEHOLDER.matcher(key).find()) problem("words in braces are for text, not for a key: " + key);
                    if (key.equals("options")) return; // values and labels both: see fields()
                    if (COMPARED.contains(key)) {
                        if (Terms.PLACEHOLDER.matcher(e.getValue().toString()).find()) problem("words in braces are for text, not for " + key + ": " + e.getValue());
                    } else if (e.getValue().isTextual()) {
                        o.put(key, words(e.getValue().asText(), terms));
                    } else {
                        fill(e.getValue());
                    }
                });
            } else if (n.isArray()) {
                ArrayNode a = (ArrayNode) n;
                for (int i = 0; i < a.size(); i++) {
                    if (a.get(i).isTextual()) a.set(i, a.textNode(words(a.get(i).asText(), terms)));
                    else fill(a.get(i));
                }
            }
        }

        private String words(String text, Terms terms) {
            try {
                return terms.say(text);
            } catch (IllegalStateException e) {
                problem(e.getMessage() + ": " + text);
                return text;
            }
        }

        ClockRule clock(String name, JsonNode n) {
            node = "clocks." + name;
            ClockRule.From from;
            try {
                from = ClockRule.From.valueOf(required(n, "from"));
            } catch (IllegalArgumentException | NullPointerException e) {
                problem("from must be received, move or field");
                from = ClockRule.From.move;
            }
            if (from != ClockRule.From.field && n.path("days").asInt(-1) < 0) problem("needs a whole number of days");
            if (from == ClockRule.From.field && text(n, "field") == null) problem("a clock from a field names the field");
            return new ClockRule(name, required(n, "title"), from, n.path("days").asInt(0), text(n, "field"));
        }

        Letter letter(String code, JsonNode n) {
            node = "letters." + code;
            Map<String, Map<String, String>> choices = new LinkedHashMap<>();
            n.path("choices").fields().forEachRemaining(e -> {
                Map<String, String> paragraphs = new LinkedHashMap<>();
                e.getValue().fields().forEachRemaining(p -> paragraphs.put(p.getKey(), p.getValue().asText()));
                choices.put(e.getKey(), Collections.unmodifiableMap(paragraphs));
            });
            return new Letter(code, required(n, "title"), required(n, "purpose"), text(n, "free_text"),
                    Collections.unmodifiableMap(choices), strings(n, "with"));
        }

        Stage stage(String id, JsonNode n, Map<String, JsonNode> common) {
            node = id;
            boolean closes = n.path("closes").asBoolean(false);
            String waiting = text(n, "waiting");
            if (waiting != null && !List.of("client", "bau").contains(waiting)) problem("waiting must be client or bau");
            Map<String, Move> moves = new LinkedHashMap<>();
            n.path("moves").fields().forEachRemaining(e -> moves.put(e.getKey(), move(id, e.getKey(), e.getValue(), false)));
            if (!closes) {
                common.forEach((mid, m) -> {
                    if (moves.containsKey(mid)) problem("move '" + mid + "' is also a common move");
                    moves.put(mid, move(id, mid, m, true));
                });
            }
            node = id;
            return new Stage(id, required(n, "title"), closes, waiting, sources(n), Collections.unmodifiableMap(moves));
        }

        Move move(String stage, String id, JsonNode n, boolean common) {
            node = stage + "." + id;
            String to = common ? stage : required(n, "to");
            List<String> roles = n.has("roles") ? strings(n, "roles") : CRT;
            List<Map<String, String>> when = new ArrayList<>();
            n.path("when").forEach(alt -> when.add(pairs(alt)));
            JsonNode c = n.path("clock");
            ClockChange clock = c.isMissingNode() ? ClockChange.NONE : new ClockChange(strings(c, "start"), strings(c, "stop"));
            return new Move(id, required(n, "title"), to, roles, text(n, "recorded_for"), fields(n.path("fields")),
                    List.copyOf(when), pairs(n.path("sets")), pairs(n.path("raises")), pairs(n.path("sr")), strings(n, "tasks"), strings(n, "letters"),
                    clock, text(n, "resolution_code"), text(n, "after"), text(n, "caseworker_chooses"), sources(n), common);
        }

        List<Field> fields(JsonNode n) {
            List<Field> out = new ArrayList<>();
            n.fields().forEachRemaining(e -> {
                JsonNode f = e.getValue();
                // An unquoted comma inside `{label: ...}` ends the label and starts a key of its own: refused, not dropped.
                f.fieldNames().forEachRemaining(k -> {
                    if (!FIELD_KEYS.contains(k)) problem("field " + e.getKey() + ": unknown key '" + k + "' (quote a label or option that has a comma)");
                });
                Field.Kind kind;
                try {
                    kind = Field.Kind.valueOf(f.hasNonNull("kind") ? f.get("kind").asText() : "text");
                } catch (IllegalArgumentException ex) {
                    problem("field " + e.getKey() + ": kind must be one of " + List.of(Field.Kind.values()));
                    kind = Field.Kind.text;
                }
                if (kind == Field.Kind.choice && strings(f, "options").isEmpty()) problem("field " + e.getKey() + " needs options");
                Map<String, String> requiredWhen = pairs(f.path("required_when"));
                boolean optional = f.path("optional").asBoolean(false);
                if (!requiredWhen.isEmpty() && !optional) problem("field " + e.getKey() + ": required_when is for an optional field");
                List<String> options = strings(f, "options");
                out.add(new Field(e.getKey(), required(f, "label"), kind, options.stream().map(o -> words(o, VALUES)).toList(),
                        options.stream().map(o -> words(o, terms)).toList(), strings(f, "suggestions"),
                        optional, requiredWhen));
            });
            out.forEach(f -> f.requiredWhen().keySet().stream().filter(k -> out.stream().noneMatch(o -> o.id().equals(k)))
                    .forEach(k -> problem("field " + f.id() + ": required_when names '" + k + "', not a field of this move")));
            return List.copyOf(out);
        }

        List<Citation> sources(JsonNode n) {
            List<Citation> out = new ArrayList<>();
            n.path("sources").forEach(s -> out.add(citation(s)));
            if (n.isArray()) n.forEach(s -> out.add(citation(s)));
            return List.copyOf(out);
        }

        Citation citation(JsonNode s) {
            String file = required(s, "file");
            return new Citation(file, required(s, "heading"), s.hasNonNull("step") ? s.get("step").asInt() : null,
                    text(s, "note"), documents.get(file));
        }

        static Map<String, String> pairs(JsonNode n) {
            Map<String, String> out = new LinkedHashMap<>();
            n.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
            return Collections.unmodifiableMap(out);
        }

        static List<String> strings(JsonNode n, String field) {
            List<String> out = new ArrayList<>();
            JsonNode v = n.path(field);
            if (v.isTextual()) out.add(v.asText().strip());
            else v.forEach(s -> out.add(s.asText().strip()));
            return List.copyOf(out);
        }

        String required(JsonNode n, String field) {
            String v = text(n, field);
            if (v == null || v.isBlank()) problem("missing " + field);
            return v;
        }

        static String text(JsonNode n, String field) {
            JsonNode v = n.get(field);
            return v == null || v.isNull() ? null : v.asText().strip();
        }

        void problem(String message) {
            problems.add(new FlowProblem(file, node, message));
        }
    }
}
