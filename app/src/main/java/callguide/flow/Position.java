package callguide.flow;

import java.util.List;
import java.util.Map;

/**
 * Where a flow stands for a set of answers: the questions answered on the way (the path), and either
 * the next question or the outcome with its flags. Answers off the path no longer apply.
 */
public record Position(List<String> path, Map<String, String> answersInForce, Question question,
                       Outcomes.Node outcome, List<String> flags) {

    public boolean finished() {
        return outcome != null;
    }
}
