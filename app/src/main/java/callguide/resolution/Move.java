package callguide.resolution;

import java.util.List;
import java.util.Map;

/**
 * One move from a stage. {@code when}: alternatives, any of which may hold, each a set of facts that must
 * all hold. {@code after}: a clock that must have run out first. {@code recordedFor}: who really did it.
 * {@code raises}: facts set to "yes" when the named field of the move is answered "yes" (never back to "no").
 */
public record Move(String id, String title, String to, List<String> roles, String recordedFor, List<Field> fields,
                   List<Map<String, String>> when, Map<String, String> sets, Map<String, String> raises, Map<String, String> sr, List<String> tasks,
                   List<String> letters, ClockChange clock, String resolutionCode, String after,
                   String caseworkerChooses, List<Citation> sources, boolean common) {

    /** Stays in the stage it was made from. */
    public static final String STAY = "stay";

    public Field field(String fieldId) {
        return fields.stream().filter(f -> f.id().equals(fieldId)).findFirst().orElse(null);
    }
}
