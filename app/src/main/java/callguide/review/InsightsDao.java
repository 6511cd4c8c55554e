package callguide.review;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** Counts over calls and their events for the insights page. */
public final class InsightsDao {
    /** A label and its count; {@code seconds} is a median time where the query gives one. */
    public record Count(String label, long count, long seconds) {}

    private final Jdbi jdbi;

    public InsightsDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public List<Count> perOutcome() {
        return counts("""
                SELECT outcome_code AS label, count(*) AS n, 0 AS s FROM calls WHERE status = 'completed'
                GROUP BY outcome_code ORDER BY n DESC, label""", null);
    }

    /** The median seconds from start to outcome over completed calls; 0 when there are none. */
    public long medianSecondsToOutcome() {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT coalesce(percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM completed_at - started_at)), 0)::bigint
                FROM calls WHERE status = 'completed'""").mapTo(Long.class).one());
    }

    /** The questions whose answers handlers changed most often. */
    public List<Count> changedQuestions() {
        return counts("""
                SELECT question AS label, count(*) AS n, 0 AS s FROM call_events WHERE type = 'changed'
                GROUP BY question ORDER BY n DESC, label LIMIT 10""", null);
    }

    /** The questions calls stopped at: still in progress, untouched since {@code before}. */
    public List<Count> abandonedAt(Instant before) {
        return counts("""
                SELECT current_question AS label, count(*) AS n, 0 AS s FROM calls
                WHERE status = 'in_progress' AND updated_at < :before
                GROUP BY current_question ORDER BY n DESC, label""", before);
    }

    public List<Count> perDay() {
        return counts("""
                SELECT to_char(started_at AT TIME ZONE 'Europe/London', 'YYYY-MM-DD') AS label, count(*) AS n,
                       coalesce(percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM completed_at - started_at)), 0)::bigint AS s
                FROM calls GROUP BY label ORDER BY label DESC LIMIT 31""", null);
    }

    public List<Count> perHandler() {
        return counts("""
                SELECT handler_id AS label, count(*) AS n,
                       coalesce(percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM completed_at - started_at)), 0)::bigint AS s
                FROM calls GROUP BY handler_id ORDER BY n DESC, label LIMIT 50""", null);
    }

    private List<Count> counts(String sql, Instant before) {
        return jdbi.withHandle(h -> {
            var q = h.createQuery(sql);
            if (before != null) q.bind("before", before);
            return q.map((rs, ctx) -> new Count(rs.getString("label"), rs.getLong("n"), rs.getLong("s"))).list();
        });
    }
}
