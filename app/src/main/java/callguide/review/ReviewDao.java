package callguide.review;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/** The supervisors' queries over calls, and the log of who looked at which call. */
public final class ReviewDao {
    private static final Map<String, String> ORDER = Map.of("started", "started_at", "handler", "handler_id",
            "outcome", "outcome_code", "status", "status", "duration", "seconds");
    private static final String ROW = """
            SELECT id, handler_id, status, outcome_code, flags, flow_version, started_at, completed_at, current_question,
                   EXTRACT(EPOCH FROM (coalesce(completed_at, updated_at) - started_at))::bigint AS seconds
            FROM calls""";

    private final Jdbi jdbi;

    public ReviewDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** One page of the calls the filter picks, in its order. */
    public List<CallRow> page(ReviewFilter f) {
        return select(f, " LIMIT " + ReviewFilter.PAGE_SIZE + " OFFSET " + (long) (f.page() - 1) * ReviewFilter.PAGE_SIZE);
    }

    /** Every call the filter picks, for the export. */
    public List<CallRow> all(ReviewFilter f) {
        return select(f, "");
    }

    public int count(ReviewFilter f) {
        Where w = where(f);
        return jdbi.withHandle(h -> {
            Query q = h.createQuery("SELECT count(*) FROM calls" + w.sql());
            w.binds().forEach(q::bind);
            return q.mapTo(Integer.class).one();
        });
    }

    public List<String> handlers() {
        return jdbi.withHandle(h -> h.createQuery("SELECT DISTINCT handler_id FROM calls ORDER BY handler_id").mapTo(String.class).list());
    }

    public List<String> outcomes() {
        return jdbi.withHandle(h -> h.createQuery("SELECT DISTINCT outcome_code FROM calls WHERE outcome_code IS NOT NULL ORDER BY 1")
                .mapTo(String.class).list());
    }

    public List<String> flags() {
        return jdbi.withHandle(h -> h.createQuery("SELECT DISTINCT unnest(flags) AS f FROM calls ORDER BY 1").mapTo(String.class).list());
    }

    public void logAccess(UUID callId, String username, String role, String page, Instant at) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO call_access_log (call_id, username, role, page, at) VALUES (:call, :user, :role, :page, :at)""")
                .bind("call", callId).bind("user", username).bind("role", role).bind("page", page).bind("at", at).execute());
    }

    public record Access(Instant at, String username, String role, UUID callId, String page) {}

    public List<Access> accessLog(int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT at, username, role, call_id, page FROM call_access_log ORDER BY at DESC, id DESC LIMIT :n")
                .bind("n", limit)
                .map((rs, ctx) -> new Access(rs.getTimestamp("at").toInstant(), rs.getString("username"), rs.getString("role"),
                        rs.getObject("call_id", UUID.class), rs.getString("page")))
                .list());
    }

    private List<CallRow> select(ReviewFilter f, String limit) {
        Where w = where(f);
        String order = " ORDER BY " + ORDER.get(f.sort()) + (f.descending() ? " DESC NULLS LAST" : " ASC NULLS LAST") + ", id";
        return jdbi.withHandle(h -> {
            Query q = h.createQuery("SELECT * FROM (" + ROW + w.sql() + ") c" + order + limit);
            w.binds().forEach(q::bind);
            return q.map((rs, ctx) -> row(rs)).list();
        });
    }

    private record Where(String sql, Map<String, Object> binds) {}

    private static Where where(ReviewFilter f) {
        List<String> parts = new ArrayList<>();
        Map<String, Object> binds = new HashMap<>();
        if (f.from() != null) {
            parts.add("started_at >= :from");
            binds.put("from", f.from().atStartOfDay(ReviewFilter.UK).toInstant());
        }
        if (f.to() != null) {
            parts.add("started_at < :to");
            binds.put("to", f.to().plusDays(1).atStartOfDay(ReviewFilter.UK).toInstant());
        }
        if (f.handler() != null) { parts.add("handler_id = :handler"); binds.put("handler", f.handler()); }
        if (f.outcome() != null) { parts.add("outcome_code = :outcome"); binds.put("outcome", f.outcome()); }
        if (f.flag() != null) { parts.add(":flag = ANY(flags)"); binds.put("flag", f.flag()); }
        if (f.status() != null) { parts.add("status = :status"); binds.put("status", f.status()); }
        return new Where(parts.isEmpty() ? "" : " WHERE " + String.join(" AND ", parts), binds);
    }

    private static CallRow row(ResultSet rs) throws SQLException {
        Timestamp done = rs.getTimestamp("completed_at");
        return new CallRow(rs.getObject("id", UUID.class), rs.getString("handler_id"), rs.getString("status"),
                rs.getString("outcome_code"), Arrays.asList((String[]) rs.getArray("flags").getArray()),
                rs.getString("flow_version"), rs.getTimestamp("started_at").toInstant(),
                done == null ? null : done.toInstant(), rs.getString("current_question"), rs.getLong("seconds"));
    }
}
