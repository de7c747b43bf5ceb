-- Which instance carries out an officer's action, and until when unless it renews its claim: with several instances
-- on one database, an action is carried out only by the instance that claimed it here first (one conditional UPDATE:
-- unclaimed, already its own, or the lease run out). The claim was in each instance's memory only, so the instance
-- relaying to officers also carried out actions another instance had just stored and was about to carry out itself:
-- an officer's reply reached the citizen twice. An instance that dies leaves its claims to run out; another takes the
-- actions over then. Rows stored before this migration are unclaimed. Portable SQL (H2 2.x and PostgreSQL 12+).
ALTER TABLE officer_inbox ADD COLUMN claimed_by VARCHAR(200);
ALTER TABLE officer_inbox ADD COLUMN claimed_until TIMESTAMP WITH TIME ZONE;
