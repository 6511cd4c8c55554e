package callguide.assist;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** The SQL for stored case-note summaries: rows are only added, one per call and summary version. */
final class SummaryDao {
    /** A stored summary: its text when written, or why there is none. */
    record Stored(UUID call, String summary, String reason, Instant writtenAt) {
        boolean written() {
            return summary != null;
        }
    }

    private final Jdbi jdbi;

    SummaryDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    Optional<Stored> find(UUID call, int version) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT call_id, summary, reason, written_at FROM call_summaries
                        WHERE call_id = :call AND version = :version""")
                .bind("call", call).bind("version", version)
                .map((rs, ctx) -> new Stored(rs.getObject("call_id", UUID.class), rs.getString("summary"), rs.getString("reason"),
                        rs.getTimestamp("written_at").toInstant()))
                .findOne());
    }

    /** Adds the call's summary, or its reason for having none; a row already there (written elsewhere first) stays. */
    void add(UUID call, int version, String summary, String reason, String model, Instant at) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO call_summaries (call_id, version, status, summary, reason, model, written_at)
                        VALUES (:call, :version, :status, :summary, :reason, :model, :at)
                        ON CONFLICT (call_id, version) DO NOTHING""")
                .bind("call", call).bind("version", version).bind("status", summary == null ? "none" : "written")
                .bind("summary", summary).bind("reason", reason).bind("model", model).bind("at", at)
                .execute());
    }
}
