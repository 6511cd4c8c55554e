-- The live streams open on every node, so one sign-in's limit holds across nodes. Each node renews its own
-- rows while their streams are open and deletes a row as its stream closes; the rows of a node that stopped
-- without closing them lapse (see telephony.StreamDao) and are cleared by one node.
CREATE TABLE open_streams (
    id       uuid        PRIMARY KEY,
    holder   text        NOT NULL,
    node     uuid        NOT NULL,
    seen_at  timestamptz NOT NULL
);

CREATE INDEX open_streams_holder ON open_streams (holder, seen_at);
CREATE INDEX open_streams_node ON open_streams (node);
