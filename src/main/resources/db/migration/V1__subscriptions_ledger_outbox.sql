-- Subscriptions, the delivery ledger and the outbox. Portable between SQLite and PostgreSQL:
-- times are epoch milliseconds (BIGINT), local days ISO text, and ${id_column} is the one
-- dialect-specific piece (an auto-generated primary key), set by the store per database.

CREATE TABLE subscription (
    id ${id_column},
    target_key TEXT NOT NULL,
    platform TEXT NOT NULL,
    chat_id TEXT NOT NULL,
    thread_id TEXT,
    filter_kind TEXT NOT NULL,
    filter_text TEXT NOT NULL,
    deliver_at TEXT NOT NULL,
    zone_id TEXT NOT NULL,
    paused BOOLEAN NOT NULL,
    paused_reason TEXT,
    created_by TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    last_delivered_date TEXT,
    last_run_at BIGINT,
    last_outcome TEXT
);

CREATE INDEX subscription_by_target ON subscription (target_key, id);

-- One row per paper per target: written when a run is planned (sent_at null), sent when the
-- run's last message is.
CREATE TABLE ledger (
    target_key TEXT NOT NULL,
    paper_key TEXT NOT NULL,
    subscription_id BIGINT NOT NULL,
    run_key TEXT NOT NULL,
    planned_at BIGINT NOT NULL,
    sent_at BIGINT,
    PRIMARY KEY (target_key, paper_key)
);

CREATE INDEX ledger_by_run ON ledger (run_key);

-- state: PENDING until SENT, FAILED (given up) or DROPPED (unsubscribed, paused, target gone).
CREATE TABLE outbox (
    id ${id_column},
    target_key TEXT NOT NULL,
    platform TEXT NOT NULL,
    chat_id TEXT NOT NULL,
    thread_id TEXT,
    subscription_id BIGINT NOT NULL,
    run_key TEXT NOT NULL,
    payload TEXT NOT NULL,
    state TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    not_before BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    sent_at BIGINT,
    message_id TEXT,
    last_error TEXT
);

CREATE INDEX outbox_by_state_target ON outbox (state, target_key, id);
CREATE INDEX outbox_by_run ON outbox (run_key);
