package callguide.call;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.core.statement.PreparedBatch;

/** The SQL for calls and their events. Methods taking a Handle run inside the caller's transaction. */
public final class CallDao {
    private static final TypeReference<List<GivenAnswer>> ANSWERS = new TypeReference<>() {};
    private static final String CALL_COLUMNS = """
            id, flow_id, flow_version, handler_id, call_sid, nation, status, current_question, answers::text AS answers,
            outcome_code, flags, outcome::text AS outcome, started_at, updated_at, completed_at""";

    private final Jdbi jdbi;
    /** The answers' JSON type, resolved once rather than on every read and write. */
    private final ObjectReader answersReader;
    private final ObjectWriter answersWriter;

    public CallDao(Jdbi jdbi, ObjectMapper json) {
        this.jdbi = jdbi;
        this.answersReader = json.readerFor(ANSWERS);
        this.answersWriter = json.writerFor(ANSWERS);
        // A call is read on every answer step: its columns are read by name, not matched to the record's
        // constructor by reflection each time a statement runs. Events are read onto their record's constructor.
        jdbi.registerRowMapper(Call.class, (rs, ctx) -> call(rs));
        jdbi.registerRowMapper(ConstructorMapper.factory(CallEvent.class));
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public void insert(Handle h, Call c) {
        h.createUpdate("""
                INSERT INTO calls (id, flow_id, flow_version, handler_id, call_sid, nation, status, current_question,
                                   started_at, updated_at)
                VALUES (:id, :flow, :version, :handler, :sid, :nation, 'in_progress', :question, :at, :at)""")
                .bind("id", c.id()).bind("flow", c.flowId()).bind("version", c.flowVersion())
                .bind("handler", c.handlerId()).bind("sid", c.callSid()).bind("nation", c.nation().id())
                .bind("question", c.currentQuestion()).bind("at", c.startedAt())
                .execute();
    }

    public Optional<UUID> idForCallSid(String callSid) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id FROM calls WHERE call_sid = :sid")
                .bind("sid", callSid).mapTo(UUID.class).findOne());
    }

    /** The call, locked for this transaction, and what this request id already did on it, if anything. */
    public record Locked(Call call, String priorResponse, String priorType) {
        /**
         * The reply already given to this request id, or null when it is new. A request id is one request:
         * reused for a different kind of request, it is refused rather than answered with another's reply.
         */
        public String replay(String... kinds) {
            if (priorType == null) return null;
            if (java.util.Arrays.asList(kinds).contains(priorType)) return priorResponse;
            throw new CallRefused(CallRefused.Reason.request_id_reused,
                    "this requestId was already used on this call for a different request (" + priorType + ")");
        }
    }

    public Optional<Locked> lock(Handle h, UUID id, UUID requestId) {
        Optional<Call> call = h.createQuery("SELECT " + CALL_COLUMNS + " FROM calls WHERE id = :id FOR UPDATE")
                .bind("id", id).mapTo(Call.class).findOne();
        if (call.isEmpty() || requestId == null) return call.map(c -> new Locked(c, null, null));
        // Read once the lock is held, in a statement of its own: a joined read would not see the events of a
        // request with the same id that held the lock first, and would refuse its retry instead of replaying it.
        return h.createQuery("SELECT response::text AS prior, type FROM call_events WHERE call_id = :id AND request_id = :request")
                .bind("id", id).bind("request", requestId)
                .map((rs, ctx) -> new Locked(call.get(), rs.getString("prior"), rs.getString("type")))
                .findOne().or(() -> Optional.of(new Locked(call.get(), null, null)));
    }

    public void append(Handle h, UUID callId, Instant at, List<CallEvent> events, UUID requestId, String response) {
        PreparedBatch batch = h.prepareBatch("""
                INSERT INTO call_events (call_id, at, type, question, answer, note, detail, request_id, response)
                VALUES (:call, :at, :type, :question, :answer, :note, CAST(:detail AS jsonb), :request, CAST(:response AS json))""");
        for (int i = 0; i < events.size(); i++) {
            CallEvent e = events.get(i);
            boolean first = i == 0;
            batch.bind("call", callId).bind("at", at).bind("type", e.type()).bind("question", e.question())
                    .bind("answer", e.answer()).bind("note", e.note()).bind("detail", e.detail())
                    .bind("request", first ? requestId : null)
                    .bind("response", first && requestId != null ? response : null).add();
        }
        batch.execute();
    }

    /** One answer step's write, in the caller's transaction: its events, then the call's new state. */
    public void record(Handle h, Call c, Instant at, List<CallEvent> events, UUID requestId, String response) {
        append(h, c.id(), at, events, requestId, response);
        h.createUpdate("""
                        UPDATE calls SET status = :status, current_question = :question, answers = CAST(:answers AS jsonb),
                               outcome_code = :outcomeCode, flags = :flags, outcome = CAST(:outcome AS json),
                               updated_at = :updatedAt, completed_at = :completedAt
                        WHERE id = :id""")
                .bind("id", c.id()).bind("status", c.status().name()).bind("question", c.currentQuestion())
                .bind("answers", writeAnswers(c.answers())).bind("outcomeCode", c.outcomeCode())
                .bind("flags", c.flags().toArray(new String[0])).bind("outcome", c.outcome())
                .bind("updatedAt", c.updatedAt()).bindByType("completedAt", c.completedAt(), Instant.class)
                .execute();
    }

    /** Whether the call keeps no details for now: a staff-conduct "yes" waits on the handler's check page. */
    public boolean withheld(Handle h, UUID callId) {
        return h.createQuery("SELECT EXISTS (SELECT 1 FROM details_withheld WHERE call_id = :id)").bind("id", callId).mapTo(Boolean.class).one();
    }

    public void withhold(Handle h, UUID callId, Instant since) {
        h.createUpdate("INSERT INTO details_withheld (call_id, since) VALUES (:id, :since) ON CONFLICT DO NOTHING")
                .bind("id", callId).bind("since", since).execute();
    }

    public void release(Handle h, UUID callId) {
        h.createUpdate("DELETE FROM details_withheld WHERE call_id = :id").bind("id", callId).execute();
    }

    /** Blanks the text of every note on the call; the events themselves stay, so the record shows notes were removed. */
    public int redactNotes(Handle h, UUID callId) {
        return h.createUpdate("UPDATE call_events SET note = NULL, response = NULL WHERE call_id = :id AND note IS NOT NULL")
                .bind("id", callId).execute();
    }

    /** Deletes what was said on the call: a transcript is all details, so none of it may stay. */
    public int redactTranscript(Handle h, UUID callId) {
        return h.createUpdate("DELETE FROM transcript_lines WHERE call_id = :id").bind("id", callId).execute();
    }

    public Optional<Call> find(UUID id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + CALL_COLUMNS + " FROM calls WHERE id = :id")
                .bind("id", id).mapTo(Call.class).findOne());
    }

    public List<CallEvent> events(UUID callId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT id, at, type, question, answer, note, detail::text AS detail
                        FROM call_events WHERE call_id = :id ORDER BY id""")
                .bind("id", callId).mapTo(CallEvent.class).list());
    }

    /** A row of {@link #CALL_COLUMNS}. */
    private Call call(ResultSet rs) throws SQLException {
        Array flags = rs.getArray("flags");
        return new Call(rs.getObject("id", UUID.class), rs.getString("flow_id"), rs.getString("flow_version"),
                rs.getString("handler_id"), rs.getString("call_sid"), Nation.fromId(rs.getString("nation")),
                Call.Status.valueOf(rs.getString("status")), rs.getString("current_question"), read(rs.getString("answers")),
                rs.getString("outcome_code"), flags == null ? List.of() : Arrays.asList((String[]) flags.getArray()), rs.getString("outcome"),
                instant(rs, "started_at"), instant(rs, "updated_at"), instant(rs, "completed_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }

    private List<GivenAnswer> read(String answers) {
        try {
            return answersReader.readValue(answers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored answers are not JSON", e);
        }
    }

    private String writeAnswers(List<GivenAnswer> answers) {
        try {
            return answersWriter.writeValueAsString(answers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
