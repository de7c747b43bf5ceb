-- When a failed reply may be tried again: the channel's retry_after (Telegram 429) or exponential backoff.
-- NULL = at once. Portable SQL (H2 2.x and PostgreSQL 12+).
ALTER TABLE outbox ADD COLUMN next_attempt_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX ix_outbox_due ON outbox (next_attempt_at);
