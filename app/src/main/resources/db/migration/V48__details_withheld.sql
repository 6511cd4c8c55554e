-- A staff-conduct "yes" waiting on the handler's check page: until it is confirmed or changed, the call keeps
-- no details (no transcript line, no note), so ending the call from there cannot leave any behind.
CREATE TABLE details_withheld (
    call_id uuid        PRIMARY KEY REFERENCES calls (id) ON DELETE CASCADE,
    since   timestamptz NOT NULL
);
