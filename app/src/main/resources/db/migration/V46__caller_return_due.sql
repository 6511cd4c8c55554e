-- A failed attempt whose caller must be brought back to the handler stays due until Twilio has taken the step, so
-- the node that crashed or lost Twilio halfway loses nothing: the node that saw the failure tries first, then the
-- background job (one node at a time) until it works or the caller has waited too long. A try claims the return
-- for a while by moving its due time on. handler: the handler's leg must be brought back to the room too.
ALTER TABLE warm_transfers ADD COLUMN caller_return_due timestamptz;
ALTER TABLE warm_transfers ADD COLUMN caller_return_handler boolean NOT NULL DEFAULT false;
CREATE INDEX warm_transfers_caller_return_due ON warm_transfers (caller_return_due) WHERE caller_return_due IS NOT NULL;
