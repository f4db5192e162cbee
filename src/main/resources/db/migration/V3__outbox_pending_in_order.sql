-- The outbox's waiting messages in id order: lets the senders' "oldest waiting message of each target"
-- read stop after a batch instead of sorting every waiting message (9 ms to 0.1 ms at 5,000 waiting).
-- The index on settled rows by age goes: SQLite chose it for that read, and the hourly purge of
-- settled rows does as well with a scan.
DROP INDEX outbox_settled;
CREATE INDEX outbox_by_state_id ON outbox (state, id);
