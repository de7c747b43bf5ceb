-- The FAQ entry the bot last answered or offered first: a follow-up ("còn phí thì sao?") is matched in its context.
-- An entry id, never the citizen's words, so retention has nothing personal to purge here.
ALTER TABLE conversations ADD COLUMN last_entry VARCHAR(200);
