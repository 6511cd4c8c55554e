package callguide.resolution;

import java.util.List;
import java.util.Map;

/**
 * A process flow as loaded from its file: stages and the moves between them. Immutable. {@code documents}
 * names the procedure documents it cites, by file name.
 */
public record ProcessFlow(String id, String version, String title, String description, String start,
                          Map<String, String> roles, Map<String, ClockRule> clocks, List<String> resolutionCodes,
                          Map<String, Letter> letters, List<String> parliamentaryTasks, List<Citation> parliamentarySources,
                          ClosureNotice closureNotice, Map<String, Stage> stages, String file, Map<String, String> documents) {

    public Stage stage(String id) {
        return stages.get(id);
    }

    /** Every citation in the flow: the parliamentary sources, the closure notice's, and each stage's and move's. */
    public List<Citation> citations() {
        List<Citation> out = new java.util.ArrayList<>(parliamentarySources);
        if (closureNotice != null) out.addAll(closureNotice.sources());
        stages.values().forEach(s -> {
            out.addAll(s.sources());
            s.moves().values().forEach(m -> out.addAll(m.sources()));
        });
        return out;
    }

    /** Every move, with the stage it is made from, in file order. */
    public List<Map.Entry<Stage, Move>> allMoves() {
        return stages.values().stream().flatMap(s -> s.moves().values().stream().map(m -> Map.entry(s, m))).toList();
    }
}
