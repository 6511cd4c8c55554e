package callguide.assist;

import callguide.assist.ProcedureSearch.Hit;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a handler's question from the procedures. With a chat model, the model writes the answer from
 * the retrieved passages alone; without one, or if it fails, the best passages are the answer.
 */
public final class Asker {
    static final int PASSAGES = 5;
    private static final Logger LOG = LoggerFactory.getLogger(Asker.class);

    /** The answer (null without a model), whether a model wrote it, a sentence on how, and the passages cited. */
    public record Reply(String answer, boolean model, String detail, List<Hit> passages) {}

    private final ProcedureSearch search;
    private final ProcedureAdvisor advisor;

    public Asker(ProcedureSearch search, ProcedureAdvisor advisor) {
        this.search = search;
        this.advisor = advisor;
    }

    public Reply ask(String question) {
        List<Hit> hits = search.search(question, PASSAGES);
        if (advisor == null) {
            return new Reply(null, false, "No chat model is configured, so here are the passages that best match the question.", hits);
        }
        if (hits.isEmpty()) {
            return new Reply(null, false, "Nothing in the procedures matches the question, so the chat model was not asked.", hits);
        }
        ModelReply.Grounded answer;
        try {
            answer = ModelReply.answer(advisor.answer(Utterance.of(question).text(), numbered(hits)));
        } catch (RuntimeException e) {
            LOG.warn("the chat model did not answer: {}", e.toString());
            return new Reply(null, false, "The chat model did not answer, so here are the passages that best match the question.", hits);
        }
        if (answer.answer() == null || answer.answer().isBlank()) {
            return new Reply(null, false, "The chat model gave no answer, so here are the passages that best match the question.", hits);
        }
        return new Reply(SafeText.of(answer.answer()), true, "Written by the chat model from these passages only.", cited(hits, answer.passages()));
    }

    /** The passages as the model sees them: numbered, each with its citation. */
    static String numbered(List<Hit> hits) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < hits.size(); i++) {
            Passage p = hits.get(i).passage();
            out.append('[').append(i + 1).append("] (").append(p.citation()).append(") ").append(p.text()).append("\n\n");
        }
        return out.toString().strip();
    }

    /** The passages the model says it used; all of them when it names none it was given. */
    private static List<Hit> cited(List<Hit> hits, List<Integer> numbers) {
        List<Hit> out = new ArrayList<>();
        for (int n : numbers) {
            if (n >= 1 && n <= hits.size() && !out.contains(hits.get(n - 1))) out.add(hits.get(n - 1));
        }
        return out.isEmpty() ? hits : out;
    }
}
