package callguide.review;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/** Counts over calls and their events for the insights page. */
public final class InsightsDao {
    /** A label and its count; {@code seconds} is a median time where the query gives one. */
    public record Count(String label, long count, long seconds) {}

    private final Jdbi jdbi;

    public InsightsDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    // One definition of "calls" on the insights page: calls that reached an outcome (completed), started
    // on or after :since. Calls still in progress or ended without an outcome are counted only where a chart says so.

    public List<Count> perOutcome(Instant since) {
        return counts("""
                SELECT outcome_code AS label, count(*) AS count, 0 AS seconds FROM calls WHERE status = 'completed' AND started_at >= :since
                GROUP BY outcome_code ORDER BY count DESC, label""", since, null);
    }

    /** The median seconds from start to outcome over completed calls; 0 when there are none. */
    public long medianSecondsToOutcome(Instant since) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT coalesce(percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM completed_at - started_at)), 0)::bigint
                FROM calls WHERE status = 'completed' AND started_at >= :since""").bind("since", since).mapTo(Long.class).one());
    }

    /** Calls ended by the handler without an outcome. */
    public long ended(Instant since) {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM calls WHERE status = 'ended' AND started_at >= :since")
                .bind("since", since).mapTo(Long.class).one());
    }

    /** The questions whose answers handlers changed most often, on completed calls. */
    public List<Count> changedQuestions(Instant since) {
        return counts("""
                SELECT e.question AS label, count(*) AS count, 0 AS seconds FROM call_events e JOIN calls c ON c.id = e.call_id
                WHERE e.type = 'changed' AND c.status = 'completed' AND c.started_at >= :since
                GROUP BY e.question ORDER BY count DESC, label LIMIT 10""", since, null);
    }

    /** The questions calls stopped at: still in progress, untouched since {@code before}. */
    public List<Count> abandonedAt(Instant since, Instant before) {
        return counts("""
                SELECT current_question AS label, count(*) AS count, 0 AS seconds FROM calls
                WHERE status = 'in_progress' AND updated_at < :before AND started_at >= :since
                GROUP BY current_question ORDER BY count DESC, label""", since, before);
    }

    /** Completed calls per UK day, newest first, labelled dd/mm/yyyy. */
    public List<Count> perDay(Instant since) {
        return counts("""
                SELECT to_char((started_at AT TIME ZONE 'Europe/London')::date, 'DD/MM/YYYY') AS label, count(*) AS count,
                       coalesce(percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM completed_at - started_at)), 0)::bigint AS seconds
                FROM calls WHERE status = 'completed' AND started_at >= :since
                GROUP BY (started_at AT TIME ZONE 'Europe/London')::date
                ORDER BY (started_at AT TIME ZONE 'Europe/London')::date DESC LIMIT 31""", since, null);
    }

    public List<Count> perHandler(Instant since) {
        return counts("""
                SELECT handler_id AS label, count(*) AS count,
                       coalesce(percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM completed_at - started_at)), 0)::bigint AS seconds
                FROM calls WHERE status = 'completed' AND started_at >= :since GROUP BY handler_id ORDER BY count DESC, label LIMIT 50""", since, null);
    }

    private List<Count> counts(String sql, Instant since, Instant before) {
        return jdbi.withHandle(h -> {
            var q = h.createQuery(sql);
            q.bind("since", since);
            if (before != null) q.bind("before", before);
            return q.map(ConstructorMapper.of(Count.class)).list();
        });
    }
}
