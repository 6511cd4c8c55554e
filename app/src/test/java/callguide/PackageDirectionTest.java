package callguide;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Packages depend one way: features on the glue and the domain, never back; nothing depends on the wiring. */
class PackageDirectionTest {
    private static final Path SOURCES = Path.of("src/main/java");
    // An import, or a qualified name in the code, of a class in one of our packages: callguide.<package>.<Class>.
    private static final Pattern USE = Pattern.compile("\\bcallguide\\.((?:[a-z]\\w*\\.)*)([A-Z]\\w*)");
    private static final Set<String> FEATURES = Set.of("guide", "review", "casework", "telephony", "bench", "assist");

    @Test
    void no_two_packages_depend_on_each_other_even_through_others() {
        List<Set<String>> cycles = cycles(dependencies());
        assertEquals(List.of(), cycles, "import cycles between packages");
    }

    @Test
    void nothing_depends_on_the_wiring() {
        dependencies().forEach((from, to) -> assertTrue(from.equals("callguide") || !to.contains("callguide"),
                from + " depends on the root package, which wires everything"));
    }

    @Test
    void the_web_glue_knows_no_feature() {
        Set<String> glue = dependencies().getOrDefault("callguide.web", Set.of());
        for (String feature : FEATURES) {
            assertTrue(!glue.contains("callguide." + feature), "callguide.web depends on callguide." + feature);
        }
    }

    @Test
    void the_engines_know_no_framework_and_no_storage() {
        for (String engine : List.of("flow", "resolution")) {
            for (Path file : javaFiles().filter(f -> f.getParent().endsWith(engine)).toList()) {
                String code = read(file);
                for (String framework : List.of("io.javalin", "org.jdbi", "java.sql", "com.twilio", "dev.langchain4j")) {
                    assertTrue(!code.contains("import " + framework), file + " imports " + framework);
                }
            }
        }
    }

    /** Package to the packages it uses, from each source file's imports and qualified names. */
    static Map<String, Set<String>> dependencies() {
        Map<String, Set<String>> uses = new TreeMap<>();
        javaFiles().forEach(file -> {
            String from = SOURCES.relativize(file.getParent()).toString().replace('/', '.');
            Set<String> to = uses.computeIfAbsent(from, k -> new TreeSet<>());
            String code = read(file).replaceAll("(?m)^package .*$", "");
            Matcher m = USE.matcher(code);
            while (m.find()) {
                String pkg = m.group(1).isEmpty() ? "callguide" : "callguide." + m.group(1).substring(0, m.group(1).length() - 1);
                if (!pkg.equals(from)) to.add(pkg);
            }
        });
        assertTrue(uses.size() > 5, "expected the sources under " + SOURCES.toAbsolutePath());
        return uses;
    }

    /** Strongly connected groups of more than one package (Tarjan). */
    static List<Set<String>> cycles(Map<String, Set<String>> graph) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new TreeSet<>();
        List<Set<String>> found = new ArrayList<>();
        int[] next = {0};
        for (String start : graph.keySet()) {
            if (!index.containsKey(start)) connect(start, graph, index, low, stack, onStack, found, next);
        }
        return found;
    }

    private static void connect(String v, Map<String, Set<String>> graph, Map<String, Integer> index, Map<String, Integer> low,
                                Deque<String> stack, Set<String> onStack, List<Set<String>> found, int[] next) {
        index.put(v, next[0]);
        low.put(v, next[0]++);
        stack.push(v);
        onStack.add(v);
        for (String w : graph.getOrDefault(v, Set.of())) {
            if (!index.containsKey(w)) {
                connect(w, graph, index, low, stack, onStack, found, next);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (onStack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            Set<String> group = new TreeSet<>();
            String w;
            do {
                w = stack.pop();
                onStack.remove(w);
                group.add(w);
            } while (!w.equals(v));
            if (group.size() > 1) found.add(group);
        }
    }

    @Test
    void the_scan_finds_a_cycle_when_there_is_one() {
        assertEquals(List.of(Set.of("a", "b", "c")), cycles(Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"), "d", Set.of("a"))));
    }

    private static Stream<Path> javaFiles() {
        try {
            return Files.walk(SOURCES).filter(f -> f.toString().endsWith(".java")).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
