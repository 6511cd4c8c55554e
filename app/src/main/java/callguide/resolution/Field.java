package callguide.resolution;

import java.util.List;
import java.util.Map;

/**
 * Something a move asks for. {@code open} offers suggestions but takes any text; {@code code} is a resolution code.
 * An optional field is still needed when every value in {@code requiredWhen} is given for the move's other fields.
 * A choice's {@code options} are its values, the same in every region; {@code optionLabels} show them in the region's
 * terms ("CMG" reads "CMED" in Northern Ireland).
 */
public record Field(String id, String label, Kind kind, List<String> options, List<String> optionLabels, List<String> suggestions,
                    boolean optional, Map<String, String> requiredWhen) {
    public enum Kind { text, choice, open, date, code }
}
