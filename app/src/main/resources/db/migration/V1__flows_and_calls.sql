-- Every version of a flow that a call has used, kept whole, so a call in progress and the record of a
-- finished one always read the flow as it was when the call started.
CREATE TABLE flow_versions (
    flow_id     text        NOT NULL,
    version     text        NOT NULL,
    title       text        NOT NULL,
    definition  text        NOT NULL,
    first_seen  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (flow_id, version)
);

-- What is true of a call now. Derived from call_events and kept in the same transaction as each
-- event, so reading a call never replays its history.
CREATE TABLE calls (
    id               uuid        PRIMARY KEY,
    flow_id          text        NOT NULL,
    flow_version     text        NOT NULL,
    handler_id       text        NOT NULL,
    call_sid         text        UNIQUE,
    nation           text        NOT NULL CHECK (nation IN ('england-and-wales', 'scotland', 'northern-ireland')),
    status           text        NOT NULL CHECK (status IN ('in_progress', 'completed')),
    current_question text,
    answers          jsonb       NOT NULL DEFAULT '[]',
    outcome_code     text,
    flags            text[]      NOT NULL DEFAULT '{}',
    outcome          json,          -- json, not jsonb: kept exactly as shown to the handler
    started_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    completed_at     timestamptz,
    FOREIGN KEY (flow_id, flow_version) REFERENCES flow_versions (flow_id, version),
    CHECK ((status = 'completed') = (outcome_code IS NOT NULL))
);

CREATE INDEX calls_started_at ON calls (started_at DESC);
CREATE INDEX calls_handler ON calls (handler_id, started_at DESC);
CREATE INDEX calls_outcome ON calls (outcome_code);

-- What happened on a call, in order, never rewritten. The one exception is a note's text, which is
-- blanked when the call turns out to be a staff-conduct complaint: the procedure allows no details of
-- those on any system.
CREATE TABLE call_events (
    id          bigserial   PRIMARY KEY,
    call_id     uuid        NOT NULL REFERENCES calls (id),
    at          timestamptz NOT NULL,
    -- started, answered, changed, dropped, note, outcome, notes_redacted; other features add their own
    type        text        NOT NULL,
    question    text,
    answer      text,
    note        text,
    detail      jsonb,
    -- A client's retry of the same request finds the first response here and records nothing new.
    request_id  uuid,
    response    json
);

CREATE INDEX call_events_call ON call_events (call_id, id);
CREATE UNIQUE INDEX call_events_request ON call_events (call_id, request_id) WHERE request_id IS NOT NULL;
