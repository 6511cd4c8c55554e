package callguide.guide;

import callguide.assist.Confidence;
import callguide.assist.Suggester;
import callguide.assist.Suggestion;
import callguide.assist.SuggestionLog;
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
public final class SuggestionPanel {
    private static final Logger LOG = LoggerFactory.getLogger(SuggestionPanel.class);

    /**
     * The panel as shown: where to ask, what was heard (never stored), the best suggestion and, below high
     * confidence, the runner-up; {@code since} is the last transcript line said before the question appeared.
     */
    public record View(String action, String heard, boolean asked, Shown shown, List<Shown> others, long since) {
        /** High confidence stands out and A accepts it; medium is muted and A still works; low is muted with no A. */
        public String level() {
            return shown == null ? null : shown.level();
        }

        public boolean accept() {
            return shown != null && !shown.level().equals("Low");
        }
    }

    /**
     * A suggestion on screen: option id, label, key, confidence in words, its level (never High from old speech),
     * the caller's words it rests on and when they were said, if it came from the transcript.
     */
    public record Shown(String answer, String label, int key, String confidence, String score, String evidence,
                        String level, String said, boolean stale) {
        /** The share alone ("28%"), for a closest answer listed under the suggestion, whose level is already said. */
        public String percent() {
            return Math.round(Double.parseDouble(score) * 100) + "%";
        }
    }

    /** What was heard and suggested for this page, before it is put beside the question's options. */
    record Heard(String text, boolean asked, List<Suggestion> found, List<String> times, boolean stale, long since) {
        static final Heard NOTHING = new Heard("", false, List.of(), List.of(), false, -1);

        Suggestion suggestion() {
            return found.isEmpty() ? null : found.get(0);
        }

        Heard since(long sequence) {
            return new Heard(text, asked, found, times, stale, sequence);
        }
    }

    /** How many caller lines a suggestion from the transcript reads. */
    static final int RECENT_LINES = 3;
    private static final java.time.format.DateTimeFormatter SAID_AT = java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss");

    private final Suggester suggester;
    private final SuggestionLog log;

    public SuggestionPanel(Suggester suggester, SuggestionLog log) {
        this.suggester = suggester;
        this.log = log;
    }

    boolean covers(Question q) {
        return q.kind() == Question.Kind.choice && suggester.knows(q.id());
    }

    /** The best suggestion for what the handler typed. */
    Heard ask(Question q, String text) {
        String heard = text == null ? "" : text.length() > Utterance.MAX_CHARS ? text.substring(0, Utterance.MAX_CHARS) : text;
        List<Suggestion> found = covers(q) ? suggester.suggestWithRunnerUp(q.id(), heard) : List.of();
        List<String> times = found.stream().map(f -> (String) null).toList();
        return new Heard(heard, true, found, times, false, -1);
    }

    /**
     * The best suggestion from what the caller said since the question appeared (lines after {@code since});
     * when they have said nothing since, from their latest lines, marked stale so it is never shown as High.
     */
    Heard fromTranscript(Question q, List<PhonePanels.Said> lines, long since) {
        List<PhonePanels.Said> caller = lines.stream().filter(l -> l.speaker().equals("caller")).toList();
        List<PhonePanels.Said> fresh = caller.stream().filter(l -> l.sequence() > since).toList();
        boolean stale = fresh.isEmpty();
        List<PhonePanels.Said> used = stale ? caller : fresh;
        used = used.subList(Math.max(0, used.size() - RECENT_LINES), used.size());
        if (used.isEmpty() || !covers(q)) return new Heard("", true, List.of(), List.of(), stale, since);
        List<Suggester.FromLine> found = suggester.suggestFromLinesWithRunnerUp(q.id(), used.stream().map(PhonePanels.Said::text).toList());
        List<PhonePanels.Said> from = used;
        return new Heard("", true, found.stream().map(Suggester.FromLine::suggestion).toList(),
                found.stream().map(f -> SAID_AT.format(from.get(f.line()).at().atZone(CallViews.UK))).toList(), stale, since);
    }

    /** The suggestion the answer form carried back, if it was shown and is one of this question's options. */
    Heard shown(Context ctx, Question q) {
        String suggested = ctx.formParam("suggested");
        if (suggested == null || !covers(q) || q.option(suggested) == null) return Heard.NOTHING;
        String score = ctx.formParam("confidence");
        try {
            double confidence = score == null ? -1 : Double.parseDouble(score);
            if (!(confidence >= 0 && confidence <= 1)) return Heard.NOTHING;
            // Whether it came from old speech, and when it was said, come back too: a suggestion shown again after an
            // error must look exactly as uncertain as it did.
            String said = ctx.formParam("suggested-said");
            List<String> times = said != null && said.matches("\\d{1,2}:\\d{2}(:\\d{2})?") ? List.of(said) : List.of();
            boolean stale = "yes".equals(ctx.formParam("suggested-stale"));
            return new Heard("", false, List.of(new Suggestion(suggested, confidence, ctx.formParam("evidence"), null)), times, stale, -1);
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
            // As it was shown: from earlier speech or not, and when it was said, for the supervisor's replay.
            log.record(callId, q.id(), s.answer(), s.confidence(), chosen, s.evidence(), id,
                    heard.stale(), heard.times().isEmpty() ? null : heard.times().get(0));
        } catch (IllegalArgumentException e) {
            LOG.warn("suggestion on call {} not recorded: {}", callId, e.getMessage());
        }
    }

    /** The panel for this page; null where the assistant does not cover the question. */
    View view(UUID callId, Question q, Step step, Heard heard) {
        if (!covers(q)) return null;
        String action = "/calls/" + callId + "/questions/" + q.id() + "/suggest";
        if (heard.found().isEmpty()) return new View(action, heard.text(), heard.asked(), null, List.of(), heard.since());
        List<Shown> shown = new java.util.ArrayList<>();
        for (int i = 0; i < heard.found().size() && i < 2; i++) {
            shown.add(shown(step, heard.found().get(i), i < heard.times().size() ? heard.times().get(i) : null, heard.stale()));
        }
        Shown top = shown.get(0);
        List<Shown> others = top.level().equals("High") ? List.of() : shown.subList(1, shown.size());
        return new View(action, heard.text(), heard.asked(), top, others, heard.since());
    }

    private static Shown shown(Step step, Suggestion s, String said, boolean stale) {
        int key = 0;
        String label = s.answer();
        for (int i = 0; i < step.options().size(); i++) {
            if (step.options().get(i).id().equals(s.answer())) {
                key = i + 1;
                label = step.options().get(i).label();
            }
        }
        String evidence = s.evidence() == null || s.evidence().isBlank() ? null : Utterance.of(s.evidence()).text();
        String level = Confidence.level(s.confidence(), stale);
        String words = Confidence.words(s.confidence(), stale);
        return new Shown(s.answer(), label, key, words, Double.toString(s.confidence()), evidence, level, said, stale);
    }
}
