-- How many calls each sign-in started in each minute: the limit on starting calls holds across every node.
CREATE TABLE call_start_counts (
    who     text        NOT NULL,
    minute  timestamptz NOT NULL,
    started integer     NOT NULL,
    PRIMARY KEY (who, minute)
);
