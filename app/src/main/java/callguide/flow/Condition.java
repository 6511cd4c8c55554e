package callguide.flow;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A structured test on the answers so far, checked when the flow is loaded. */
public sealed interface Condition {

    boolean holds(Facts facts);

    /** Visits the tests a condition is made of, for the validator to check each against the vocabulary. */
    void tests(Tests visitor);

    interface Tests {
        void oneOf(OneOf test);

        void date(DateTest test);
    }

    /** What a condition can see: the answers, today's date, and (for flags) the outcome reached. */
    record Facts(Map<String, String> answers, LocalDate today, String outcome) {
        String value(String fact) {
            return "outcome".equals(fact) ? outcome : answers.get(fact);
        }
    }

    record All(List<Condition> parts) implements Condition {
        public boolean holds(Facts facts) {
            return parts.stream().allMatch(c -> c.holds(facts));
        }

        public void tests(Tests visitor) {
            parts.forEach(p -> p.tests(visitor));
        }
    }

    record AnyOf(List<Condition> parts) implements Condition {
        public boolean holds(Facts facts) {
            return parts.stream().anyMatch(c -> c.holds(facts));
        }

        public void tests(Tests visitor) {
            parts.forEach(p -> p.tests(visitor));
        }
    }

    /** The fact was answered with one of these option ids. */
    record OneOf(String fact, Set<String> values) implements Condition {
        public boolean holds(Facts facts) {
            String v = facts.value(fact);
            return v != null && values.contains(v);
        }

        public void tests(Tests visitor) {
            visitor.oneOf(this);
        }
    }

    /** A test on a date fact; an unanswered fact never holds. */
    record DateTest(String fact, Test test, LocalDate date, int months) implements Condition {
        public enum Test { empty, not_empty, before, on_or_after, more_than_months_ago }

        public void tests(Tests visitor) {
            visitor.date(this);
        }

        public boolean holds(Facts facts) {
            String v = facts.value(fact);
            if (v == null) return false;
            if (test == Test.empty) return v.isEmpty();
            if (v.isEmpty()) return false;
            LocalDate d = LocalDate.parse(v);
            return switch (test) {
                case not_empty -> true;
                case before -> d.isBefore(date);
                case on_or_after -> !d.isBefore(date);
                // counted forward from the date, as the vocabulary says: closed.plusMonths(14).isBefore(today)
                case more_than_months_ago -> d.plusMonths(months).isBefore(facts.today());
                case empty -> false;
            };
        }
    }
}
