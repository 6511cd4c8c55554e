-- The JSON API signs in too: an API token is a sign-in of its own kind, kept only as a hash like a browser's.
ALTER TABLE sign_ins ADD COLUMN kind text NOT NULL DEFAULT 'browser' CHECK (kind IN ('browser', 'api'));
ALTER TABLE sign_ins ALTER COLUMN kind DROP DEFAULT;

-- Wrong passwords, kept in the database so a lock holds across restarts and across nodes.
CREATE TABLE sign_in_failures (
    id       bigserial   PRIMARY KEY,
    username text        NOT NULL,
    address  text        NOT NULL,
    at       timestamptz NOT NULL
);

CREATE INDEX sign_in_failures_username ON sign_in_failures (username, at);
CREATE INDEX sign_in_failures_address ON sign_in_failures (address, at);
