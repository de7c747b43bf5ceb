-- A handoff that never leaves a citizen in silence. unanswered_since: since when the citizen has waited for a word
-- from the officer holding the ticket (set when it is taken and when the citizen writes while it is held, cleared by
-- the officer's reply and when it goes back to the queue): an urgent ticket whose holder stays silent past the SLA
-- goes back to the queue. relay_acks: when the citizen was last told a message reached the holder, so the
-- acknowledgement goes at most once a minute per ticket across restarts and instances (claimed under the ticket's
-- row lock). Deleted with the ticket. Portable SQL (H2 2.x and PostgreSQL 12+).
ALTER TABLE tickets ADD COLUMN unanswered_since TIMESTAMP WITH TIME ZONE;

CREATE TABLE relay_acks (
    ticket_id   BIGINT PRIMARY KEY REFERENCES tickets (id) ON DELETE CASCADE,
    last_ack_at TIMESTAMP WITH TIME ZONE NOT NULL
);
