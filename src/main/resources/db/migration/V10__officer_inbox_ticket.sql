-- The ticket an officer's action is about, when the channel can tell (a button, /note 12, a reply to a card or a
-- relayed message): a citizen who withdraws consent takes the text of pending actions about their tickets along. No
-- foreign key: an action may name a ticket that does not exist (refused and audited when it runs), and it must be
-- stored all the same.
ALTER TABLE officer_inbox ADD COLUMN ticket_id BIGINT;
CREATE INDEX officer_inbox_ticket ON officer_inbox (ticket_id);
