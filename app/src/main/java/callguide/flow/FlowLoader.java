package callguide.flow;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** Turns a flow file's text into a {@link Flow}, then validates it; every problem names file and node. */
public final class FlowLoader {
    /**
     * Yes/No/On/Off are read as the words they are (an option labelled No shows "No", and an unquoted
     * yes in a `when` means the option yes); a repeated key is an error, not a silent replacement.
     */
    private static final ObjectReader YAML = new ObjectMapper(new YAMLFactory()).reader()
            .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .with(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS);

    private final Vocabulary vocabulary;

    public FlowLoader(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    public Flow load(String file, String text) {
        return load(file, text, true, Map.of());
    }

    /** A version stored for the calls pinned to it: sound, though its layout may predate today's rules. */
    public Flow loadStored(String file, String text) {
        return loadStored(file, text, Map.of());
    }

    /**
     * As {@link #loadStored(String, String)}; {@code names} name the documents it cites and does not name
     * itself (a version stored before flows named their documents), by file name.
     */
    public Flow loadStored(String file, String text, Map<String, String> names) {
        return load(file, text, false, names);
    }

    private Flow load(String file, String text, boolean inService, Map<String, String> names) {
        Reader r = new Reader(file, names);
        Flow flow = r.flow(text);
        List<FlowProblem> problems = new ArrayList<>(r.problems);
        if (problems.isEmpty()) problems.addAll(new FlowValidator(vocabulary, inService).validate(flow));
        if (!problems.isEmpty()) throw new InvalidFlow(problems);
        return flow;
    }

    /** The flow's text as a JSON tree, as the API shows it. */
    public static JsonNode tree(String text) {
        try {
            return YAML.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException("not YAML: " + e.getMessage(), e);
        }
    }

    public static String version(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class Reader {
        final String file;
        final List<FlowProblem> problems = new ArrayList<>();
        final Map<String, String> documents = new LinkedHashMap<>();
        String node;

        Reader(String file, Map<String, String> names) {
            this.file = file;
            this.documents.putAll(names);
        }

        Flow flow(String text) {
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
            documents(root.get("documents"));
            Map<String, Question> questions = new LinkedHashMap<>();
            root.path("questions").fields().forEachRemaining(e -> questions.put(e.getKey(), question(e.getKey(), e.getValue())));
            Map<String, Outcomes.Node> outcomes = new LinkedHashMap<>();
            root.path("outcomes").fields().forEachRemaining(e -> outcomes.put(e.getKey(), outcome(e.getKey(), e.getValue())));
            List<Outcomes.FlagRule> flags = new ArrayList<>();
            root.path("flags").fields().forEachRemaining(e -> flags.add(flag(e.getKey(), e.getValue())));
            node = null;
            for (String id : questions.keySet()) {
                if (outcomes.containsKey(id)) problems.add(new FlowProblem(file, id, "used as both a question and an outcome"));
            }
            return new Flow(required(root, "id"), version(text), required(root, "title"), text(root, "description"),
                    required(root, "start"), Map.copyOf(questions), Map.copyOf(outcomes), List.copyOf(flags), file,
                    Collections.unmodifiableMap(documents));
        }

        /** The documents' names by file name; read first, so every source below can carry its document's name. */
        void documents(JsonNode n) {
            if (n == null || n.isNull()) return;
            node = "documents";
            if (!n.isObject()) problem("documents must map each procedure file name to the document's name");
            n.fields().forEachRemaining(e -> {
                if (!e.getValue().isTextual() || e.getValue().asText().isBlank()) {
                    problem("the name of " + e.getKey() + " must be words");
                } else {
                    documents.put(e.getKey(), e.getValue().asText().strip());
                }
            });
            node = null;
        }

        Question question(String id, JsonNode n) {
            node = id;
            Question.Kind kind = "date".equals(text(n, "kind")) ? Question.Kind.date : Question.Kind.choice;
            if (n.has("kind") && !List.of("date", "choice").contains(text(n, "kind"))) problem("kind must be choice or date");
            List<Option> options = new ArrayList<>();
            n.path("options").fields().forEachRemaining(e -> options.add(new Option(e.getKey(), e.getValue().asText())));
            if (kind == Question.Kind.choice && options.isEmpty()) problem("a choice question needs options");
            Next next = next(n.get("next"));
            return new Question(id, kind, required(n, "prompt"), text(n, "help"), List.copyOf(options),
                    n.path("optional").asBoolean(false), text(n, "empty_label"), sources(n), next);
        }

        Next next(JsonNode n) {
            if (n == null || n.isNull()) {
                problem("has no next: every question must lead somewhere");
                return new Next(List.of());
            }
            if (n.isTextual()) return Next.to(n.asText());
            List<Next.Branch> branches = new ArrayList<>();
            for (JsonNode b : n) {
                String target = text(b, "goto");
                if (target == null) problem("a branch needs goto");
                branches.add(new Next.Branch(b.has("when") ? condition(b.get("when")) : null, target));
            }
            return new Next(List.copyOf(branches));
        }

        Condition condition(JsonNode n) {
            if (!n.isObject() || n.isEmpty()) {
                problem("a condition is a mapping of facts to tests");
                return new Condition.All(List.of());
            }
            List<Condition> parts = new ArrayList<>();
            n.fields().forEachRemaining(e -> {
                if (e.getKey().equals("any")) {
                    List<Condition> any = new ArrayList<>();
                    e.getValue().forEach(c -> any.add(condition(c)));
                    parts.add(new Condition.AnyOf(List.copyOf(any)));
                } else {
                    parts.add(test(e.getKey(), e.getValue()));
                }
            });
            return parts.size() == 1 ? parts.get(0) : new Condition.All(List.copyOf(parts));
        }

        Condition test(String fact, JsonNode v) {
            if (v.isTextual()) return new Condition.OneOf(fact, java.util.Set.of(v.asText()));
            if (v.isArray()) {
                LinkedHashSet<String> values = new LinkedHashSet<>();
                v.forEach(x -> values.add(x.asText()));
                return new Condition.OneOf(fact, java.util.Set.copyOf(values));
            }
            if (v.isObject() && v.size() == 1) {
                var e = v.fields().next();
                try {
                    Condition.DateTest.Test test = Condition.DateTest.Test.valueOf(e.getKey());
                    JsonNode arg = e.getValue();
                    // anything else here used to become a different test silently ('yes' -> not_empty, 'x' -> 0 months)
                    boolean onOff = test == Condition.DateTest.Test.empty || test == Condition.DateTest.Test.not_empty;
                    if (onOff ? !arg.isBoolean()
                            : test == Condition.DateTest.Test.more_than_months_ago && !(arg.isIntegralNumber() && arg.asInt() >= 0)) {
                        problem(test + " on " + fact + " takes " + (onOff ? "true or false, unquoted" : "a whole number of months") + ": " + v);
                        return new Condition.OneOf(fact, java.util.Set.of());
                    }
                    return switch (test) {
                        case empty, not_empty -> new Condition.DateTest(fact, (test == Condition.DateTest.Test.empty) == arg.asBoolean()
                                ? Condition.DateTest.Test.empty : Condition.DateTest.Test.not_empty, null, 0);
                        case before, on_or_after -> new Condition.DateTest(fact, test, LocalDate.parse(arg.asText()), 0);
                        case more_than_months_ago -> new Condition.DateTest(fact, test, null, arg.asInt());
                    };
                } catch (IllegalArgumentException | DateTimeParseException ex) {
                    problem("unknown date test on " + fact + ": " + v);
                }
            } else {
                problem("unreadable test on " + fact + ": " + v + " (false/true/yes/no must be quoted)");
            }
            return new Condition.OneOf(fact, java.util.Set.of());
        }

        Outcomes.Node outcome(String id, JsonNode n) {
            node = id;
            JsonNode sr = n.get("service_request");
            Outcomes.ServiceRequest serviceRequest = sr == null ? null : new Outcomes.ServiceRequest(
                    required(sr, "name"), text(sr, "process"), text(sr, "area"), text(sr, "sub_area"));
            List<Outcomes.Letter> letters = new ArrayList<>();
            n.path("letters").forEach(l -> letters.add(new Outcomes.Letter(required(l, "code"), text(l, "title"), text(l, "when"))));
            List<Outcomes.DeadlineRule> deadlines = new ArrayList<>();
            n.path("deadlines").forEach(d -> deadlines.add(deadline(d)));
            return new Outcomes.Node(id, required(n, "code"), required(n, "title"), strings(n, "actions"), text(n, "say"),
                    strings(n, "internal"), serviceRequest, List.copyOf(letters), List.copyOf(deadlines), sources(n));
        }

        Outcomes.DeadlineRule deadline(JsonNode d) {
            String name = required(d, "name");
            if (d.has("working_days") == d.has("calendar_days")) {
                problem("deadline '" + name + "' needs exactly one of working_days or calendar_days");
                return new Outcomes.DeadlineRule(name, 0, true);
            }
            boolean working = d.has("working_days");
            int days = d.path(working ? "working_days" : "calendar_days").asInt(-1);
            if (days < 0) problem("deadline '" + name + "' needs a whole number of days");
            return new Outcomes.DeadlineRule(name, days, working);
        }

        Outcomes.FlagRule flag(String id, JsonNode n) {
            node = "flags." + id;
            Condition when = n.has("when") ? condition(n.get("when")) : null;
            if (when == null) problem("a flag needs a when");
            return new Outcomes.FlagRule(id, text(n, "title"), when, strings(n, "actions"), text(n, "say"), strings(n, "internal"),
                    sources(n));
        }

        List<Source> sources(JsonNode n) {
            List<Source> out = new ArrayList<>();
            n.path("sources").forEach(s -> {
                String file = required(s, "file");
                out.add(new Source(file, required(s, "heading"), s.has("step") ? s.get("step").asInt() : null, text(s, "quote"),
                        file == null ? null : documents.getOrDefault(file, file)));
            });
            return List.copyOf(out);
        }

        List<String> strings(JsonNode n, String field) {
            List<String> out = new ArrayList<>();
            n.path(field).forEach(s -> out.add(s.asText().strip()));
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
