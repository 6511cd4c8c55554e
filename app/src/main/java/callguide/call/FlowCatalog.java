package callguide.call;

import callguide.flow.Flow;
import callguide.flow.FlowLoader;
import callguide.flow.FlowProblem;
import callguide.flow.IntakeRules;
import callguide.flow.InvalidFlow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The flows in service now, and every version a call was pinned to. Current flows come from a folder
 * (or those bundled in the jar); older versions are read back from the database as stored.
 */
public final class FlowCatalog {
    /** A flow file's text and the flow read from it. */
    public record Entry(Flow flow, String text) {}

    private final FlowLoader loader;
    private final Map<String, Entry> current;
    private final Map<String, Entry> byVersion = new ConcurrentHashMap<>();
    private final FlowVersionDao versions;

    public FlowCatalog(FlowLoader loader, List<Entry> flows, FlowVersionDao versions) {
        this.loader = loader;
        this.versions = versions;
        Map<String, Entry> map = new LinkedHashMap<>();
        for (Entry e : flows) {
            map.put(e.flow().id(), e);
            byVersion.put(key(e.flow().id(), e.flow().version()), e);
            versions.remember(e.flow(), e.text());
        }
        this.current = Map.copyOf(map);
    }

    /** Reads and validates every intake *.yaml in the folder (or, with none given, the flows in the jar). */
    public static List<Entry> read(FlowLoader loader, Path dir) {
        List<Entry> out = new ArrayList<>();
        List<FlowProblem> problems = new ArrayList<>();
        for (Map.Entry<String, String> file : files(dir).entrySet()) {
            // Process flows (kind: process) are not intake flows; their own loader reads them.
            if (!IntakeRules.FLOW.equals(callguide.resolution.ProcessLoader.kind(file.getValue()))) continue;
            try {
                out.add(new Entry(loader.load(file.getKey(), file.getValue()), file.getValue()));
            } catch (InvalidFlow e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) throw new InvalidFlow(problems);
        if (out.isEmpty()) throw new IllegalStateException("no flows (*.yaml) in " + (dir == null ? "the jar" : dir));
        return out;
    }

    /** Every *.yaml in the folder (or in the jar), by file name, whatever its kind. */
    public static Map<String, String> files(Path dir) {
        if (dir != null) return readFolder(dir);
        try {
            URI uri = FlowCatalog.class.getResource("/flows").toURI();
            if (!"jar".equals(uri.getScheme())) return readFolder(Path.of(uri));
            try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                return readFolder(jar.getPath("/flows"));
            }
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot read the bundled flows", e);
        }
    }

    private static Map<String, String> readFolder(Path dir) {
        Map<String, String> out = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                out.put(p.getFileName().toString(), Files.readString(p, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read flows from " + dir, e);
        }
        return out;
    }

    public Collection<Entry> current() {
        return current.values();
    }

    public Optional<Entry> current(String id) {
        return Optional.ofNullable(current.get(id));
    }

    /** The flow exactly as it was at that version, whether or not it is still in service. */
    public Flow version(String id, String version) {
        return byVersion.computeIfAbsent(key(id, version), k -> {
            String text = versions.definition(id, version)
                    .orElseThrow(() -> new IllegalStateException("flow " + id + " version " + version + " was never stored"));
            // A version stored before its flow named its documents borrows the names in service now.
            Map<String, String> names = current(id).map(e -> e.flow().documents()).orElse(Map.of());
            return new Entry(loader.loadStored(id + "@" + version, text, names), text);
        }).flow();
    }

    private static String key(String id, String version) {
        return id + "@" + version;
    }
}
