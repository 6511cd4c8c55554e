package callguide.resolution;

import java.util.List;
import java.util.Map;

/** A process flow as loaded from its file: stages and the moves between them. Immutable. */
public record ProcessFlow(String id, String version, String title, String description, String start,
                          Map<String, String> roles, Map<String, ClockRule> clocks, List<String> resolutionCodes,
                          Map<String, Letter> letters, List<String> parliamentaryTasks, List<Citation> parliamentarySources,
                          ClosureNotice closureNotice, Map<String, Stage> stages, String file) {

    public Stage stage(String id) {
        return stages.get(id);
    }

    /** Every move, with the stage it is made from, in file order. */
    public List<Map.Entry<Stage, Move>> allMoves() {
        return stages.values().stream().flatMap(s -> s.moves().values().stream().map(m -> Map.entry(s, m))).toList();
    }
}
