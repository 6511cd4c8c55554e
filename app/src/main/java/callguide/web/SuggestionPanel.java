package callguide.web;

import callguide.assist.Confidence;
import callguide.assist.Suggestion;
import callguide.assist.SuggestionLog;
import callguide.assist.Suggester;
import callguide.assist.Utterance;
import callguide.flow.Question;
import callguide.flow.Step;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The "Suggested answer" panel beside a question: what the caller said, the assistant's best suggestion,
 * and, when the handler answers, the record of what was suggested and what they chose. The assistant
 * never answers: the handler submits the answer themselves.
 */
final class SuggestionPanel {
    private static final Logger LOG = LoggerFactory.getLogger(SuggestionPanel.class);

    /** The panel as shown: where to ask, what was heard (never stored), and the suggestion, if any. */
    public record View(String action, String heard, boolean asked, Shown shown) {}

    /** A suggestion on screen: option id, its label and key, confidence in words, and the caller's words it rests on. */
    public record Shown(String answer, String label, int key, String confidence, String score, String evidence) {}

    /** What was heard and suggested for this page, before it is put beside the question's options. */
    record Heard(String text, boolean asked, Suggestion suggestion) {
        static final Heard NOTHING = new Heard("", false, null);
    }

    private final Suggester suggester;
    private final SuggestionLog log;

    SuggestionPanel(Suggester suggester, SuggestionLog log) {
        this.suggester = suggester;
        this.log = log;
    }

    boolean covers(Question q) {
        return q.kind() == Question.Kind.choice && suggester.knows(q.id());
    }

    /** The best suggestion for what the handler typed or the transcript gave. */
    Heard ask(Question q, String text) {
        String heard = text == null ? "" : text.length() > Utterance.MAX_CHARS ? text.substring(0, Utterance.MAX_CHARS) : text;
        List<Suggestion> found = covers(q) ? suggester.suggest(q.id(), heard) : List.of();
        return new Heard(heard, true, found.isEmpty() ? null : found.get(0));
    }

    /** The suggestion the answer form carried back, if it was shown and is one of this question's options. */
    Heard shown(Context ctx, Question q) {
        String suggested = ctx.formParam("suggested");
        if (suggested == null || !covers(q) || q.option(suggested) == null) return Heard.NOTHING;
        String score = ctx.formParam("confidence");
        try {
            double confidence = score == null ? -1 : Double.parseDouble(score);
            if (!(confidence >= 0 && confidence <= 1)) return Heard.NOTHING;
            return new Heard("", false, new Suggestion(suggested, confidence, ctx.formParam("evidence"), null));
        } catch (NumberFormatException e) {
            return Heard.NOTHING;
        }
    }

    /** Records what was suggested and what the handler chose; a retry of the same form records it once. */
    void record(UUID callId, Question q, Heard heard, String chosen, UUID requestId) {
        Suggestion s = heard.suggestion();
        if (s == null || chosen == null) return;
        UUID id = requestId == null ? null : UUID.nameUUIDFromBytes(("suggestion " + requestId).getBytes(StandardCharsets.UTF_8));
        try {
            log.record(callId, q.id(), s.answer(), s.confidence(), chosen, s.evidence(), id);
        } catch (IllegalArgumentException e) {
            LOG.warn("suggestion on call {} not recorded: {}", callId, e.getMessage());
        }
    }

    /** The panel for this page; null where the assistant does not cover the question. */
    View view(UUID callId, Question q, Step step, Heard heard) {
        if (!covers(q)) return null;
        String action = "/calls/" + callId + "/questions/" + q.id() + "/suggest";
        Suggestion s = heard.suggestion();
        if (s == null) return new View(action, heard.text(), heard.asked(), null);
        int key = 0;
        String label = s.answer();
        for (int i = 0; i < step.options().size(); i++) {
            if (step.options().get(i).id().equals(s.answer())) {
                key = i + 1;
                label = step.options().get(i).label();
            }
        }
        String evidence = s.evidence() == null || s.evidence().isBlank() ? null : Utterance.of(s.evidence()).text();
        return new View(action, heard.text(), heard.asked(),
                new Shown(s.answer(), label, key, Confidence.words(s.confidence()), Double.toString(s.confidence()), evidence));
    }
}
