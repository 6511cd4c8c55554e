package callguide.flow;

import java.util.List;
import java.util.Map;

/** A decision flow as loaded from its file; immutable, identified by id and content version. */
public record Flow(
        String id,
        String version,
        String title,
        String description,
        String start,
        Map<String, Question> questions,
        Map<String, Outcomes.Node> outcomes,
        List<Outcomes.FlagRule> flags,
        String file) {

    public boolean has(String nodeId) {
        return questions.containsKey(nodeId) || outcomes.containsKey(nodeId);
    }
}
