package callguide.guide;

import callguide.assist.Asker;
import callguide.assist.Assist;
import callguide.assist.CaseNotes;
import callguide.assist.ProcedureSearch;
import callguide.assist.Suggestion;
import callguide.assist.SuggestionLog;
import callguide.call.CallRefused;
import callguide.web.ApiError;
import callguide.web.Body;
import callguide.web.InputCheck;
import callguide.web.PathId;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The assistant over HTTP: suggestions, procedure search and questions, case notes, suggestion records. */
public final class AssistApi {
    static final int MAX_TEXT = InputCheck.MAX_TEXT;
    static final int MAX_QUERY = 500;
    static final int SEARCH_RESULTS = 5;

    private final Assist assist;
    private final ObjectMapper json;

    public AssistApi(Assist assist, ObjectMapper json) {
        this.assist = assist;
        this.json = json;
    }

    public void suggest(Context ctx) {
        Body body = Body.of(ctx, json);
        String question = body.text("question", true, 100);
        if (!assist.suggester().knows(question)) {
            throw new ApiError(400, "unknown_question", "no suggestions for '" + question + "'; questions with suggestions: "
                    + assist.suggester().questions(), Map.of("question", question));
        }
        // What a caller said may run long: the body's own limit bounds it, and the suggester caps it (Utterance).
        String text = body.text("text", false, Integer.MAX_VALUE);
        List<Suggestion> suggestions = assist.suggester().suggest(question, text);
        ctx.json(Map.of("question", question, "suggestions", suggestions));
    }

    public void search(Context ctx) {
        String q = query(ctx.queryParam("q"), "q");
        List<ProcedureSearch.Hit> hits = assist.search().search(q, SEARCH_RESULTS);
        ctx.json(Map.of("query", q, "passages", hits.stream().map(AssistApi::passage).toList()));
    }

    public void ask(Context ctx) {
        Body body = Body.of(ctx, json);
        String question = query(body.text("question", true, MAX_TEXT), "question");
        Asker.Reply reply = assist.asker().ask(question);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("question", question);
        out.put("answer", reply.answer());
        out.put("model", reply.model());
        out.put("detail", reply.detail());
        out.put("passages", reply.passages().stream().map(AssistApi::passage).toList());
        ctx.json(out);
    }

    public void summary(Context ctx) {
        CaseNotes.Note note = assist.caseNotes().note(callId(ctx));
        ctx.json(note);
    }

    public void recordSuggestion(Context ctx) {
        UUID id = callId(ctx);
        Body body = Body.of(ctx, json);
        JsonNode confidence = body.node().get("confidence");
        if (confidence == null || !confidence.isNumber()) throw new ApiError(400, "invalid_field", "'confidence' must be a number from 0 to 1");
        try {
            SuggestionLog.Outcome o = assist.suggestions().record(id, body.text("question", true, 100), body.text("suggested", true, 100),
                    confidence.asDouble(), body.text("chosen", true, 100), body.text("evidence", false, MAX_TEXT), body.uuid("requestId"));
            ctx.status(201).json(o);
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, "invalid_field", e.getMessage());
        }
    }

    private static String query(String raw, String field) {
        if (raw == null || raw.isBlank()) throw new ApiError(400, "missing_field", "'" + field + "' is required: what to look for in the procedures");
        // A long question is looked for by its start, as a long utterance is read by its start (Utterance).
        String clean = callguide.assist.Utterance.of(raw.length() > MAX_QUERY ? raw.substring(0, MAX_QUERY) : raw).text();
        if (clean.chars().noneMatch(Character::isLetterOrDigit)) {
            throw new ApiError(400, "invalid_field", "'" + field + "' has no words to look for");
        }
        return clean;
    }

    private static Map<String, Object> passage(ProcedureSearch.Hit hit) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("text", hit.passage().text());
        m.put("score", hit.score());
        m.put("citation", hit.passage().citation());
        m.put("sources", hit.passage().sources());
        return m;
    }

    private static UUID callId(Context ctx) {
        return PathId.of(ctx, id -> new CallRefused(CallRefused.Reason.unknown_call, "no call " + id));
    }
}
