package callguide.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * Counts over calls and their events for the insights page, over a period. Periods of whole months (the last
 * 12, or all of them) read the monthly counts V35's triggers keep as calls complete, not the calls; the last
 * 30 days read the calls themselves through the calls_started index, which carries the columns they need.
 */
public final class InsightsDao {
    /** A label and its count; {@code seconds} is a median time where the query gives one. */
    public record Count(String label, long count, long seconds) {}

    /**
     * Calls started from {@code from} (null: all of them); {@code month} is the first month when the period is
     * whole months, so the monthly counts can answer, and null when it is not.
     */
    public record Period(Instant from, LocalDate month) {
        public static final Period ALL = new Period(null, LocalDate.of(1900, 1, 1));

        boolean monthly() {
            return month != null;
        }
    }

    private final Jdbi jdbi;

    public InsightsDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public List<Count> perOutcome(Period p) {
        if (p.monthly()) {
            return counts("""
                    SELECT outcome_code AS label, sum(calls)::bigint AS n, 0 AS s FROM call_month_outcomes WHERE month >= :month
                    GROUP BY outcome_code ORDER BY n DESC, label""", p);
        }
        return counts("""
                SELECT outcome_code AS label, count(*) AS n, 0 AS s FROM calls WHERE outcome_code IS NOT NULL AND started_at >= :from
                GROUP BY outcome_code ORDER BY n DESC, label""", p);
    }

    /** The median seconds from start to outcome over completed calls; 0 when there are none. */
    public long medianSecondsToOutcome(Period p) {
        if (p.monthly()) {
            List<Count> all = counts(MEDIANS.formatted("'all'::text"), p);
            return all.isEmpty() ? 0 : all.get(0).seconds();
        }
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT coalesce(percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM completed_at - started_at)), 0)::bigint
                FROM calls WHERE completed_at IS NOT NULL AND started_at >= :from""").bind("from", p.from()).mapTo(Long.class).one());
    }

    /**
     * The median over the monthly counts of seconds: in each group, the smallest time whose running count passes
     * the middle (the mean of the two middle ones for an even count, as percentile_cont gives), to the second.
     */
    private static final String MEDIANS = """
            WITH h AS (
                SELECT %s AS g, seconds, sum(calls)::bigint AS n FROM call_month_durations WHERE month >= :month GROUP BY 1, 2),
            c AS (
                SELECT g, seconds, sum(n) OVER (PARTITION BY g ORDER BY seconds) AS upto, sum(n) OVER (PARTITION BY g) AS total FROM h)
            SELECT g AS label, max(total)::bigint AS n,
                   round((min(seconds) FILTER (WHERE upto > div(total - 1, 2)) + min(seconds) FILTER (WHERE upto > div(total, 2))) / 2.0)::bigint AS s
            FROM c GROUP BY g""";

    /** The questions whose answers handlers changed most often. */
    public List<Count> changedQuestions(Period p) {
        return counts("""
                SELECT question AS label, count(*) AS n, 0 AS s FROM call_events WHERE type = 'changed' AND at >= :from
                GROUP BY question ORDER BY n DESC, label LIMIT 10""", p);
    }

    /** The questions calls stopped at: still in progress, untouched since {@code before}. */
    public List<Count> abandonedAt(Instant before, Period p) {
        Map<String, Object> binds = new HashMap<>();
        binds.put("before", before);
        return counts("""
                SELECT current_question AS label, count(*) AS n, 0 AS s FROM calls
                WHERE status = 'in_progress' AND updated_at < :before AND started_at >= :from
                GROUP BY current_question ORDER BY n DESC, label""", p, binds);
    }

    /** The last 31 days of the period that had calls (within the month before its latest call). */
    public List<Count> perDay(Period p) {
        return counts("""
                SELECT to_char(started_at AT TIME ZONE 'Europe/London', 'YYYY-MM-DD') AS label, count(*) AS n,
                       coalesce(percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM completed_at - started_at)), 0)::bigint AS s
                FROM calls WHERE started_at >= greatest(:from, (SELECT max(started_at) FROM calls) - interval '32 days')
                GROUP BY label ORDER BY label DESC LIMIT 31""", p);
    }

    public List<Count> perHandler(Period p) {
        if (p.monthly()) {
            // Completed calls and their medians from the monthly counts; the few still in progress from the calls.
            return counts("""
                    WITH done AS (%s),
                    open AS (SELECT handler_id AS g, count(*) AS n FROM calls WHERE status = 'in_progress' AND started_at >= :from GROUP BY 1)
                    SELECT coalesce(done.label, open.g) AS label, (coalesce(done.n, 0) + coalesce(open.n, 0))::bigint AS n, coalesce(done.s, 0) AS s
                    FROM done FULL JOIN open ON open.g = done.label ORDER BY n DESC, label LIMIT 50""".formatted(MEDIANS.formatted("handler_id")), p);
        }
        return counts("""
                SELECT handler_id AS label, count(*) AS n,
                       coalesce(percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM completed_at - started_at)), 0)::bigint AS s
                FROM calls WHERE started_at >= :from GROUP BY handler_id ORDER BY n DESC, label LIMIT 50""", p);
    }

    private List<Count> counts(String sql, Period p) {
        return counts(sql, p, Map.of());
    }

    private List<Count> counts(String sql, Period p, Map<String, Object> binds) {
        return jdbi.withHandle(h -> {
            Query q = h.createQuery(sql);
            // All calls: a date before any, so every period runs the same statements.
            if (sql.contains(":from")) q.bind("from", p.from() == null ? Instant.parse("1900-01-01T00:00:00Z") : p.from());
            if (sql.contains(":month")) q.bind("month", p.month());
            binds.forEach(q::bind);
            return q.map((rs, ctx) -> new Count(rs.getString("label"), rs.getLong("n"), rs.getLong("s"))).list();
        });
    }
}
