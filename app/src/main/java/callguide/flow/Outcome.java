package callguide.flow;

import java.time.LocalDate;
import java.util.List;

/**
 * What the handler must do, as reached on one call: terms filled in for the region, flag additions
 * merged, deadlines dated. {@code say} is client-facing; {@code internal} never leaves the handler.
 */
public record Outcome(String code, String title, List<String> actions, String say, List<String> internal,
                      Outcomes.ServiceRequest serviceRequest, List<Outcomes.Letter> letters,
                      List<Deadline> deadlines, List<String> flags, List<Source> sources) {

    public record Deadline(String name, LocalDate due) {}

    /** Dates a deadline rule from the day the outcome is reached. */
    public interface DueDates {
        LocalDate due(Outcomes.DeadlineRule rule);
    }
}
