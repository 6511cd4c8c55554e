package callguide.casework;

import callguide.resolution.CaseClock;
import callguide.resolution.CaseEngine;
import callguide.resolution.Citation;
import callguide.resolution.Field;
import callguide.resolution.Move;
import callguide.resolution.ProcessFlow;
import callguide.resolution.Stage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Cases and the resolution flow as the JSON API shows them. */
public final class CaseJson {
    private CaseJson() {}

    public static Map<String, Object> of(CaseRecord c, CaseEngine engine) {
        Map<String, Object> m = new LinkedHashMap<>();
        Stage stage = engine.flow().stage(c.state().stage());
        m.put("id", c.id());
        m.put("kind", c.state().kind().name());
        m.put("stage", c.state().stage());
        m.put("stageTitle", stage == null ? "Staff conduct: no details recorded" : stage.title());
        m.put("version", c.version());
        m.put("clocks", clocks(c.state().clocks()));
        m.put("call", c.callId());
        m.put("team", c.team());
        m.put("caseworker", c.caseworker());
        m.put("referredBy", c.referredBy());
        m.put("receivedOn", c.receivedOn());
        m.put("immediate", c.immediate());
        m.put("closed", stage != null && stage.closes());
        m.put("resolutionCode", c.state().resolutionCode());
        m.put("facts", c.state().facts());
        m.put("letters", c.state().letters());
        m.put("noticeRaised", c.state().noticeRaised());
        m.put("moves", engine.offered(c.state()).stream().map(Move::id).toList());
        return m;
    }

    public static Map<String, Object> withEvents(CaseRecord c, CaseEngine engine, List<CaseEvent> events) {
        Map<String, Object> m = of(c, engine);
        m.put("events", events);
        return m;
    }

    public static List<Map<String, Object>> clocks(List<CaseClock> clocks) {
        return clocks.stream().map(k -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", k.name());
            m.put("due", k.due());
            m.put("stoppedAt", k.stoppedAt());
            return m;
        }).toList();
    }

    public static Map<String, Object> flow(ProcessFlow f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", f.id());
        m.put("version", f.version());
        m.put("start", f.start());
        m.put("title", f.title());
        Map<String, Object> stages = new LinkedHashMap<>();
        f.stages().values().forEach(s -> {
            Map<String, Object> sm = new LinkedHashMap<>();
            sm.put("title", s.title());
            sm.put("closes", s.closes());
            sm.put("waiting", s.waiting());
            sm.put("sources", sources(s.sources()));
            sm.put("moves", s.moves().values().stream().map(CaseJson::move).toList());
            stages.put(s.id(), sm);
        });
        m.put("stages", stages);
        m.put("clocks", f.clocks());
        m.put("resolutionCodes", f.resolutionCodes());
        m.put("letters", f.letters());
        m.put("closureNotice", f.closureNotice());
        return m;
    }

    static Map<String, Object> move(Move mv) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", mv.id());
        m.put("title", mv.title());
        m.put("to", mv.to());
        m.put("roles", mv.roles());
        m.put("recordedFor", mv.recordedFor());
        m.put("fields", mv.fields().stream().map(CaseJson::field).toList());
        m.put("letters", mv.letters());
        m.put("clock", mv.clock().none() ? null : Map.of("start", mv.clock().start(), "stop", mv.clock().stop()));
        m.put("resolutionCode", mv.resolutionCode());
        m.put("sr", mv.sr());
        m.put("tasks", mv.tasks());
        m.put("when", mv.when());
        m.put("raises", mv.raises());
        m.put("after", mv.after());
        m.put("caseworkerChooses", mv.caseworkerChooses());
        m.put("sources", sources(mv.sources()));
        return m;
    }

    static Map<String, Object> field(Field f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", f.id());
        m.put("label", f.label());
        m.put("kind", f.kind().name());
        if (!f.options().isEmpty()) m.put("options", f.options());
        if (!f.suggestions().isEmpty()) m.put("suggestions", f.suggestions());
        m.put("required", !f.optional());
        if (!f.requiredWhen().isEmpty()) m.put("requiredWhen", f.requiredWhen());
        return m;
    }

    static List<Map<String, Object>> sources(List<Citation> cs) {
        return cs.stream().map(c -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", c.file());
            m.put("name", c.name());
            m.put("heading", c.heading());
            m.put("step", c.step());
            if (c.note() != null) m.put("note", c.note());
            return m;
        }).toList();
    }
}
