-- The phone side of a guided call: which Twilio call it is, the number the caller dialled (used as the
-- caller id when the service dials out for that call), the handler's leg once it answers, and the end.
CREATE TABLE phone_calls (
    call_id          uuid        PRIMARY KEY REFERENCES calls (id),
    call_sid         text        NOT NULL UNIQUE,
    dialled_number   text,
    handler_leg_sid  text,
    ended_at         timestamptz,
    end_status       text
);

-- Every webhook delivery that changed something, by its identity (CallSid, event, sequence). Twilio
-- retries; a repeated delivery finds its key here and changes nothing.
CREATE TABLE webhook_deliveries (
    key          text        PRIMARY KEY,
    received_at  timestamptz NOT NULL
);

-- What was said, final utterances only, in the order Twilio numbered them. Deleted outright when the call
-- turns out to be a staff-conduct complaint: no details of those may be kept.
CREATE TABLE transcript_lines (
    call_id     uuid        NOT NULL REFERENCES calls (id),
    sequence    bigint      NOT NULL,
    speaker     text        NOT NULL CHECK (speaker IN ('caller', 'handler')),
    text        text        NOT NULL,
    spoken_at   timestamptz NOT NULL,
    PRIMARY KEY (call_id, sequence)
);

-- Warm transfers to the Complaints Resolution Team, one row per attempt; the steps are call events.
CREATE TABLE warm_transfers (
    id             bigserial   PRIMARY KEY,
    call_id        uuid        NOT NULL REFERENCES calls (id),
    state          text        NOT NULL CHECK (state IN ('dialling', 'briefing', 'completed', 'failed')),
    team           text        NOT NULL,
    team_number    text        NOT NULL,
    conference     text        NOT NULL,
    team_call_sid  text,
    reason         text,
    started_at     timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL
);

CREATE INDEX warm_transfers_call ON warm_transfers (call_id, id DESC);
CREATE UNIQUE INDEX warm_transfers_active ON warm_transfers (call_id) WHERE state IN ('dialling', 'briefing');
