package callguide.casework;

import callguide.flow.IntakeRules;
import callguide.resolution.CaseState;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.generic.GenericType;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/** The SQL for CRT cases, their events and who viewed them. Methods taking a Handle run in the caller's transaction. */
public final class CaseDao {
    private static final TypeReference<Map<String, Object>> DETAIL = new TypeReference<>() {};
    private static final String COLUMNS = """
            id, team, caseworker, call_id, referred_by, received_on, immediate, state::text AS state, created_at, updated_at""";

    private final Jdbi jdbi;
    private final ObjectMapper json;
    private final Predicate<String> closedStage;

    public CaseDao(Jdbi jdbi, ObjectMapper json, Predicate<String> closedStage) {
        this.jdbi = jdbi;
        this.json = json;
        this.closedStage = closedStage;
        jdbi.registerColumnMapper(CaseState.class, (rs, column, ctx) -> read(rs.getString(column), new TypeReference<CaseState>() {}));
        jdbi.registerColumnMapper(new GenericType<Map<String, Object>>() {}, (rs, column, ctx) -> read(rs.getString(column), DETAIL));
        for (Class<?> row : List.of(CaseRecord.class, CaseEvent.class, Waiting.class, View.class)) {
            jdbi.registerRowMapper(ConstructorMapper.factory(row));
        }
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public void insert(Handle h, CaseRecord c) {
        h.createUpdate("""
                INSERT INTO crt_cases (id, kind, stage, version, team, caseworker, call_id, referred_by, received_on,
                                       immediate, closed, resolution_code, state, created_at, updated_at)
                VALUES (:id, :kind, :stage, :version, :team, :caseworker, :call, :referredBy, :receivedOn, :immediate,
                        :closed, :code, CAST(:state AS jsonb), :at, :at)""")
                .bind("id", c.id()).bind("kind", c.state().kind().name()).bind("stage", c.state().stage())
                .bind("version", c.version()).bind("team", c.team()).bind("caseworker", c.caseworker())
                .bind("call", c.callId()).bind("referredBy", c.referredBy()).bind("receivedOn", c.receivedOn())
                .bind("immediate", c.immediate()).bind("closed", closed(c)).bind("code", c.state().resolutionCode())
                .bind("state", write(c.state())).bind("at", c.createdAt()).execute();
    }

    /** Writes the case's new state, only if no one else has written since {@code seen}; false when someone has. */
    public boolean update(Handle h, CaseRecord c, int seen) {
        return h.createUpdate("""
                UPDATE crt_cases SET stage = :stage, version = :version, caseworker = :caseworker, closed = :closed,
                       resolution_code = :code, state = CAST(:state AS jsonb), updated_at = :at
                WHERE id = :id AND version = :seen""")
                .bind("id", c.id()).bind("stage", c.state().stage()).bind("version", c.version())
                .bind("caseworker", c.caseworker()).bind("closed", closed(c)).bind("code", c.state().resolutionCode())
                .bind("state", write(c.state())).bind("at", c.updatedAt()).bind("seen", seen).execute() == 1;
    }

    public void append(Handle h, UUID caseId, CaseEvent e) {
        h.createUpdate("""
                INSERT INTO crt_case_events (case_id, version, at, on_date, actor, role, type, move, detail)
                VALUES (:case, :version, :at, :on, :actor, :role, :type, :move, CAST(:detail AS jsonb))""")
                .bind("case", caseId).bind("version", e.version()).bind("at", e.at()).bind("on", e.on())
                .bind("actor", e.actor()).bind("role", e.role()).bind("type", e.type()).bind("move", e.move())
                .bind("detail", write(e.detail())).execute();
    }

    public Optional<CaseRecord> lock(Handle h, UUID id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM crt_cases WHERE id = :id FOR UPDATE")
                .bind("id", id).mapTo(CaseRecord.class).findOne();
    }

    public Optional<CaseRecord> find(UUID id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM crt_cases WHERE id = :id")
                .bind("id", id).mapTo(CaseRecord.class).findOne());
    }

    public Optional<CaseRecord> findByCall(UUID callId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM crt_cases WHERE call_id = :call")
                .bind("call", callId).mapTo(CaseRecord.class).findOne());
    }

    /** Every case, open ones first by the date received; a report or a queue filters them. */
    public List<CaseRecord> all() {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM crt_cases ORDER BY closed, immediate DESC, received_on, created_at")
                .mapTo(CaseRecord.class).list());
    }

    public List<CaseEvent> events(UUID caseId) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT version, at, on_date AS "on", actor, role, type, move, detail::text AS detail
                FROM crt_case_events WHERE case_id = :case ORDER BY version""")
                .bind("case", caseId).mapTo(CaseEvent.class).list());
    }

    public List<UUID> ids() {
        return jdbi.withHandle(h -> h.createQuery("SELECT id FROM crt_cases ORDER BY created_at").mapTo(UUID.class).list());
    }

    public void logView(UUID caseId, Actor who, String via, Instant at) {
        jdbi.useHandle(h -> h.createUpdate("""
                INSERT INTO crt_case_views (case_id, username, role, via, at) VALUES (:case, :user, :role, :via, :at)""")
                .bind("case", caseId).bind("user", who.username()).bind("role", who.role()).bind("via", via).bind("at", at).execute());
    }

    /** A guided call whose outcome sends work to the CRT and which has no case yet. */
    public record Waiting(UUID callId, String outcome, String team, Instant completedAt) {}

    public List<Waiting> waitingCalls() {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT c.id AS call_id, c.outcome_code AS outcome, c.completed_at,
                       CASE WHEN c.answers @> CAST(:ni AS jsonb) THEN :niTeam ELSE :gbTeam END AS team
                FROM calls c LEFT JOIN crt_cases k ON k.call_id = c.id
                WHERE k.id IS NULL AND c.status = 'completed'
                  AND (c.outcome_code IN (<toTeam>)
                       OR (c.outcome_code = :staffConduct AND c.answers @> CAST(:fromMp AS jsonb)))
                ORDER BY c.completed_at DESC LIMIT 50""")
                // The same rule as IntakeRules.opensResolutionCase, on the stored answers.
                .bindList("toTeam", List.copyOf(IntakeRules.RESOLUTION_TEAM_OUTCOMES))
                .bind("staffConduct", IntakeRules.STAFF_CONDUCT_CONFIDENTIAL)
                .bind("ni", answered(IntakeRules.REGION, IntakeRules.NI)).bind("niTeam", IntakeRules.NI).bind("gbTeam", IntakeRules.GB)
                .bind("fromMp", answered(IntakeRules.CALLER, IntakeRules.MP_MLA))
                .mapTo(Waiting.class).list());
    }

    public record View(String username, String role, String via, Instant at) {}

    public List<View> views(UUID caseId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT username, role, via, at FROM crt_case_views WHERE case_id = :case ORDER BY id")
                .bind("case", caseId).mapTo(View.class).list());
    }

    private boolean closed(CaseRecord c) {
        return closedStage.test(c.state().stage());
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable stored case data", e);
        }
    }

    /** A stored answers array holding this answer, for a jsonb containment test. */
    private String answered(String question, String answer) {
        return json.createArrayNode().add(json.createObjectNode().put("question", question).put("answer", answer)).toString();
    }
}
