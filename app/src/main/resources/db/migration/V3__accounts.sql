-- People who sign in to the pages. The JSON API stays open to its integrations and uses none of this.
CREATE TABLE accounts (
    username      text        PRIMARY KEY CHECK (username ~ '^[a-z0-9][a-z0-9._-]{1,39}$'),
    role          text        NOT NULL CHECK (role IN ('handler', 'supervisor', 'team_leader')),
    password_hash text        NOT NULL,
    created_at    timestamptz NOT NULL
);

-- A signed-in browser. Only a hash of the cookie's token is kept, so a copy of this table signs no one in.
CREATE TABLE sign_ins (
    token_hash  text        PRIMARY KEY,
    username    text        NOT NULL REFERENCES accounts (username) ON DELETE CASCADE,
    csrf_token  text        NOT NULL,
    created_at  timestamptz NOT NULL,
    last_seen   timestamptz NOT NULL
);

CREATE INDEX sign_ins_last_seen ON sign_ins (last_seen);

-- Every look at a call by a supervisor or team leader, for them to read back.
CREATE TABLE call_access_log (
    id        bigserial   PRIMARY KEY,
    call_id   uuid        NOT NULL REFERENCES calls (id),
    username  text        NOT NULL,
    role      text        NOT NULL,
    page      text        NOT NULL,
    at        timestamptz NOT NULL
);

CREATE INDEX call_access_log_at ON call_access_log (at DESC);
CREATE INDEX call_access_log_call ON call_access_log (call_id, at DESC);
