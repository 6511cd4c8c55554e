package callguide.review;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.core.statement.SqlStatements;

/**
 * Counts over calls and their events for the insights page, over the calls started from a UK day on.
 *
 * <p>One definition of "calls": calls that reached an outcome (completed). Calls still in progress or ended
 * without an outcome are counted only where a chart says so. What a period's whole UK months hold is read from
 * the counts the triggers of V35 and V45 keep in the transaction that completes a call (outcomes, changes of
 * answer, and how many calls took each whole number of seconds, from which medians are exact), set right by the
 * calls of the days where the period starts mid-month (see {@link #counts}). Twelve months then read about
 * 120,000 rows of counts and at most half a month of calls instead of every call (README, "A year of calls").
 */
public final class InsightsDao {
    /** A label and its count; {@code seconds} is a median time where the query gives one. */
    public record Count(String label, long count, long seconds) {}

    /** The median time from start to outcome over all completed calls, and per handler, busiest first. */
    public record TimesToOutcome(long medianSeconds, List<Count> perHandler) {}

    /** The first day of "all time". */
    public static final LocalDate ALL_TIME = LocalDate.of(1970, 1, 1);
    private static final ZoneId UK = ZoneId.of("Europe/London");
    private static final int HANDLERS_SHOWN = 50;

    /** Completed calls per outcome: whole months from their counts, set right by the calls of the days at the period's start. */
    private static final String OUTCOMES = """
            SELECT outcome_code AS label, sum(n)::bigint AS count, 0 AS seconds FROM (
                SELECT outcome_code, calls AS n FROM call_month_outcomes WHERE month >= :month
                UNION ALL
                SELECT outcome_code, :sign * count(*) FROM calls WHERE status = 'completed' AND started_at >= :daysFrom AND started_at < :daysTo
                GROUP BY outcome_code) o
            GROUP BY outcome_code HAVING sum(n) > 0 ORDER BY count DESC, label""";

    /**
     * Completed calls by handler and whole seconds taken, counted the same two ways, then the median per handler and
     * over all (label null): the smallest time whose running count passes the middle, or the mean of the two middle
     * ones for an even count, as percentile_cont gives.
     */
    private static final String TIMES = """
            WITH h AS (
                SELECT handler_id, seconds, sum(n) AS n FROM (
                    SELECT handler_id, seconds, calls AS n FROM call_month_durations WHERE month >= :month
                    UNION ALL
                    SELECT handler_id, round(EXTRACT(EPOCH FROM completed_at - started_at))::int, :sign * count(*) FROM calls
                    WHERE status = 'completed' AND started_at >= :daysFrom AND started_at < :daysTo GROUP BY 1, 2) d
                GROUP BY 1, 2 HAVING sum(n) > 0),
            g AS (SELECT handler_id AS g, seconds, n FROM h UNION ALL SELECT NULL, seconds, sum(n) FROM h GROUP BY seconds),
            %s""".formatted(medians("g"));

    /** Changes of answer on completed calls, per question, counted the same two ways. */
    private static final String CHANGES = """
            SELECT question AS label, sum(n)::bigint AS count, 0 AS seconds FROM (
                SELECT question, changes AS n FROM call_month_changes WHERE month >= :month
                UNION ALL
                SELECT e.question, :sign * count(*) FROM call_events e JOIN calls c ON c.id = e.call_id
                WHERE e.type = 'changed' AND c.status = 'completed' AND c.started_at >= :daysFrom AND c.started_at < :daysTo
                GROUP BY e.question) q
            GROUP BY question HAVING sum(n) > 0 ORDER BY count DESC, label LIMIT 10""";

    /** The newest 31 UK days of the period with completed calls, each with its median, from the daily counts. */
    private static final String DAYS = """
            SELECT to_char(d.label, 'DD/MM/YYYY') AS label, d.count, d.seconds FROM (
                WITH shown AS (SELECT day FROM call_day_durations WHERE day >= :from GROUP BY day ORDER BY day DESC LIMIT 31),
                g AS (SELECT day AS g, seconds, calls AS n FROM call_day_durations WHERE day >= (SELECT min(day) FROM shown)),
                %s) d
            ORDER BY d.label DESC""".formatted(medians("g"));

    /** Each group's count and median over rows (g, seconds, n) of the table {@code g}. */
    private static String medians(String table) {
        return """
                c AS (SELECT g, seconds, sum(n) OVER (PARTITION BY g ORDER BY seconds) AS upto, sum(n) OVER (PARTITION BY g) AS total FROM %s)
                SELECT g AS label, max(total)::bigint AS count,
                       round((min(seconds) FILTER (WHERE upto > div(total - 1, 2)) + min(seconds) FILTER (WHERE upto > div(total, 2))) / 2.0)::bigint AS seconds
                FROM c GROUP BY g""".formatted(table);
    }

    private final Jdbi jdbi;

    public InsightsDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public List<Count> perOutcome(LocalDate from) {
        return counts(OUTCOMES, from);
    }

    public TimesToOutcome timesToOutcome(LocalDate from) {
        List<Count> groups = counts(TIMES + " ORDER BY count DESC, label", from);
        long median = groups.stream().filter(c -> c.label() == null).mapToLong(Count::seconds).findFirst().orElse(0);
        return new TimesToOutcome(median, groups.stream().filter(c -> c.label() != null).limit(HANDLERS_SHOWN).toList());
    }

    /** The questions whose answers handlers changed most often, on completed calls. */
    public List<Count> changedQuestions(LocalDate from) {
        return counts(CHANGES, from);
    }

    /** Completed calls per UK day, newest first, labelled dd/mm/yyyy: the newest 31 days that have any. */
    public List<Count> perDay(LocalDate from) {
        return counts(DAYS, from);
    }

    /** Calls ended by the handler without an outcome: few, read from calls_status alone. */
    public long ended(LocalDate from) {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM calls WHERE status = 'ended' AND started_at >= :since")
                .bind("since", start(from)).mapTo(Long.class).one());
    }

    /** The questions calls stopped at: still in progress, untouched since {@code before}. Few, read from the calls. */
    public List<Count> abandonedAt(LocalDate from, Instant before) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT current_question AS label, count(*) AS count, 0 AS seconds FROM calls
                        WHERE status = 'in_progress' AND updated_at < :before AND started_at >= :since
                        GROUP BY current_question ORDER BY count DESC, label""")
                .bind("since", start(from)).bind("before", before).map(ConstructorMapper.of(Count.class)).list());
    }

    /**
     * Binds the period: its first day, and the months whose counts are read with the days that set them right. From
     * the 1st to the 16th of a month, that month's counts less its days before the period; later, the next month's
     * counts plus the period's days before it. Either way at most about half a month of calls is read.
     */
    private List<Count> counts(String sql, LocalDate from) {
        LocalDate monthOfFrom = from.withDayOfMonth(1);
        boolean less = from.getDayOfMonth() <= 16;
        LocalDate month = less ? monthOfFrom : monthOfFrom.plusMonths(1);
        LocalDate daysFrom = less ? monthOfFrom : from;
        LocalDate daysTo = less ? from : month;
        return jdbi.withHandle(h -> h.createQuery(sql).configure(SqlStatements.class, s -> s.setUnusedBindingAllowed(true))
                .bind("from", from).bind("month", month).bind("daysFrom", start(daysFrom)).bind("daysTo", start(daysTo))
                .bind("sign", less ? -1 : 1).map(ConstructorMapper.of(Count.class)).list());
    }

    private static Instant start(LocalDate day) {
        return day.atStartOfDay(UK).toInstant();
    }
}
