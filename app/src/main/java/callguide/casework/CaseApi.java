package callguide.casework;

import callguide.flow.IntakeRules;
import callguide.resolution.MoveRefused;
import callguide.web.ApiError;
import callguide.web.Body;
import callguide.web.PathId;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/** The JSON API for CRT cases and the resolution flow; the access check in front of it says who is asking. */
public final class CaseApi {
    private final CaseService cases;
    private final ObjectMapper json;
    private final Function<Context, Actor> actor;

    public CaseApi(CaseService cases, ObjectMapper json, Function<Context, Actor> actor) {
        this.cases = cases;
        this.json = json;
        this.actor = actor;
    }

    public void flow(Context ctx) {
        ctx.json(CaseJson.flow(cases.flow()));
    }

    public void open(Context ctx) {
        Body body = Body.of(ctx, json);
        Actor who = actor.apply(ctx);
        JsonNode manual = body.node().get("manual");
        CaseService.Opened opened = refusals(ctx, null, () -> {
            if (body.node().hasNonNull("call")) return cases.openFromCall(body.uuid("call"), who);
            if (manual != null && manual.isObject()) return cases.openManual(manual(new Body(manual)), who);
            throw new ApiError(400, "missing_field", "send {\"call\": \"<guided call id>\"} or {\"manual\": {...}}");
        });
        if (!opened.created()) cases.logView(opened.record().id(), who, "api");
        ctx.status(opened.created() ? 201 : 200).json(CaseJson.of(opened.record(), cases.engine(opened.record().team())));
    }

    public void show(Context ctx) {
        UUID id = id(ctx);
        CaseRecord c = refusals(ctx, id, () -> cases.view(id, actor.apply(ctx), "api"));
        ctx.json(CaseJson.withEvents(c, cases.engine(c.team()), cases.events(id)));
    }

    public void move(Context ctx) {
        UUID id = id(ctx);
        Body body = Body.of(ctx, json);
        String move = body.text("move", true, 80);
        JsonNode v = body.node().get("version");
        if (v == null || !v.canConvertToInt() || !v.isIntegralNumber()) {
            throw new ApiError(400, "invalid_field", "'version' must be the case's version, a whole number");
        }
        Map<String, String> fields = fields(body.node().get("fields"));
        CaseRecord c = refusals(ctx, id, () -> cases.move(id, v.asInt(), move, fields, actor.apply(ctx)));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("stage", c.state().stage());
        out.put("version", c.version());
        out.put("clocks", CaseJson.clocks(c.state().clocks()));
        out.put("resolutionCode", c.state().resolutionCode());
        out.put("case", CaseJson.of(c, cases.engine(c.team())));
        ctx.json(out);
    }

    /** Runs a case request, turning the service's and the engine's refusals into the API's errors. */
    public <T> T refusals(Context ctx, UUID id, java.util.function.Supplier<T> request) {
        try {
            return request.get();
        } catch (CaseRefused e) {
            throw switch (e.reason()) {
                case unknown_case, unknown_call -> new ApiError(404, e.reason().name(), e.getMessage());
                case stale_version -> new ApiError(409, "stale_version", e.getMessage(), current(ctx, e.current()));
                case call_in_progress, not_for_crt, invalid_case -> new ApiError(422, e.reason().name(), e.getMessage());
                case forbidden -> new ApiError(403, "forbidden", e.getMessage());
            };
        } catch (CaseMoveRefused e) {
            throw refused(ctx, e.refusal(), e.current());
        } catch (MoveRefused e) {
            throw refused(ctx, e, cases.get(id));
        }
    }

    private ApiError refused(Context ctx, MoveRefused e, CaseRecord current) {
        return switch (e.reason()) {
            case move_not_allowed -> new ApiError(409, "move_not_allowed", e.getMessage(), current(ctx, current));
            case forbidden -> new ApiError(403, "forbidden", e.getMessage());
            case fields_missing -> new ApiError(422, "fields_missing", e.getMessage(), Map.of("missing", e.missing()));
            case fields_invalid -> new ApiError(422, "fields_invalid", e.getMessage(), Map.of("invalid", e.missing()));
            case refused_by_procedure, too_early -> new ApiError(422, e.reason().name(), e.getMessage());
        };
    }

    /** The case as it now is, sent with a refusal: a view like any other, so it is recorded. */
    private Map<String, Object> current(Context ctx, CaseRecord now) {
        cases.logView(now.id(), actor.apply(ctx), "api");
        return Map.of("current", CaseJson.withEvents(now, cases.engine(now.team()), cases.events(now.id())));
    }

    private UUID id(Context ctx) {
        return PathId.of(ctx, id -> new ApiError(404, "unknown_case", "no case " + id));
    }

    static Map<String, String> fields(JsonNode n) {
        Map<String, String> out = new LinkedHashMap<>();
        if (n == null || n.isNull()) return out;
        if (!n.isObject()) throw new ApiError(400, "invalid_field", "'fields' must be an object of field ids to text");
        n.fields().forEachRemaining(e -> {
            JsonNode v = e.getValue();
            if (v.isNull()) return; // as if not sent: a required one is then reported missing
            if (v.isBoolean()) out.put(e.getKey(), v.asBoolean() ? "yes" : "no"); // the flow's choices are yes and no
            else if (v.isTextual() || v.isNumber()) out.put(e.getKey(), v.asText());
            else throw new ApiError(400, "invalid_field", "field '" + e.getKey() + "' must be text");
        });
        return out;
    }

    static ManualCase manual(Body m) {
        // The region picks the team: either name is taken.
        String team = (m.node().hasNonNull("team") || !m.node().hasNonNull("region") ? m.text("team", true, 2) : m.text("region", true, 2)).toLowerCase(java.util.Locale.ROOT);
        if (!List.of(IntakeRules.GB, IntakeRules.NI).contains(team)) throw new ApiError(400, "invalid_field", "'team' must be gb or ni");
        boolean staffConduct = flag(m, "staffConduct");
        LocalDate received = m.date("receivedOn");
        if (received != null && received.isAfter(LocalDate.now(CaseService.UK))) {
            throw new ApiError(400, "invalid_date", "'receivedOn' cannot be after today (" + LocalDate.now(CaseService.UK) + ")");
        }
        // A staff-conduct placeholder keeps no text that could name anyone, so who referred it is not asked.
        String referredBy = staffConduct ? null : m.text("referredBy", true, 200);
        return new ManualCase(team, received == null ? LocalDate.now(CaseService.UK) : received, referredBy,
                flag(m, "parliamentary"), flag(m, "consolatoryOnly"), flag(m, "iceNotice"), flag(m, "fromBau"),
                flag(m, "nonCaseSpecificQuery"), staffConduct);
    }

    private static boolean flag(Body m, String field) {
        JsonNode v = m.node().get(field);
        if (v == null || v.isNull()) return false;
        if (!v.isBoolean()) throw new ApiError(400, "invalid_field", "'" + field + "' must be true or false");
        return v.asBoolean();
    }
}
