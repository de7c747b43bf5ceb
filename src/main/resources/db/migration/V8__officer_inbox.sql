-- Officers' actions stored before the channel acknowledges them (handoff.OfficerInbox): the action runs after, on
-- the officers' lane, and start-up runs what a crash left. source_id is the platform's update id (a redelivery is a
-- duplicate); payload is the channel's own encoding of the action, blanked once handled. Portable SQL (H2 2.x and
-- PostgreSQL 12+).
CREATE TABLE officer_inbox (
    source_id   VARCHAR(200)             PRIMARY KEY,
    payload     VARCHAR                  NOT NULL,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL,
    handled_at  TIMESTAMP WITH TIME ZONE
);
CREATE INDEX officer_inbox_pending ON officer_inbox (handled_at, received_at);
