-- A call's changes of answer are counted by the completing trigger itself. Through count_changed_answers (a SQL
-- function, whose statement PostgreSQL plans again on every call) each completion spent about 1.4 ms planning for
-- 0.2 ms of work; PL/pgSQL keeps its statements' plans for the session. NEW is the call, so no join to calls either.
-- count_changed_answers stays for bulk loads (`generate`), which call it once per batch. Made PL/pgSQL instead, it
-- still took 0.41 ms a completion: its plan is for an array of ids, not for the one key NEW.id gives here. This
-- function has to be restated whole to change one statement. Measured: README, "Profiling PostgreSQL's share".
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
    INSERT INTO call_month_changes (month, handler_id, question, changes)
    SELECT m, NEW.handler_id, e.question, count(*) FROM call_events e WHERE e.call_id = NEW.id AND e.type = 'changed'
    GROUP BY e.question
    ON CONFLICT (month, handler_id, question) DO UPDATE SET changes = call_month_changes.changes + EXCLUDED.changes;
    INSERT INTO call_flags_seen (flag) SELECT unnest(NEW.flags) ON CONFLICT DO NOTHING;
    RETURN NULL;
END $$;
