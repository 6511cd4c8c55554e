-- A handler may end a call without an outcome (dropped, mistaken or test calls); the "ended" event says why.
ALTER TABLE calls DROP CONSTRAINT calls_status_check;
ALTER TABLE calls ADD CONSTRAINT calls_status_check CHECK (status IN ('in_progress', 'completed', 'ended'));
