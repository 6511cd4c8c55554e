package callguide.guide;

import callguide.call.FlowCatalog;
import callguide.call.Nation;
import callguide.call.WorkingCalendar;
import callguide.flow.Flow;
import callguide.flow.FlowEngine;
import callguide.flow.FlowLoader;
import callguide.flow.IntakeRules;
import callguide.flow.InvalidAnswer;
import callguide.flow.Position;
import callguide.flow.Question;
import callguide.flow.Renderer;
import callguide.web.ApiError;
import callguide.web.Body;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The flows in service, and the simulator that runs a set of answers through one without a call. */
public final class FlowApi {
    private final FlowCatalog flows;
    private final Renderer renderer;
    private final WorkingCalendar calendar;
    private final Nation defaultNation;
    private final ObjectMapper json;
    private final Supplier<LocalDate> today;

    public FlowApi(FlowCatalog flows, Renderer renderer, WorkingCalendar calendar, Nation defaultNation, ObjectMapper json,
            Supplier<LocalDate> today) {
        this.flows = flows;
        this.renderer = renderer;
        this.calendar = calendar;
        this.defaultNation = defaultNation;
        this.json = json;
        this.today = today;
    }

    public void list(Context ctx) {
        ctx.json(flows.current().stream()
                .map(e -> Map.of("id", e.flow().id(), "version", e.flow().version(), "title", e.flow().title()))
                .toList());
    }

    public void show(Context ctx) {
        FlowCatalog.Entry entry = entry(ctx);
        ObjectNode tree = (ObjectNode) FlowLoader.tree(entry.text());
        tree.put("version", entry.flow().version());
        ctx.json(tree);
    }

    public void simulate(Context ctx) {
        Flow flow = entry(ctx).flow();
        Body body = Body.of(ctx, json);
        LocalDate asOf = body.date("today");
        if (asOf != null && (asOf.getYear() < 1900 || asOf.getYear() > 2200)) {
            throw new ApiError(400, "invalid_date", "'today' must be a date between 1900 and 2200, not " + asOf);
        }
        LocalDate day = asOf == null ? today.get() : asOf;
        Nation nation = nation(body);
        Map<String, String> answers = answers(flow, body.node().get("answers"), day);
        Position p = FlowEngine.walk(flow, answers, day);
        if (!p.finished()) {
            throw new ApiError(422, "incomplete", "the answers run out before an outcome: '" + p.question().id()
                    + "' must be answered next", Map.of("missing", p.question().id(), "path", p.path()));
        }
        Nation effective = Nation.forRegion(p.answersInForce().get(IntakeRules.REGION), nation, defaultNation);
        var outcome = renderer.outcome(flow, p, calendar.dueDates(effective, day));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("outcome", outcome);
        out.put("path", p.path());
        ctx.json(out);
    }

    private Nation nation(Body body) {
        String id = body.text("nation", false, 40);
        if (id == null) return defaultNation;
        try {
            return Nation.fromId(id);
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, "invalid_field", e.getMessage());
        }
    }

    /** Every answer is checked, on the path or not: an unknown fact, option or date is a 400. */
    private static Map<String, String> answers(Flow flow, JsonNode node, LocalDate day) {
        if (node == null || !node.isObject()) throw new ApiError(400, "missing_field", "'answers' must be an object of fact id to answer");
        Map<String, String> out = new LinkedHashMap<>();
        var fields = node.fields();
        while (fields.hasNext()) {
            var f = fields.next();
            Question q = flow.questions().get(f.getKey());
            if (q == null) {
                throw new ApiError(400, "unknown_fact", "flow " + flow.id() + " asks no question '" + f.getKey() + "'",
                        Map.of("question", f.getKey()));
            }
            JsonNode v = f.getValue();
            // A null or blank cell is "not given", as a scenario table leaves facts off the path; only an optional date
            // takes it as its answer (empty: the case is open).
            boolean blank = v.isNull() || (v.isTextual() && v.asText().isBlank());
            if (blank && !(q.kind() == Question.Kind.date && q.optional())) continue;
            if (!v.isNull() && !v.isTextual()) throw new InvalidAnswer(q.id(), q.id() + " must be given as a string");
            out.put(q.id(), q.check(v.isNull() ? null : v.asText(), day));
        }
        return out;
    }

    private FlowCatalog.Entry entry(Context ctx) {
        String id = ctx.pathParam("id");
        return flows.current(id).orElseThrow(() -> new ApiError(404, "unknown_flow", "no flow called '" + id + "'",
                Map.of("flows", List.copyOf(flows.current().stream().map(e -> e.flow().id()).toList()))));
    }
}
