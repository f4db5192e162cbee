-- A message by its run and place in it: how the ledger finds the message that carries a paper
-- (forgetting the papers of dropped messages) without scanning the waiting messages.
DROP INDEX outbox_by_run;
CREATE INDEX outbox_by_run_part ON outbox (run_key, part);
