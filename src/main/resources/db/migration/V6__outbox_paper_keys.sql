-- The papers a message carries (their keys, one a line), so that a message dropped while it was being
-- sent (unsubscribed, paused) can still record them once the platform confirms it arrived. Null for
-- messages written before this version and for messages that carry no paper.
ALTER TABLE outbox ADD COLUMN paper_keys TEXT;
