package callguide.guide;

import callguide.call.Call;
import callguide.call.CallEvent;
import callguide.call.CallRefused;
import callguide.call.CallService;
import callguide.call.Nation;
import callguide.web.ApiError;
import callguide.web.Body;
import callguide.web.PathId;
import callguide.web.Security;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Guided calls over HTTP: thin translations between JSON and {@link CallService}. */
public final class CallApi {
    private final CallService calls;
    private final ObjectMapper json;

    public CallApi(CallService calls, ObjectMapper json) {
        this.calls = calls;
        this.json = json;
    }

    public void start(Context ctx) {
        Body body = Body.of(ctx, json);
        String flow = body.text("flow", true, 100);
        String me = Security.who(ctx).account().username();
        String handler = body.text("handler", false, 100);
        if (handler != null && !handler.equals(me)) {
            throw new ApiError(403, "forbidden", "a call is opened in your own name: leave out 'handler' or give '" + me + "'");
        }
        String callSid = body.text("callSid", false, 64);
        Nation nation = null;
        String nationId = body.text("nation", false, 40);
        if (nationId != null) {
            try {
                nation = Nation.fromId(nationId);
            } catch (IllegalArgumentException e) {
                throw new ApiError(400, "invalid_field", e.getMessage());
            }
        }
        Call call = calls.start(flow, me, callSid, nation);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", call.id());
        out.put("flow", call.flowId());
        out.put("flowVersion", call.flowVersion());
        out.put("step", calls.step(call));
        ctx.status(201).json(out);
    }

    public void show(Context ctx) {
        Call call = calls.get(id(ctx));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", call.id());
        out.put("flow", call.flowId());
        out.put("flowVersion", call.flowVersion());
        out.put("status", call.status().name());
        out.put("handler", call.handlerId());
        out.put("callSid", call.callSid());
        out.put("nation", calls.nationOf(call).id());
        out.put("startedAt", call.startedAt());
        out.put("completedAt", call.completedAt());
        out.put("step", calls.step(call));
        out.put("answers", call.answers());
        out.put("flags", call.flags());
        out.put("outcome", call.outcome() == null ? null : rawJson(call.outcome()));
        ctx.json(out);
    }

    public void answer(Context ctx) {
        UUID id = id(ctx);
        Body body = Body.of(ctx, json);
        String question = body.text("question", true, 100);
        var answerNode = body.node().get("answer");
        if (answerNode == null) throw new ApiError(400, "missing_field", "'answer' is required (null or \"\" for an empty date)");
        if (!answerNode.isNull() && !answerNode.isTextual()) throw new ApiError(400, "invalid_field", "'answer' must be a string");
        String note = body.text("note", false, 10_000);
        // The reply as the service wrote it down for retries: written once, not read back and written again.
        ctx.contentType(ContentType.APPLICATION_JSON)
                .result(calls.answerJson(id, question, answerNode.isNull() ? null : answerNode.asText(), note, body.uuid("requestId")));
    }

    public void note(Context ctx) {
        UUID id = id(ctx);
        Body body = Body.of(ctx, json);
        CallEvent note = calls.note(id, body.text("text", true, 10_000), body.uuid("requestId"));
        ctx.status(201).json(Map.of("note", note.note(), "at", note.at()));
    }

    public void events(Context ctx) {
        ctx.json(calls.events(id(ctx)).stream().map(e -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("at", e.at());
            m.put("type", e.type());
            m.put("question", e.question());
            m.put("answer", e.answer());
            m.put("note", e.note());
            m.put("detail", e.detail() == null ? null : rawJson(e.detail()));
            return m;
        }).toList());
    }

    private Object rawJson(String text) {
        try {
            return json.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static UUID id(Context ctx) {
        return PathId.of(ctx, id -> new CallRefused(CallRefused.Reason.unknown_call, "no call " + id));
    }
}
