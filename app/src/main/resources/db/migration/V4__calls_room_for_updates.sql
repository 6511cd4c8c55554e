-- Every answer rewrites its call's row. Leaving half of each page free lets PostgreSQL put the new
-- version beside the old one (a HOT update) instead of touching every index on calls each time.
ALTER TABLE calls SET (fillfactor = 50);
