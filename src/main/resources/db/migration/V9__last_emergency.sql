-- The last emergency the citizen declared: its situation (faq/urgent.yaml's id, "distress", or "danger-button"), when,
-- and whether officers were alerted to it. The same emergency again within minutes is then acknowledged rather than
-- answered and raised again, and a calm answer with the same first steps is not taken for one. No words of the
-- citizen's; purge clears it once older than the cutoff, and it is deleted with the conversation.
ALTER TABLE conversations ADD COLUMN last_emergency VARCHAR(200);
ALTER TABLE conversations ADD COLUMN last_emergency_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE conversations ADD COLUMN last_emergency_alerted BOOLEAN;
