-- How many of the citizen's last turns in a row got no answer (the safe fallback, or a 👎): at two, an officer
-- is offered. Portable SQL (H2 2.x and PostgreSQL 12+).
ALTER TABLE conversations ADD COLUMN unanswered_streak INTEGER DEFAULT 0 NOT NULL;
