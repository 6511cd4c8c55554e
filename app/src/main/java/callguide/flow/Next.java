package callguide.flow;

import java.util.List;

/** Where a question leads: branches tried in order, the first whose condition holds wins. */
public record Next(List<Branch> branches) {

    /** A branch with no condition is the fallback. */
    public record Branch(Condition when, String target) {
        public boolean isFallback() {
            return when == null;
        }
    }

    public static Next to(String target) {
        return new Next(List.of(new Branch(null, target)));
    }

    public String target(Condition.Facts facts) {
        for (Branch b : branches) {
            if (b.isFallback() || b.when().holds(facts)) return b.target();
        }
        return null;
    }
}
