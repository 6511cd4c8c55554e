-- A chat model's summary of a completed call's case note, written once, in the background, when the call
-- reaches its outcome, so the outcome page reads it instead of asking the model. Rows are only added: a
-- summary that could not be written is kept as 'none' with the reason. One row per call and summary
-- version (raised when the summary prompt changes). A staff-conduct call never has a row.
CREATE TABLE call_summaries (
    id         bigserial   PRIMARY KEY,
    call_id    uuid        NOT NULL REFERENCES calls (id),
    version    integer     NOT NULL,
    status     text        NOT NULL CHECK (status IN ('written', 'none')),
    summary    text,
    reason     text,
    model      text        NOT NULL,
    written_at timestamptz NOT NULL,
    UNIQUE (call_id, version),
    CHECK ((status = 'written') = (summary IS NOT NULL)),
    CHECK (status = 'written' OR reason IS NOT NULL)
);
