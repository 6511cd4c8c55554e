package callguide.resolution;

import java.util.List;

/** Something a move asks for. {@code open} offers suggestions but takes any text; {@code code} is a resolution code. */
public record Field(String id, String label, Kind kind, List<String> options, List<String> suggestions, boolean optional) {
    public enum Kind { text, choice, open, date, code }
}
