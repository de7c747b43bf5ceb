-- The officers' web console (issue 18). officer_passwords: one Argon2id hash per officer (`officer passwd`).
-- console_logins: failed sign-ins in a row and the lockout they caused. console_sessions: signed-in browsers, keyed
-- by the SHA-256 of the session token (the token itself is only in the officer's cookie, so a copy of the database
-- signs nobody in), with the CSRF token, the chosen language and the last request's time for the idle timeout.
-- What officers do in the console is audited in ticket_events like every other action. Deleted with the officer.
-- Portable SQL (H2 2.x and PostgreSQL 12+).
CREATE TABLE officer_passwords (
    user_id  VARCHAR(64)  PRIMARY KEY REFERENCES officers (user_id) ON DELETE CASCADE,
    hash     VARCHAR(255) NOT NULL,
    set_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE console_logins (
    user_id      VARCHAR(64) PRIMARY KEY,
    failures     INTEGER     NOT NULL,
    locked_until TIMESTAMP WITH TIME ZONE
);

CREATE TABLE console_sessions (
    token_hash   VARCHAR(64) PRIMARY KEY,
    user_id      VARCHAR(64) NOT NULL REFERENCES officers (user_id) ON DELETE CASCADE,
    csrf         VARCHAR(64) NOT NULL,
    language     VARCHAR(8)  NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_console_sessions_user ON console_sessions (user_id);
