package callguide.flow;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Given a flow and the answers so far, the question to ask next or the outcome reached. Pure. */
public final class FlowEngine {
    private FlowEngine() {}

    public static Position walk(Flow flow, Map<String, String> answers, LocalDate today) {
        List<String> path = new ArrayList<>();
        Map<String, String> inForce = new LinkedHashMap<>();
        String at = flow.start();
        // The validator rejects cycles; the bound keeps a hand-built flow from spinning.
        for (int hops = 0; hops <= flow.questions().size(); hops++) {
            Outcomes.Node outcome = flow.outcomes().get(at);
            if (outcome != null) {
                return new Position(List.copyOf(path), inForce, null, outcome, flags(flow, inForce, today, outcome.code()));
            }
            Question q = flow.questions().get(at);
            String answer = answers.get(at);
            if (answer == null) return new Position(List.copyOf(path), inForce, q, null, List.of());
            path.add(at);
            inForce.put(at, answer);
            at = q.next().target(new Condition.Facts(inForce, today, null));
        }
        throw new IllegalStateException("flow " + flow.id() + " loops at " + at);
    }

    private static List<String> flags(Flow flow, Map<String, String> answers, LocalDate today, String outcome) {
        Condition.Facts facts = new Condition.Facts(answers, today, outcome);
        return flow.flags().stream().filter(f -> f.when().holds(facts)).map(Outcomes.FlagRule::id).toList();
    }
}
