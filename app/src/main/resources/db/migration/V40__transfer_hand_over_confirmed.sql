-- A warm transfer is completed only when Twilio reports the hand-over: between the handler's "complete"
-- and that report it is handing_over, still an attempt under way (one at a time per call).
ALTER TABLE warm_transfers DROP CONSTRAINT warm_transfers_state_check;
ALTER TABLE warm_transfers ADD CONSTRAINT warm_transfers_state_check
    CHECK (state IN ('dialling', 'briefing', 'handing_over', 'completed', 'failed'));
DROP INDEX warm_transfers_active;
CREATE UNIQUE INDEX warm_transfers_active ON warm_transfers (call_id) WHERE state IN ('dialling', 'briefing', 'handing_over');

-- Whether the handler's leg may have left the caller's Dial for the briefing room: then the caller, whose Dial
-- has ended, goes back to the handler there, even after the attempt failed. Cleared when Twilio refused the move.
ALTER TABLE warm_transfers ADD COLUMN handler_moved boolean NOT NULL DEFAULT true;
