package callguide.resolution;

/** How a clock's due date is set: days from the date received, days from the move, or a date the move is given. */
public record ClockRule(String name, String title, From from, int days, String field) {
    public enum From { received, move, field }
}
