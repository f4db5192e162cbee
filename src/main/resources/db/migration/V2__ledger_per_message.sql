-- Each paper counts as sent with the message that carries it, not with its whole run, and the
-- ledger keeps that message's platform id. part is a message's place in its run (0 first).
ALTER TABLE ledger ADD COLUMN part INTEGER NOT NULL DEFAULT 0;
ALTER TABLE ledger ADD COLUMN message_id TEXT;
ALTER TABLE outbox ADD COLUMN part INTEGER NOT NULL DEFAULT 0;

-- Rows written before this version: each message's place in its run, and every paper on its
-- run's last message, which is when those papers counted as sent before.
UPDATE outbox SET part = (SELECT COUNT(*) FROM outbox o WHERE o.run_key = outbox.run_key AND o.id < outbox.id);
UPDATE ledger SET part = (SELECT COUNT(*) FROM outbox o WHERE o.run_key = ledger.run_key) - 1
    WHERE EXISTS (SELECT 1 FROM outbox o WHERE o.run_key = ledger.run_key);

CREATE INDEX outbox_settled ON outbox (state, created_at);
