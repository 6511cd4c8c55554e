package callguide.guide;

import callguide.flow.InvalidAnswer;
import callguide.flow.Question;
import callguide.web.Pages;
import io.javalin.http.Context;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A question page's form read into the stored answer (an option id, an ISO date, or empty for "not
 * applicable"), or the GOV.UK error message saying what to fix. Nothing is recorded here.
 */
public record AnswerForm(String value, String day, String month, String year, boolean empty, Pages.FieldError error) {
    // Plain digits only: Integer.parseInt would take "-001" or "+202" as a year.
    private static final Pattern YEAR = Pattern.compile("[0-9]{4}");
    private static final Pattern DAY_OR_MONTH = Pattern.compile("[0-9]{1,2}");
    private static final String REAL = "The date must be a real date";

    static AnswerForm read(Context ctx, Question q, LocalDate today) {
        if (q.kind() == Question.Kind.choice) {
            String v = ctx.formParam("answer");
            boolean known = v != null && q.option(v) != null;
            return new AnswerForm(v, null, null, null, false, known ? null : new Pages.FieldError("#answer", "Select an answer"));
        }
        String d = trim(ctx.formParam("answer-day")), m = trim(ctx.formParam("answer-month")), y = trim(ctx.formParam("answer-year"));
        boolean empty = q.optional() && "yes".equals(ctx.formParam("answer-empty"));
        return new AnswerForm(null, d, m, y, empty, null).checked(q, today);
    }

    private AnswerForm checked(Question q, LocalDate today) {
        boolean none = day.isEmpty() && month.isEmpty() && year.isEmpty();
        if (empty && !none) return fail("#answer-day", "Enter a date or select '" + q.emptyLabel() + "', not both");
        if (empty) return new AnswerForm(Question.EMPTY, day, month, year, true, null);
        if (none) return fail("#answer-day", q.optional() ? "Enter a date, or select '" + q.emptyLabel() + "'" : "Enter a date");
        for (var part : List.of(new String[] {day, "day"}, new String[] {month, "month"}, new String[] {year, "year"})) {
            if (part[0].isEmpty()) return fail("#answer-" + part[1], "The date must include a " + part[1]);
        }
        if (!YEAR.matcher(year).matches()) return fail("#answer-year", "Year must include 4 numbers");
        if (!DAY_OR_MONTH.matcher(day).matches() || !DAY_OR_MONTH.matcher(month).matches()) return fail("#answer-day", REAL);
        LocalDate date;
        try {
            date = LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
        } catch (DateTimeException e) {
            return fail("#answer-day", REAL);
        }
        try {
            return new AnswerForm(q.check(date.toString(), today), day, month, year, false, null);
        } catch (InvalidAnswer e) {
            return fail("#answer-day", date.isAfter(today) ? "The date must be today or in the past" : e.getMessage());
        }
    }

    /** The form as first shown: filled from the answer already given, if any. */
    static AnswerForm prefilled(Question q, String answer) {
        if (q.kind() == Question.Kind.choice || answer == null) return new AnswerForm(answer, "", "", "", false, null);
        if (answer.isEmpty()) return new AnswerForm(answer, "", "", "", true, null);
        LocalDate d = LocalDate.parse(answer);
        return new AnswerForm(answer, "" + d.getDayOfMonth(), "" + d.getMonthValue(), "" + d.getYear(), false, null);
    }

    private AnswerForm fail(String href, String text) {
        return new AnswerForm(null, day, month, year, empty, new Pages.FieldError(href, text));
    }

    private static String trim(String s) {
        return s == null ? "" : s.strip();
    }
}
