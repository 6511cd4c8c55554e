package callguide.flow;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/** One question of a flow; its id is the vocabulary fact it establishes. */
public record Question(
        String id,
        Kind kind,
        String prompt,
        String help,
        List<Option> options,
        boolean optional,
        String emptyLabel,
        List<Source> sources,
        Next next) {

    public enum Kind { choice, date }

    /** The empty answer of an optional date question: "not applicable" (a case still open). */
    public static final String EMPTY = "";

    /**
     * The answer in its stored form (an option id, an ISO date or {@link #EMPTY}), or an
     * {@link InvalidAnswer} saying what is wrong with it.
     */
    public String check(String answer, LocalDate today) {
        if (kind == Kind.choice) {
            if (answer != null && options.stream().anyMatch(o -> o.id().equals(answer))) return answer;
            throw new InvalidAnswer(id, "'" + answer + "' is not an option of " + id + "; expected one of "
                    + options.stream().map(Option::id).toList());
        }
        if (answer == null || answer.isBlank()) {
            if (optional) return EMPTY;
            throw new InvalidAnswer(id, id + " needs a date (YYYY-MM-DD)");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(answer.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidAnswer(id, "'" + answer + "' is not a date; " + id + " takes YYYY-MM-DD");
        }
        if (date.isAfter(today)) throw new InvalidAnswer(id, id + " cannot be in the future (" + date + ")");
        if (date.getYear() < 1900) throw new InvalidAnswer(id, "Enter a real date, 1900 or later, not " + date);
        return date.toString();
    }

    public Option option(String optionId) {
        return options.stream().filter(o -> o.id().equals(optionId)).findFirst().orElse(null);
    }
}
