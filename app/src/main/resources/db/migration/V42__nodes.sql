-- Several nodes share this database. What one node writes, the others hear of through a notice on the
-- channel callguide_events, sent by these triggers in the transaction that writes the row (so it goes out on
-- commit, never for a change rolled back). A notice carries only ids, `<kind>:<id>[:<sequence>]`: the node
-- reads the rows themselves, so a notice missed while a node reconnects loses nothing.

-- A transcript line: screens on any node following the call read it and send it on.
CREATE FUNCTION notify_transcript_line() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('callguide_events', 'line:' || NEW.call_id || ':' || NEW.sequence);
    RETURN NULL;
END $$;
CREATE TRIGGER transcript_lines_notify AFTER INSERT ON transcript_lines
    FOR EACH ROW EXECUTE FUNCTION notify_transcript_line();

-- A warm transfer started, answered, completed or failed: the call's screens show where it stands.
CREATE FUNCTION notify_transfer() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('callguide_events', 'transfer:' || NEW.call_id);
    RETURN NULL;
END $$;
CREATE TRIGGER warm_transfers_notify AFTER INSERT OR UPDATE ON warm_transfers
    FOR EACH ROW EXECUTE FUNCTION notify_transfer();

-- The phone calls waiting change when one arrives, ends, or is taken (or its guided call ends).
CREATE FUNCTION notify_waiting() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_TABLE_NAME = 'phone_calls' THEN
        PERFORM pg_notify('callguide_events', 'waiting:' || NEW.call_id);
    ELSIF EXISTS (SELECT 1 FROM phone_calls WHERE call_id = NEW.id) THEN
        PERFORM pg_notify('callguide_events', 'waiting:' || NEW.id);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER phone_calls_notify AFTER INSERT OR UPDATE OF ended_at ON phone_calls
    FOR EACH ROW EXECUTE FUNCTION notify_waiting();
-- Only a change of hands or status: an answer, the usual update, sends nothing.
CREATE TRIGGER calls_waiting_notify AFTER UPDATE OF handler_id, status ON calls
    FOR EACH ROW WHEN (OLD.handler_id IS DISTINCT FROM NEW.handler_id OR OLD.status IS DISTINCT FROM NEW.status)
    EXECUTE FUNCTION notify_waiting();

-- Background work runs once across nodes: a node claims a job's turn here (see store.Jobs), and only the
-- node whose claim changed the row does the work.
CREATE TABLE job_runs (
    job          text        PRIMARY KEY,
    last_run_at  timestamptz NOT NULL,
    runs         bigint      NOT NULL
);
