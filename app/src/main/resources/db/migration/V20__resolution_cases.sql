-- The Complaints Resolution Team's people sign in like everyone else.
ALTER TABLE accounts DROP CONSTRAINT IF EXISTS accounts_role_check;
ALTER TABLE accounts ADD CONSTRAINT accounts_role_check
    CHECK (role IN ('handler', 'supervisor', 'team_leader', 'resolution_caseworker', 'resolution_team_leader'));

-- A CRT case as its events leave it. Derived from crt_case_events in the same transaction as each event
-- (replaying the events rebuilds it); `version` is the number of events, checked by every move.
CREATE TABLE crt_cases (
    id              uuid        PRIMARY KEY,
    kind            text        NOT NULL CHECK (kind IN ('complaint', 'mp_query', 'placeholder')),
    stage           text        NOT NULL,
    version         integer     NOT NULL CHECK (version >= 1),
    team            text        NOT NULL CHECK (team IN ('gb', 'ni')),
    caseworker      text,
    call_id         uuid        UNIQUE REFERENCES calls (id),
    referred_by     text,
    received_on     date        NOT NULL,
    immediate       boolean     NOT NULL DEFAULT false,
    closed          boolean     NOT NULL,
    resolution_code text,
    state           jsonb       NOT NULL,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL
);

CREATE INDEX crt_cases_open ON crt_cases (team, closed);
CREATE INDEX crt_cases_caseworker ON crt_cases (caseworker) WHERE NOT closed;

-- Everything that happened to a case, one row per version. Never updated or deleted.
CREATE TABLE crt_case_events (
    case_id  uuid        NOT NULL REFERENCES crt_cases (id),
    version  integer     NOT NULL,
    at       timestamptz NOT NULL,
    on_date  date        NOT NULL,
    actor    text        NOT NULL,
    role     text        NOT NULL,
    type     text        NOT NULL CHECK (type IN ('opened', 'moved', 'assigned')),
    move     text,
    detail   jsonb       NOT NULL,
    PRIMARY KEY (case_id, version)
);

CREATE FUNCTION crt_case_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'crt_case_events is append-only';
END $$;

CREATE TRIGGER crt_case_events_append_only BEFORE UPDATE OR DELETE ON crt_case_events
    FOR EACH ROW EXECUTE FUNCTION crt_case_events_append_only();

-- Every look at a case, by whom and through which door.
CREATE TABLE crt_case_views (
    id        bigserial   PRIMARY KEY,
    case_id   uuid        NOT NULL REFERENCES crt_cases (id),
    username  text        NOT NULL,
    role      text        NOT NULL,
    via       text        NOT NULL,
    at        timestamptz NOT NULL
);

CREATE INDEX crt_case_views_case ON crt_case_views (case_id, at DESC);
