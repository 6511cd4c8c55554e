-- A year of calls (about a million) must list, page and summarise as fast as a week of them. Measured with
-- `bench-review` on `generate --calls 1000000`; the plans are quoted in README ("A year of calls").
--
-- The review list orders by its column, then start time, then id, all in one direction, so every sort reads
-- one of these indexes in order and the next page starts after the last row shown (keyset), whatever its number.
-- None of them covers updated_at, current_question or answers: an answer step still changes no indexed
-- column, so it stays a HOT update (V4) on a table of any size.
DROP INDEX calls_started_at;
DROP INDEX calls_handler;
DROP INDEX calls_outcome;
-- The included columns let a count, or a month's insights, read the index alone (Index Only Scan).
CREATE INDEX calls_started ON calls (started_at, id) INCLUDE (handler_id, outcome_code, completed_at);
CREATE INDEX calls_handler ON calls (handler_id, started_at, id);
CREATE INDEX calls_outcome ON calls (outcome_code, started_at, id);
CREATE INDEX calls_status ON calls (status, started_at, id);
-- Time taken is fixed once a call completes; calls still in progress are few and are read apart.
CREATE INDEX calls_duration ON calls ((completed_at - started_at), started_at, id) WHERE status = 'completed';

-- Insights over months: completed calls per month (UK time), handler and outcome, and how many took each
-- whole number of seconds, for medians. Kept by the triggers below in the transaction that completes or
-- inserts the call, so they are never behind the calls themselves.
CREATE TABLE call_month_outcomes (
    month        date   NOT NULL,
    handler_id   text   NOT NULL,
    outcome_code text   NOT NULL,
    calls        bigint NOT NULL,
    PRIMARY KEY (month, handler_id, outcome_code)
);

CREATE TABLE call_month_durations (
    month      date   NOT NULL,
    handler_id text   NOT NULL,
    seconds    int    NOT NULL,
    calls      bigint NOT NULL,
    PRIMARY KEY (month, handler_id, seconds)
);

-- Every flag a completed call has carried, for the review filter's list.
CREATE TABLE call_flags_seen (
    flag text PRIMARY KEY
);

-- The changes of answer, by when they were made: a sliver of call_events, read for insights.
CREATE INDEX call_events_changed ON call_events (at) INCLUDE (question) WHERE type = 'changed';

-- One completed call (answer step reaching an outcome): two upserts on rows only this handler's calls touch.
CREATE FUNCTION call_completed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    m date := date_trunc('month', NEW.started_at AT TIME ZONE 'Europe/London')::date;
BEGIN
    INSERT INTO call_month_outcomes (month, handler_id, outcome_code, calls) VALUES (m, NEW.handler_id, NEW.outcome_code, 1)
    ON CONFLICT (month, handler_id, outcome_code) DO UPDATE SET calls = call_month_outcomes.calls + 1;
    INSERT INTO call_month_durations (month, handler_id, seconds, calls)
    VALUES (m, NEW.handler_id, round(EXTRACT(EPOCH FROM NEW.completed_at - NEW.started_at))::int, 1)
    ON CONFLICT (month, handler_id, seconds) DO UPDATE SET calls = call_month_durations.calls + 1;
    INSERT INTO call_flags_seen (flag) SELECT unnest(NEW.flags) ON CONFLICT DO NOTHING;
    RETURN NULL;
END $$;

CREATE TRIGGER calls_completed AFTER UPDATE OF status ON calls FOR EACH ROW
    WHEN (OLD.status = 'in_progress' AND NEW.status = 'completed') EXECUTE FUNCTION call_completed();

-- Calls inserted already completed (a bulk load such as `generate`): counted a statement at a time.
CREATE FUNCTION calls_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
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
    INSERT INTO call_flags_seen (flag) SELECT DISTINCT unnest(flags) FROM new_calls WHERE status = 'completed'
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END $$;

CREATE TRIGGER calls_inserted AFTER INSERT ON calls REFERENCING NEW TABLE AS new_calls
    FOR EACH STATEMENT EXECUTE FUNCTION calls_inserted();

-- The calls already stored.
INSERT INTO call_month_outcomes (month, handler_id, outcome_code, calls)
SELECT date_trunc('month', started_at AT TIME ZONE 'Europe/London')::date, handler_id, outcome_code, count(*)
FROM calls WHERE status = 'completed' GROUP BY 1, 2, 3;
INSERT INTO call_month_durations (month, handler_id, seconds, calls)
SELECT date_trunc('month', started_at AT TIME ZONE 'Europe/London')::date, handler_id,
       round(EXTRACT(EPOCH FROM completed_at - started_at))::int, count(*)
FROM calls WHERE status = 'completed' GROUP BY 1, 2, 3;
INSERT INTO call_flags_seen (flag) SELECT DISTINCT unnest(flags) FROM calls WHERE status = 'completed';
