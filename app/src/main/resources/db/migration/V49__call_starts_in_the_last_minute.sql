-- The call-start limit counts a sign-in's starts in the last 60 seconds, not in the clock's minute: counted by the
-- minute, 600 a minute let 1,200 through either side of a minute's turn. One row per start, kept for a minute;
-- (who, at) finds a sign-in's last minute without reading anyone else's.
CREATE TABLE call_starts (
    who text        NOT NULL,
    at  timestamptz NOT NULL
);
CREATE INDEX call_starts_who_at ON call_starts (who, at);
DROP TABLE call_start_counts;
