package callguide.assist;

import callguide.call.CallDao;
import callguide.call.CallService;
import callguide.call.FlowCatalog;
import callguide.flow.Renderer;
import callguide.flow.Terms;
import callguide.flow.Vocabulary;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The assistant's parts, wired once at start-up: suggestions, procedure search, asking, case notes, and with a
 * chat model the summaries written when calls reach their outcome ({@code summaries}, null without one).
 */
public record Assist(Suggester suggester, ProcedureSearch search, Asker asker, CaseNotes caseNotes,
                     SuggestionLog suggestions, boolean chatModel, CaseSummaries summaries) implements AutoCloseable {

    /** Loads the in-process model and embeds the labelled examples: the slow part, done once. */
    public static AnswerIndex answerIndex(Terms.Contacts contacts) {
        return AnswerIndex.build(EmbeddedModel.load(), LabelledExamples.bundled(Vocabulary.INTAKE.choiceFacts()), contacts.options());
    }

    public static Assist start(AssistSettings settings, AnswerIndex answers, FlowCatalog flows, Terms.Contacts contacts,
                               CallService calls, CallDao dao, ObjectMapper json, Clock clock) {
        List<Passage> passages = new ArrayList<>();
        Terms terms = Terms.of(false, contacts);
        flows.current().forEach(e -> passages.addAll(FlowPassages.of(e.flow(), terms)));
        Map<String, String> names = new HashMap<>();
        flows.current().forEach(e -> names.putAll(e.flow().documents()));
        passages.addAll(ProcedureDocuments.read(settings.proceduresDir(), names));
        ProcedureSearch search = new ProcedureSearch(answers.model(), passages);
        ProcedureAdvisor advisor = ChatModels.advisor(settings.chat());
        GuidedPath path = new GuidedPath(calls, new Renderer(contacts), contacts, json);
        CaseSummaries summaries = advisor == null ? null
                : new CaseSummaries(path, advisor, new SummaryDao(dao.jdbi()), calls, clock, settings.chat());
        return new Assist(new Suggester(answers, settings.minScore()), search, new Asker(search, advisor),
                new CaseNotes(calls, path, summaries), new SuggestionLog(dao, calls, json, clock), advisor != null, summaries);
    }

    /** Stops the summaries' threads; a summary not yet written is asked for again when its page is next seen. */
    @Override
    public void close() {
        if (summaries != null) summaries.close();
    }
}
