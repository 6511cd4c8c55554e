-- Insights over a year read counts kept as calls complete, not every call. V35 keeps completed calls per month,
-- handler and outcome, and per month, handler and whole seconds taken. This adds the two counts insights still
-- took from the calls: seconds taken per UK day (the per-day chart's medians), and changes of answer per month,
-- handler and question. Kept in the transaction that completes the call, so never behind the calls themselves.
-- At 1,000,000 calls, 12 months of insights: README, "A year of calls".

-- Shared by all handlers: two calls completing in the same second of the same day wait for each other's commit.
CREATE TABLE call_day_durations (
    day     date   NOT NULL,
    seconds int    NOT NULL,
    calls   bigint NOT NULL,
    PRIMARY KEY (day, seconds)
);

CREATE TABLE call_month_changes (
    month      date   NOT NULL,
    handler_id text   NOT NULL,
    question   text   NOT NULL,
    changes    bigint NOT NULL,
    PRIMARY KEY (month, handler_id, question)
);

-- The changes of answer on these calls, if completed. Also called by a bulk load (`generate`) once it has written
-- a batch's events, since its calls are inserted completed before their events exist.
CREATE FUNCTION count_changed_answers(ids uuid[]) RETURNS void LANGUAGE sql AS $$
    INSERT INTO call_month_changes (month, handler_id, question, changes)
    SELECT date_trunc('month', c.started_at AT TIME ZONE 'Europe/London')::date, c.handler_id, e.question, count(*)
    FROM calls c JOIN call_events e ON e.call_id = c.id AND e.type = 'changed'
    WHERE c.id = ANY (ids) AND c.status = 'completed'
    GROUP BY 1, 2, 3
    ON CONFLICT (month, handler_id, question) DO UPDATE SET changes = call_month_changes.changes + EXCLUDED.changes
$$;

CREATE OR REPLACE FUNCTION call_completed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    m date := date_trunc('month', NEW.started_at AT TIME ZONE 'Europe/London')::date;
    s int := round(EXTRACT(EPOCH FROM NEW.completed_at - NEW.started_at))::int;
BEGIN
    INSERT INTO call_month_outcomes (month, handler_id, outcome_code, calls) VALUES (m, NEW.handler_id, NEW.outcome_code, 1)
    ON CONFLICT (month, handler_id, outcome_code) DO UPDATE SET calls = call_month_outcomes.calls + 1;
    INSERT INTO call_month_durations (month, handler_id, seconds, calls) VALUES (m, NEW.handler_id, s, 1)
    ON CONFLICT (month, handler_id, seconds) DO UPDATE SET calls = call_month_durations.calls + 1;
    INSERT INTO call_day_durations (day, seconds, calls) VALUES ((NEW.started_at AT TIME ZONE 'Europe/London')::date, s, 1)
    ON CONFLICT (day, seconds) DO UPDATE SET calls = call_day_durations.calls + 1;
    PERFORM count_changed_answers(ARRAY[NEW.id]);
    INSERT INTO call_flags_seen (flag) SELECT unnest(NEW.flags) ON CONFLICT DO NOTHING;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION calls_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO call_month_outcomes (month, handler_id, outcome_code, calls)
    SELECT date_trunc('month', started_at AT TIME ZONE 'Europe/London')::date, handler_id, outcome_code, count(*)
    FROM new_calls WHERE status = 'completed' GROUP BY 1, 2, 3
    ON CONFLICT (month, handler_id, outcome_code) DO UPDATE SET calls = call_month_outcomes.calls + EXCLUDED.calls;
    INSERT INTO call_month_durations (month, handler_id, seconds, calls)
    SELECT date_trunc('month', started_at AT TIME ZONE 'Europe/London')::date, handler_id,
           round(EXTRACT(EPOCH FROM completed_at - started_at))::int, count(*)
    FROM new_calls WHERE status = 'completed' GROUP BY 1, 2, 3
    ON CONFLICT (month, handler_id, seconds) DO UPDATE SET calls = call_month_durations.calls + EXCLUDED.calls;
    INSERT INTO call_day_durations (day, seconds, calls)
    SELECT (started_at AT TIME ZONE 'Europe/London')::date, round(EXTRACT(EPOCH FROM completed_at - started_at))::int, count(*)
    FROM new_calls WHERE status = 'completed' GROUP BY 1, 2
    ON CONFLICT (day, seconds) DO UPDATE SET calls = call_day_durations.calls + EXCLUDED.calls;
    INSERT INTO call_flags_seen (flag) SELECT DISTINCT unnest(flags) FROM new_calls WHERE status = 'completed'
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END $$;

-- The calls already stored.
INSERT INTO call_day_durations (day, seconds, calls)
SELECT (started_at AT TIME ZONE 'Europe/London')::date, round(EXTRACT(EPOCH FROM completed_at - started_at))::int, count(*)
FROM calls WHERE status = 'completed' GROUP BY 1, 2;
INSERT INTO call_month_changes (month, handler_id, question, changes)
SELECT date_trunc('month', c.started_at AT TIME ZONE 'Europe/London')::date, c.handler_id, e.question, count(*)
FROM calls c JOIN call_events e ON e.call_id = c.id AND e.type = 'changed'
WHERE c.status = 'completed'
GROUP BY 1, 2, 3;
