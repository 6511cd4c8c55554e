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

    public Outcome withSources(List<Source> sources) {
        return new Outcome(code, title, actions, say, internal, serviceRequest, letters, deadlines, flags, List.copyOf(sources));
    }

    /**
     * {@code approximate}: counted in working days past the last bank holidays known, so a bank holiday
     * not yet in the list may move it later.
     */
    public record Deadline(String name, LocalDate due, boolean approximate) {
        public Deadline(String name, LocalDate due) {
            this(name, due, false);
        }
    }

    /** Dates a deadline rule from the day the outcome is reached. */
    public interface DueDates {
        LocalDate due(Outcomes.DeadlineRule rule);

        /** Whether {@code due} could only be counted approximately; a plain count of days is exact. */
        default boolean approximate(Outcomes.DeadlineRule rule, LocalDate due) {
            return false;
        }
    }
}
