package callguide.resolution;

import java.util.List;

/** The clocks a move starts and stops. */
public record ClockChange(List<String> start, List<String> stop) {
    public static final ClockChange NONE = new ClockChange(List.of(), List.of());

    public boolean none() {
        return start.isEmpty() && stop.isEmpty();
    }
}
