package callguide.assist;

import callguide.assist.Passage.Citation;
import callguide.flow.Flow;
import callguide.flow.Outcomes;
import callguide.flow.Question;
import callguide.flow.Terms;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The flows' own words as passages: each question's prompt, help and options, and each outcome's title,
 * actions and what to say, with the sources they cite. Text marked internal is left out.
 */
public final class FlowPassages {
    private FlowPassages() {}

    public static List<Passage> of(Flow flow, Terms terms) {
        List<Passage> out = new ArrayList<>();
        String document = flow.file() == null ? flow.id() : flow.file();
        for (Question q : flow.questions().values()) {
            StringBuilder text = new StringBuilder(terms.say(q.prompt()));
            if (q.help() != null) text.append(' ').append(terms.say(q.help()).strip());
            if (!q.options().isEmpty()) {
                text.append(" Answers: ").append(q.options().stream().map(o -> terms.say(o.label())).collect(Collectors.joining("; "))).append('.');
            }
            out.add(new Passage(text.toString(), new Citation(document, "Question: " + terms.say(q.prompt()), null, Citation.FLOW, flow.title()), q.sources()));
        }
        for (Outcomes.Node o : flow.outcomes().values()) {
            StringBuilder text = new StringBuilder(terms.say(o.title())).append('.');
            o.actions().forEach(a -> text.append(' ').append(terms.say(a)));
            if (o.say() != null) text.append(" Say: ").append(terms.say(o.say()).strip());
            out.add(new Passage(text.toString(), new Citation(document, "Outcome: " + terms.say(o.title()), null, Citation.FLOW, flow.title()), o.sources()));
        }
        for (Outcomes.FlagRule f : flow.flags()) {
            if (f.actions().isEmpty() && f.say() == null) continue;
            StringBuilder text = new StringBuilder();
            f.actions().forEach(a -> text.append(terms.say(a)).append(' '));
            if (f.say() != null) text.append("Say: ").append(terms.say(f.say()).strip());
            out.add(new Passage(text.toString().strip(), new Citation(document, f.title() == null ? f.id() : terms.say(f.title()), null, Citation.FLOW, flow.title()), f.sources()));
        }
        return out;
    }
}
