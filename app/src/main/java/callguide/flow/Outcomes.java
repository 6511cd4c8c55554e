package callguide.flow;

import java.util.List;

/** The parts of an outcome as written in the flow, before terms and dates are filled in. */
public final class Outcomes {
    private Outcomes() {}

    public record Node(
            String id,
            String code,
            String title,
            List<String> actions,
            String say,
            List<String> internal,
            ServiceRequest serviceRequest,
            List<Letter> letters,
            List<DeadlineRule> deadlines,
            List<Source> sources) {}

    public record ServiceRequest(String name, String process, String area, String subArea) {}

    public record Letter(String code, String title, String when) {}

    /** A deadline counted from the day the outcome is reached, in working or calendar days. */
    public record DeadlineRule(String name, int days, boolean workingDays) {}

    /**
     * A flag raised by a condition, with what it adds to the outcome. {@code title} is the flag as staff read it
     * in lists; a version stored before flags had titles has none.
     */
    public record FlagRule(
            String id, String title, Condition when, List<String> actions, String say, List<String> internal, List<Source> sources) {}
}
