package callguide.flow;

import java.util.List;
import java.util.Map;

/**
 * A decision flow as loaded from its file; immutable, identified by id and content version. {@code documents}
 * names the procedure documents it cites, by file name, in words a handler can read.
 */
public record Flow(
        String id,
        String version,
        String title,
        String description,
        String start,
        Map<String, Question> questions,
        Map<String, Outcomes.Node> outcomes,
        List<Outcomes.FlagRule> flags,
        String file,
        Map<String, String> documents) {

    public boolean has(String nodeId) {
        return questions.containsKey(nodeId) || outcomes.containsKey(nodeId);
    }

    /** The source with its document's name from this flow, where it was kept before flows named their documents. */
    public Source named(Source s) {
        String name = documents.get(s.file());
        return s.named() || name == null ? s : new Source(s.file(), s.heading(), s.step(), s.quote(), name);
    }
}
